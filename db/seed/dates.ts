// Calendar helpers fixed to Asia/Shanghai (+08:00, no daylight saving), so the seed
// gives the same dates whatever time zone the machine running it uses.

import { addDays, weekday } from '../../lib/domain/calendar-days';

export { addDays, weekday };

const DAY_MS = 86_400_000;
const OFFSET_MS = 8 * 3_600_000;

/** The Shanghai calendar date of an instant, as `YYYY-MM-DD`. */
export function shanghaiDate(instant: Date): string {
  return new Date(instant.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** An instant on a Shanghai calendar date, e.g. `at('2018-03-16', '10:30')`. */
export function at(date: string, time: string): Date {
  return new Date(`${date}T${time}:00+08:00`);
}


/** Whole days from `from` to `to` (both `YYYY-MM-DD`). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The first working day (Mon–Fri) after `date`. */
export function nextWeekday(date: string): string {
  let next = addDays(date, 1);
  while (weekday(next) === 0 || weekday(next) === 6) next = addDays(next, 1);
  return next;
}

/** Third Friday of a month: the 2018 first-quarter conference fell on one (16 March). */
export function thirdFriday(year: number, month: number): string {
  const first = ymd(year, month, 1);
  const toFriday = (5 - weekday(first) + 7) % 7;
  return addDays(first, toFriday + 14);
}

/** `2018年3月16日`, as dates appear in notices and minutes. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const WEEKDAYS_ZH = ['日', '一', '二', '三', '四', '五', '六'];

export function chineseWeekday(date: string): string {
  return `星期${WEEKDAYS_ZH[weekday(date)]}`;
}
