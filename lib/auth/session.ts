import 'server-only';
import { type JWT, decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionActor } from '@/lib/data/sign-in';
import { AppError } from '@/lib/errors';
import type { Actor } from './actor';
import { authOptions } from './config';

export type SessionActor = Actor & { mustChangePassword: boolean };

export const sessionCookieNames = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/** This request's session token, decoded but not yet checked against the database. Cached per request. */
const sessionToken = cache(async (): Promise<JWT | null> => {
  const jar = await cookies();
  const raw = sessionCookieNames.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  return decode({ token: raw, secret: authOptions().secret ?? '' }).catch(() => null);
});

/**
 * The signed-in user for this request, read fresh from the database on every request: a session
 * whose version is no longer the user's (signed out, password changed, deactivated, signed out
 * everywhere) is refused on every instance at once. Cached per request.
 */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const token = await sessionToken();
  if (!token || typeof token.uid !== 'number' || typeof token.sv !== 'number') return null;
  return loadSessionActor(token.uid, token.sv);
});

/** Failed sign-ins to tell the user about, until they have been shown (lib/actions/sign-in-notice.ts). */
export async function signInFailuresToTell(): Promise<number> {
  const [token, actor] = await Promise.all([sessionToken(), getActor()]);
  return actor && typeof token?.ff === 'number' && token.ff > 0 ? token.ff : 0;
}

/** For pages: the actor, or a redirect to sign-in. */
export async function requireActor(): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) redirect('/login');
  return actor;
}

/** For actions and route handlers: the actor, or an unauthenticated error. */
export async function actorOrThrow(): Promise<SessionActor> {
  const actor = await getActor();
  if (!actor) throw new AppError('unauthenticated', 'unauthenticated');
  return actor;
}
