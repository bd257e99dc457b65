import { type Quarter, cityDate, quarterOfDate, quarterRange } from './quarters';

/**
 * A reporting period: a quarter, a calendar year, or a custom range of city calendar days.
 * `from` and `to` are inclusive `YYYY-MM-DD`; every figure of the oversight pages is computed for one.
 */
export type Period =
  | { kind: 'quarter'; year: number; quarter: Quarter; from: string; to: string }
  | { kind: 'year'; year: number; from: string; to: string }
  | { kind: 'range'; from: string; to: string };

export function quarterPeriod(year: number, quarter: Quarter): Period {
  const { first, last } = quarterRange(year, quarter);
  return { kind: 'quarter', year, quarter, from: first, to: last };
}

export function yearPeriod(year: number): Period {
  return { kind: 'year', year, from: `${year}-01-01`, to: `${year}-12-31` };
}

export function rangePeriod(from: string, to: string): Period {
  return { kind: 'range', from, to };
}

/** The quarter `now` falls in, in the city's calendar. */
export function currentQuarter(now: Date = new Date()): Period {
  const { year, quarter } = quarterOfDate(now);
  return quarterPeriod(year, quarter);
}

/** The quarter before a quarter, e.g. for quarter-over-quarter comparison. */
export function previousQuarter(year: number, quarter: Quarter): { year: number; quarter: Quarter } {
  return quarter === 1 ? { year: year - 1, quarter: 4 } : { year, quarter: (quarter - 1) as Quarter };
}

/** The period just before, for "see the one before" links: a quarter's, a year's; none for a range. */
export function earlierPeriod(period: Period): Period | null {
  if (period.kind === 'quarter') {
    const before = previousQuarter(period.year, period.quarter);
    return quarterPeriod(before.year, before.quarter);
  }
  return period.kind === 'year' ? yearPeriod(period.year - 1) : null;
}

/** The quarters that overlap a period, oldest first (a trend's x axis). */
export function quartersIn(period: Pick<Period, 'from' | 'to'>): { year: number; quarter: Quarter }[] {
  const start = quarterOfDate(new Date(`${period.from}T12:00:00+08:00`));
  const end = quarterOfDate(new Date(`${period.to}T12:00:00+08:00`));
  const out: { year: number; quarter: Quarter }[] = [];
  for (let y = start.year, q: Quarter = start.quarter; y < end.year || (y === end.year && q <= end.quarter); ) {
    out.push({ year: y, quarter: q });
    if (q === 4) [y, q] = [y + 1, 1];
    else q = (q + 1) as Quarter;
  }
  return out;
}

/** The URL form of a period: `2026-Q3`, `2026`, or `2026-01-05..2026-02-10`. */
export function periodParam(period: Period): string {
  if (period.kind === 'quarter') return `${period.year}-Q${period.quarter}`;
  if (period.kind === 'year') return String(period.year);
  return `${period.from}..${period.to}`;
}

/** Whole days from `from` to `to` inclusive. */
export function periodDays(period: Pick<Period, 'from' | 'to'>): number {
  return Math.round((Date.parse(`${period.to}T00:00:00Z`) - Date.parse(`${period.from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Today in the city, for "so far this period" figures. */
export const todayInCity = (now: Date = new Date()) => cityDate(now);
