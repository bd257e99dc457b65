import { cityDate } from '@/lib/domain/quarters';
import type { Locale } from '@/lib/i18n/config';
import { appTimeZone, formatDateTime } from '@/lib/i18n/format';

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: appTimeZone });

/** `14:30`, Beijing time. */
export function formatClock(at: Date | string): string {
  return clock.format(at instanceof Date ? at : new Date(at));
}

/** `2018年3月15日 09:00—11:00`, or both dates in full when it runs over midnight (Beijing time). */
export function formatTimeRange(start: Date | string, end: Date | string, locale: Locale): string {
  const s = start instanceof Date ? start : new Date(start);
  const e = end instanceof Date ? end : new Date(end);
  const dash = locale === 'en' ? '–' : '—';
  if (cityDate(s) === cityDate(e)) return `${formatDateTime(s, locale)}${dash}${formatClock(e)}`;
  return `${formatDateTime(s, locale)} ${dash} ${formatDateTime(e, locale)}`;
}
