import 'server-only';
import { decode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { loadSessionActor } from '@/lib/data/sign-in';
import { AppError } from '@/lib/errors';
import type { Actor } from './actor';
import { authOptions } from './config';

export type SessionActor = Actor & { mustChangePassword: boolean };

export const sessionCookieNames = ['__Secure-next-auth.session-token', 'next-auth.session-token'] as const;

/**
 * The signed-in user for this request, read fresh from the database so a deactivated
 * user's session stops working at once. Cached per request.
 */
export const getActor = cache(async (): Promise<SessionActor | null> => {
  const jar = await cookies();
  const raw = sessionCookieNames.map((name) => jar.get(name)?.value).find(Boolean);
  if (!raw) return null;
  const token = await decode({ token: raw, secret: authOptions().secret ?? '' }).catch(() => null);
  if (!token || typeof token.uid !== 'number' || typeof token.sv !== 'number') return null;
  return loadSessionActor(token.uid, token.sv);
});

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
