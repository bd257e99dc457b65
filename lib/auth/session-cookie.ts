import 'server-only';
import { type JWT, decode, encode } from 'next-auth/jwt';
import { cookies } from 'next/headers';
import { env } from '@/lib/env';
import { sessionCookieNames } from './session';

/** Rewrites the signed-in user's session token, e.g. once a forced password change is done. */
export async function updateSessionToken(patch: Partial<JWT>): Promise<void> {
  const jar = await cookies();
  const name = sessionCookieNames.find((n) => jar.get(n)?.value);
  if (!name) return;
  const secret = env().NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET ?? '';
  const token = await decode({ token: jar.get(name)!.value, secret }).catch(() => null);
  if (!token) return;
  const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
  const maxAge = env().SESSION_MAX_AGE_HOURS * 3600;
  jar.set(name, await encode({ token: { ...claims, ...patch }, secret, maxAge }), {
    httpOnly: true,
    sameSite: 'lax',
    secure: name.startsWith('__Secure-'),
    path: '/',
    maxAge,
  });
}

/** Drops this browser's session cookie, once the session itself has been ended in the database. */
export async function endSessionCookie(): Promise<void> {
  const jar = await cookies();
  for (const name of sessionCookieNames) {
    // A __Secure- cookie is only replaced by one that is Secure too.
    if (jar.get(name)) jar.set(name, '', { httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-'), path: '/', maxAge: 0 });
  }
}
