/** The name to show: the English one in English when there is one, else the Chinese original. */
export function localizedName(record: { name: string; nameEn?: string | null }, locale: string): string {
  return locale === 'en' && record.nameEn ? record.nameEn : record.name;
}
