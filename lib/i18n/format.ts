import type { Locale } from './config';

/** The committee works on Beijing time, whatever the server's or the browser's zone. */
export const appTimeZone = 'Asia/Shanghai';

type DateInput = Date | string | number;

const dateOnly = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat>();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat>(key: string, make: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = make();
    formatters.set(key, formatter);
  }
  return formatter as T;
}

/**
 * A `date` column arrives as `YYYY-MM-DD`: it is a calendar day, not an instant, so it is
 * read and shown in UTC and never shifts by a day. Anything else is an instant.
 */
function toDate(value: DateInput): { date: Date; timeZone: string } {
  if (typeof value === 'string' && dateOnly.test(value)) {
    return { date: new Date(`${value}T00:00:00Z`), timeZone: 'UTC' };
  }
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not a date: ${String(value)}`);
  return { date, timeZone: appTimeZone };
}

function dateParts(date: Date, timeZone: string) {
  // en-US for the month: en-GB now writes "Sept", and a table column wants three letters.
  const parts = cached(`parts:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone }),
  ).formatToParts(date);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { day: part('day'), month: part('month'), year: part('year') };
}

/** `2018年3月15日` in zh-CN, `15 Mar 2018` in en. */
export function formatDate(value: DateInput, locale: Locale): string {
  const { date, timeZone } = toDate(value);
  if (locale === 'en') {
    const { day, month, year } = dateParts(date, timeZone);
    return `${day} ${month} ${year}`;
  }
  return cached(`date:${locale}:${timeZone}`, () =>
    new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', day: 'numeric', timeZone }),
  ).format(date);
}

/** `2018年3月15日 14:30` in zh-CN, `15 Mar 2018, 14:30` in en (24-hour, Beijing time). */
export function formatDateTime(value: DateInput, locale: Locale): string {
  const { date, timeZone } = toDate(value);
  const time = cached(`time:${timeZone}`, () =>
    new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }),
  ).format(date);
  const day = formatDate(date, locale);
  return locale === 'en' ? `${day}, ${time}` : `${day} ${time}`;
}

/** Grouped digits in the locale's style: `1,234,567`. */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  const key = `number:${locale}:${JSON.stringify(options ?? {})}`;
  return cached(key, () => new Intl.NumberFormat(locale, options)).format(value);
}

export type PercentOptions = {
  /** Most digits after the point; default 1 (`36.4%`), trailing zeros dropped. */
  maximumFractionDigits?: number;
  /** Show `+` for rises, as in year-on-year changes (`−36%`, `+5%`). */
  signed?: boolean;
};

/** A ratio as a percentage: `0.364` → `36.4%`. */
export function formatPercent(ratio: number, locale: Locale, options: PercentOptions = {}): string {
  return formatNumber(ratio, locale, {
    style: 'percent',
    maximumFractionDigits: options.maximumFractionDigits ?? 1,
    signDisplay: options.signed ? 'exceptZero' : 'auto',
  });
}
