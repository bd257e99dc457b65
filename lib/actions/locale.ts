'use server';

import { revalidatePath } from 'next/cache';
import { cookies } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import { getActor } from '@/lib/auth/session';
import { setOwnLocale } from '@/lib/data/users';
import { localeCookie, locales, type Locale } from '@/lib/i18n/config';

const localeSchema = z.enum(locales);

export type SetLocaleResult = { ok: true; data: { locale: Locale } } | { ok: false; message: string };

/**
 * Remembers the interface language in the browser and, when signed in, in the user's
 * profile so it follows them to another machine.
 */
export async function setLocaleAction(input: unknown): Promise<SetLocaleResult> {
  const parsed = localeSchema.safeParse(input);
  if (!parsed.success) {
    const t = await getTranslations('locale');
    return { ok: false, message: t('invalid') };
  }
  const actor = await getActor();
  if (actor) await setOwnLocale(actor, parsed.data);
  (await cookies()).set(localeCookie, parsed.data, {
    maxAge: 60 * 60 * 24 * 365,
    sameSite: 'lax',
    path: '/',
    httpOnly: true,
    // Not `secure`: a language preference is not secret, and intranet installs may run on plain http.
  });
  revalidatePath('/', 'layout');
  return { ok: true, data: { locale: parsed.data } };
}
