import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import type { RankingFigure } from '@/lib/validation/scoring';

const rates = new Set<RankingFigure>(['onTimeRate', 'completionRate', 'attendanceRate']);
const averages = new Set<RankingFigure>(['avgDaysToAcknowledge', 'avgDaysToComplete']);

export const isRate = (key: RankingFigure) => rates.has(key);

/** A scorecard figure as shown: rates as percentages, days and scores with one decimal, counts whole; "—" when there is none. */
export function formatFigure(key: RankingFigure, value: number | null | undefined, locale: Locale): string {
  if (value === null || value === undefined) return '—';
  if (rates.has(key)) return formatPercent(value, locale);
  if (key === 'score') return formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (averages.has(key)) return formatNumber(value, locale, { maximumFractionDigits: 1 });
  return formatNumber(value, locale);
}

/**
 * The score as shown: "not due yet" (未到期) for a department whose tasks are all still before their
 * due date, since nothing it has weighs yet (lib/domain/scoring.ts), else the figure.
 */
export function formatScore(row: { score: number | null; notDueYet: number }, locale: Locale, notDueYetLabel: string): string {
  return row.score === null && row.notDueYet > 0 ? notDueYetLabel : formatFigure('score', row.score, locale);
}

/** The same figure in a CSV cell: plain digits for Excel, rates in percent (the header says so); empty when there is none. */
export function csvFigure(key: RankingFigure, value: number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (rates.has(key)) return (Math.round(value * 1000) / 10).toFixed(1);
  if (key === 'score' || averages.has(key)) return (Math.round(value * 10) / 10).toFixed(1);
  return String(value);
}
