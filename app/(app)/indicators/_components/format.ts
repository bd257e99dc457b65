import type { IndicatorMeasure, YearMonth } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';

const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** `2018年3月` in zh-CN, `Mar 2018` in en: a calendar month, not an instant (read in UTC). */
export function formatYearMonth({ year, month }: YearMonth, locale: Locale): string {
  let format = monthFormats.get(locale);
  if (!format) {
    // en-US: en-GB writes "Sept", and a table column wants three letters (as lib/i18n/format.ts does).
    format = new Intl.DateTimeFormat(locale === 'en' ? 'en-US' : locale, { year: 'numeric', month: locale === 'en' ? 'short' : 'long', timeZone: 'UTC' });
    monthFormats.set(locale, format);
  }
  return format.format(new Date(Date.UTC(year, month - 1, 1)));
}

/** A year, or its first months when the running year is compared: `2017年`, `2018年1–3月` / `2017`, `Jan–Mar 2018`. */
export function yearSpan(year: number, months: number, locale: Locale): string {
  if (months === 12) return locale === 'en' ? String(year) : `${year}年`;
  if (locale !== 'en') return months === 1 ? `${year}年1月` : `${year}年1–${months}月`;
  const last = formatYearMonth({ year, month: months }, locale);
  return months === 1 ? last : `Jan–${last}`;
}

export const formatMeasure = (measure: IndicatorMeasure, value: number, locale: Locale) =>
  formatNumber(value, locale, measure === 'directLoss' ? { minimumFractionDigits: 2, maximumFractionDigits: 2 } : undefined);
