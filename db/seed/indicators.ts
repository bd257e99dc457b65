import type { safetyIndicators } from '../schema';
import { at, shanghaiDate, ymd } from './dates';

// City-wide monthly figures from January 2015 to the last full month before today.
// Absolute numbers are illustrative (a city of six million); what the 2018 article states
// holds exactly: 2017 against 2015 gives accidents −36 % (450 → 288) and deaths −32 %
// (250 → 170), and the last major accident (较大及以上) is in October 2015, so March 2018
// closes 29 months without one. After 2018 the decline continues gently, with no major accident.

type NewSafetyIndicator = typeof safetyIndicators.$inferInsert;

const ANNUAL: Record<number, { accidents: number; deaths: number }> = {
  2015: { accidents: 450, deaths: 250 },
  2016: { accidents: 362, deaths: 206 },
  2017: { accidents: 288, deaths: 170 },
};
const MAJOR_ACCIDENTS: Record<string, number> = { '2015-03': 1, '2015-07': 1, '2015-10': 1 };
/** Fewer accidents around the Spring Festival, more in the busy summer months. */
const SEASON = [7, 5.5, 7.5, 8, 8.5, 9, 9.5, 9.5, 8.5, 9, 9, 9];

function annual(year: number): { accidents: number; deaths: number } {
  const known = ANNUAL[year];
  if (known) return known;
  const factor = 0.94 ** (year - 2017);
  return { accidents: Math.round(288 * factor), deaths: Math.round(170 * factor) };
}

/** A repeatable wobble in [−1, 1], so no two years share one monthly pattern. */
function wobble(year: number, month: number, salt: number): number {
  return Math.sin(year * 12.9898 + month * 78.233 + salt * 37.719);
}

/** Splits a total over weights in whole numbers that add up exactly (largest remainder). */
export function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const parts = raw.map(Math.floor);
  const order = raw.map((r, i) => ({ i, frac: r - Math.floor(r) })).sort((a, b) => b.frac - a.frac || a.i - b.i);
  let rest = total - parts.reduce((a, b) => a + b, 0);
  for (const { i } of order) {
    if (rest-- <= 0) break;
    parts[i] = (parts[i] ?? 0) + 1;
  }
  return parts;
}

export function indicatorRows(today: Date, createdById: number | null): NewSafetyIndicator[] {
  const t = shanghaiDate(today);
  const [thisYear, thisMonth] = [Number(t.slice(0, 4)), Number(t.slice(5, 7))];
  const rows: NewSafetyIndicator[] = [];
  for (let year = 2015; year <= Math.max(thisYear, 2018); year++) {
    const totals = annual(year);
    const accidents = apportion(totals.accidents, SEASON.map((w, m) => w * (1 + 0.08 * wobble(year, m, 1))));
    const deaths = apportion(totals.deaths, SEASON.map((w, m) => w * (1 + 0.15 * wobble(year, m, 2))));
    for (let month = 1; month <= 12; month++) {
      // Whole months only, but always through March 2018, the article's reference month.
      if (year * 12 + month >= thisYear * 12 + thisMonth && year * 12 + month > 2018 * 12 + 3) break;
      const a = accidents[month - 1] ?? 0;
      const reportedOn = month === 12 ? ymd(year + 1, 1, 5) : ymd(year, month + 1, 5);
      const recorded = at(reportedOn, '10:00');
      const createdAt = recorded < today ? recorded : new Date(today.getTime() - 3_600_000);
      rows.push({
        year,
        month,
        departmentId: null,
        accidents: a,
        deaths: deaths[month - 1] ?? 0,
        injuries: Math.round(a * (0.85 + 0.1 * wobble(year, month, 3))),
        majorAccidents: MAJOR_ACCIDENTS[ymd(year, month, 1).slice(0, 7)] ?? 0,
        directLoss: (a * (16 + 4 * wobble(year, month, 4))).toFixed(2),
        createdById,
        createdAt,
        updatedAt: createdAt,
      });
    }
  }
  return rows;
}
