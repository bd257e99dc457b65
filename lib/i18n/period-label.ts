import type { Period } from '@/lib/domain/period';
import type { Locale } from './config';
import { formatDate } from './format';
import { translator } from './translator';

/** A reporting period in words: `2026年第4季度` / `Q4 2026`, `2026年` / `2026`, or its first and last day. */
export function periodLabel(period: Period, locale: Locale): string {
  const t = translator(locale);
  // Years as text: a number would be grouped (2,026).
  if (period.kind === 'quarter') return t('periodLabel.quarter', { year: String(period.year), quarter: period.quarter });
  if (period.kind === 'year') return t('periodLabel.year', { year: String(period.year) });
  return t('periodLabel.range', { from: formatDate(period.from, locale), to: formatDate(period.to, locale) });
}
