import { localizedName } from '@/lib/i18n/localized';
import type { PersonOption } from './conference-fields';

type Person = { id: number; name: string; nameEn: string | null; position: string | null; positionEn: string | null };

/** People for a picker: `罗东升（市委书记）`, in English with the English name and position when known. */
export function peopleOptions(people: readonly Person[], locale: string): PersonOption[] {
  return people.map((p) => {
    const name = localizedName(p, locale);
    const position = locale === 'en' && p.positionEn ? p.positionEn : p.position;
    return { id: p.id, label: position ? (locale === 'en' ? `${name} (${position})` : `${name}（${position}）`) : name };
  });
}
