/** Conference dates live in the city's time zone: China has one, UTC+8, with no daylight saving. */
export const cityOffset = '+08:00';
const offsetMs = 8 * 3600_000;

export type Quarter = 1 | 2 | 3 | 4;

/** The city's calendar date (YYYY-MM-DD) of an instant. */
export function cityDate(at: Date): string {
  return new Date(at.getTime() + offsetMs).toISOString().slice(0, 10);
}

export function quarterOfDate(at: Date): { year: number; quarter: Quarter } {
  const [y, m] = cityDate(at).split('-').map(Number) as [number, number];
  return { year: y, quarter: (Math.floor((m - 1) / 3) + 1) as Quarter };
}

/** First and last calendar day of a quarter. */
export function quarterRange(year: number, quarter: Quarter): { first: string; last: string } {
  const firstMonth = (quarter - 1) * 3 + 1;
  const lastMonth = firstMonth + 2;
  const lastDay = new Date(Date.UTC(year, lastMonth, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return { first: `${year}-${pad(firstMonth)}-01`, last: `${year}-${pad(lastMonth)}-${pad(lastDay)}` };
}

/** Where in each quarter the committee usually meets; a setting, so each city can choose. */
export interface QuarterlyRule {
  /** 1–3: which month of the quarter. */
  monthOfQuarter: 1 | 2 | 3;
  /** 0 = Sunday … 6 = Saturday. */
  weekday: number;
  /** 1–4 for the nth such weekday of the month, -1 for the last. */
  nth: 1 | 2 | 3 | 4 | -1;
  /** Local start time, HH:MM. */
  startTime: string;
  durationMinutes: number;
}

export const defaultQuarterlyRule: QuarterlyRule = {
  monthOfQuarter: 3,
  weekday: 5,
  nth: 3,
  startTime: '09:00',
  durationMinutes: 120,
};

/** The proposed start and end of a quarter's conference under the rule. */
export function proposedQuarterlyTimes(year: number, quarter: Quarter, rule: QuarterlyRule = defaultQuarterlyRule) {
  const month = (quarter - 1) * 3 + rule.monthOfQuarter; // 1-based
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const firstWeekday = new Date(Date.UTC(year, month - 1, 1)).getUTCDay();
  const firstMatch = 1 + ((rule.weekday - firstWeekday + 7) % 7);
  let day = rule.nth === -1 ? firstMatch + 7 * Math.floor((daysInMonth - firstMatch) / 7) : firstMatch + 7 * (rule.nth - 1);
  if (day > daysInMonth) day -= 7;
  const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const startsAt = new Date(`${date}T${rule.startTime}:00${cityOffset}`);
  return { startsAt, endsAt: new Date(startsAt.getTime() + rule.durationMinutes * 60_000) };
}

/** A quarterly conference must fall inside its quarter. */
export function quarterMatchesDate(year: number, quarter: Quarter, startsAt: Date): boolean {
  const q = quarterOfDate(startsAt);
  return q.year === year && q.quarter === quarter;
}
