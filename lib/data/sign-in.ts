import 'server-only';
import { and, desc, eq, gt } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { loginAttempts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { type ThrottleRule, lockedUntil, signInThrottle, throttleLookbackMs } from '@/lib/domain/throttle';
import { isLocale } from '@/lib/i18n/config';
import { writeAudit } from './audit';

export type SignInResult =
  | { ok: true; actor: Actor; sessionVersion: number; mustChangePassword: boolean }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'locked'; until: Date };

// Verifying against a real hash when the user is unknown keeps the response time
// from telling whether a username exists.
let decoyHash: Promise<string> | undefined;

async function failuresSince(column: 'username' | 'ip', value: string, rule: ThrottleRule, now: Date) {
  const db = await getDb();
  const key = column === 'username' ? loginAttempts.username : loginAttempts.ip;
  const since = new Date(now.getTime() - throttleLookbackMs(rule));
  const rows = await db
    .select({ at: loginAttempts.at, succeeded: loginAttempts.succeeded })
    .from(loginAttempts)
    .where(and(eq(key, value), gt(loginAttempts.at, since)))
    .orderBy(desc(loginAttempts.at))
    .limit(500);
  const lastSuccess = rows.findIndex((r) => r.succeeded);
  return (lastSuccess === -1 ? rows : rows.slice(0, lastSuccess)).map((r) => r.at);
}

/**
 * Checks a username and password, with throttling kept in the database so it holds across
 * app instances. Every outcome is audited; a failure never says whether the username exists.
 */
export async function signIn(
  input: { username: string; password: string; ip?: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const ip = input.ip ?? null;
  const db = await getDb();

  const byUser = lockedUntil(await failuresSince('username', username, signInThrottle.perUsername, now), signInThrottle.perUsername, now);
  const byIp = ip ? lockedUntil(await failuresSince('ip', ip, signInThrottle.perIp, now), signInThrottle.perIp, now) : null;
  const until = [byUser, byIp].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
  if (until) {
    await writeAudit(db, { actorId: null, action: 'auth.locked_out', entityType: 'user', entityId: username, ip, after: { until } });
    return { ok: false, reason: 'locked', until };
  }

  const [user] = await db.select().from(users).where(eq(users.username, username)).limit(1);
  decoyHash ??= hashPassword('not a real password');
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await decoyHash, input.password), false);
  const succeeded = Boolean(user && user.active && valid);

  await db.transaction(async (tx) => {
    await tx.insert(loginAttempts).values({ username, ip, succeeded, at: now });
    if (succeeded && user) await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    await writeAudit(tx, {
      actorId: succeeded && user ? user.id : null,
      action: succeeded ? 'auth.sign_in' : 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? username,
      ip,
    });
  });
  if (!succeeded || !user) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    actor: {
      id: user.id,
      username: user.username,
      name: user.displayName,
      role: user.role,
      departmentId: user.departmentId,
      locale: isLocale(user.locale) ? user.locale : null,
    },
    sessionVersion: user.sessionVersion,
    mustChangePassword: user.mustChangePassword,
  };
}

/** The user behind a session, or null when deactivated or signed out everywhere since. */
export async function loadSessionActor(userId: number, sessionVersion: number): Promise<(Actor & { mustChangePassword: boolean }) | null> {
  const db = await getDb();
  const [row] = await db
    .select({
      id: users.id,
      username: users.username,
      name: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      locale: users.locale,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.active, true), eq(users.sessionVersion, sessionVersion)))
    .limit(1);
  if (!row) return null;
  return { ...row, locale: isLocale(row.locale) ? row.locale : null };
}


/** Records a sign-out; the JWT itself is dropped by the browser. */
export async function recordSignOut(userId: number): Promise<void> {
  const db = await getDb();
  await writeAudit(db, { actorId: userId, action: 'auth.sign_out', entityType: 'user', entityId: userId });
}
