import type { Locale } from '@/lib/i18n/config';

const chineseNumerals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

/** A numbered section heading: `三、会议议程` in Chinese (十一 and on as digits), `3. Agenda` in English. */
export function numberedHeading(index: number, text: string, locale: Locale): string {
  if (locale === 'en') return `${index + 1}. ${text}`;
  return `${chineseNumerals[index] ?? index + 1}、${text}`;
}
