import 'server-only';
import { getLocale } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { requireActor } from '@/lib/auth/session';
import { getConferenceDetail } from '@/lib/data/conference-detail';
import { type Locale, defaultLocale, isLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { idOf } from '@/lib/validation/common';

/**
 * The conference of a route, or not found: missing, malformed id, or not the actor's to see.
 * Cached per request, so metadata and page read it once.
 */
export const loadConference = cache(async (rawId: string) => {
  const actor = await requireActor();
  const id = idOf(rawId);
  if (id === undefined) notFound();
  const detail = await getConferenceDetail(actor, id);
  if (!detail) notFound();
  return { actor, detail };
});

export async function pageLocale(): Promise<Locale> {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}

export function conferenceTitle(conference: { title: string; titleEn: string | null }, locale: string): string {
  return localizedName({ name: conference.title, nameEn: conference.titleEn }, locale);
}

/** The chair as the notice and minutes name them: position and name, in the page's language. */
export function chairOf(detail: { chairName: string | null; chairNameEn: string | null; chairPosition: string | null; chairPositionEn: string | null }, locale: string) {
  if (!detail.chairName) return null;
  return {
    name: localizedName({ name: detail.chairName, nameEn: detail.chairNameEn }, locale),
    position: localizedName({ name: detail.chairPosition ?? '', nameEn: detail.chairPositionEn }, locale) || null,
  };
}
