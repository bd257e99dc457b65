import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { z } from 'zod';
import { recordSignOut, signIn } from '@/lib/data/sign-in';
import { waitSeconds } from '@/lib/domain/throttle';
import { env } from '@/lib/env';
import { requestIp } from './request-ip';

const credentialsSchema = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});

/** Why a sign-in failed, as the code the login form translates; a wait travels as `wait:<seconds>`. */
export const signInErrors = { invalid: 'CredentialsSignin', wait: 'wait' } as const;

export function authOptions(): NextAuthOptions {
  const maxAge = env().SESSION_MAX_AGE_HOURS * 3600;
  return {
    secret: env().NEXTAUTH_SECRET,
    // Sessions slide: proxy.ts re-issues the token on activity, so this is an inactivity limit.
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'credentials',
        credentials: { username: { type: 'text' }, password: { type: 'password' } },
        async authorize(credentials, req) {
          const parsed = credentialsSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const result = await signIn({ ...parsed.data, ip: requestIp(req.headers ?? {}) });
          if (!result.ok) {
            if (result.reason === 'throttled') throw new Error(`${signInErrors.wait}:${waitSeconds(result.until, new Date())}`);
            return null;
          }
          const { actor } = result;
          return {
            id: String(actor.id),
            name: actor.name,
            role: actor.role,
            departmentId: actor.departmentId,
            locale: actor.locale,
            sessionVersion: result.sessionVersion,
            mustChangePassword: result.mustChangePassword,
            failedSignIns: result.failedAttempts,
          };
        },
      }),
    ],
    events: {
      async signOut({ token }) {
        if (typeof token?.uid === 'number' && typeof token.sv === 'number') await recordSignOut(token.uid, token.sv);
      },
    },
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = user.role;
          token.departmentId = user.departmentId;
          token.locale = user.locale;
          token.sv = user.sessionVersion;
          token.mcp = user.mustChangePassword;
          // Told once, on the first page after signing in (proxy.ts), then dropped from the token.
          if (user.failedSignIns > 0) token.ff = user.failedSignIns;
        }
        return token;
      },
      session({ session, token }) {
        session.user = { ...session.user, id: token.uid, role: token.role, departmentId: token.departmentId };
        return session;
      },
    },
  };
}
