'use server';

import { headers } from 'next/headers';
import { revalidatePath } from 'next/cache';
import { type FormState, textOf } from '@/lib/actions/form-state';
import { failure } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createCalendarFeed, revokeCalendarFeed } from '@/lib/data/calendar';
import { env } from '@/lib/env';
import { AppError } from '@/lib/errors';

export type CalendarFeedState = FormState<{ url?: string; revoked?: boolean }>;

/** Where calendar apps reach Docket: APP_URL when set, else the address this request came in on. */
async function appOrigin(): Promise<string> {
  const configured = env().APP_URL ?? process.env.NEXTAUTH_URL;
  if (configured) return new URL(configured).origin;
  const h = await headers();
  const host = h.get('x-forwarded-host')?.split(',')[0]?.trim() ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto')?.split(',')[0]?.trim() ?? 'http';
  return `${proto}://${host}`;
}

/**
 * Creates (or replaces) the signed-in user's calendar subscription address, shown once in the
 * result, or stops it: `intent` is `create` or `revoke`.
 */
export async function calendarFeedAction(_previous: CalendarFeedState, formData: FormData): Promise<CalendarFeedState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  try {
    if (textOf(formData, 'intent') === 'revoke') {
      await revokeCalendarFeed(actor);
      revalidatePath('/profile');
      return { ok: true, data: { revoked: true } };
    }
    const { token } = await createCalendarFeed(actor);
    revalidatePath('/profile');
    return { ok: true, data: { url: `${await appOrigin()}/api/calendar/${token}` } };
  } catch (error) {
    return failure(error);
  }
}
