import 'server-only';
import { and, count, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { loginAttempts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { type SignInAttempt, signInWait, throttleWindowMs } from '@/lib/domain/throttle';
import { isLocale } from '@/lib/i18n/config';
import { writeAudit } from './audit';

export type SignInResult =
  | { ok: true; actor: Actor; sessionVersion: number; mustChangePassword: boolean; failedAttempts: number }
  | { ok: false; reason: 'invalid' }
  | { ok: false; reason: 'throttled'; until: Date };

// Verifying against a real hash when the user is unknown keeps the response time
// from telling whether a username exists.
let decoyHash: Promise<string> | undefined;

/** Attempts read per key: far more than any wait needs, so the count is never short. */
const attemptsRead = 1000;

const attemptColumns = { account: loginAttempts.username, source: loginAttempts.ip, succeeded: loginAttempts.succeeded, at: loginAttempts.at };

/** Attempts that still count since `since`: those on an account before an admin unlocked it do not. */
function countingAttempts(tx: Db | Tx, where: ReturnType<typeof and>, since: Date): Promise<SignInAttempt[]> {
  return tx
    .select(attemptColumns)
    .from(loginAttempts)
    .leftJoin(users, eq(users.username, loginAttempts.username))
    .where(and(where, gt(loginAttempts.at, since), or(isNull(users.signInUnlockedAt), gt(loginAttempts.at, users.signInUnlockedAt))))
    .orderBy(desc(loginAttempts.at))
    .limit(attemptsRead);
}

/** The attempts of one account (every source) in the throttling window. */
export async function accountAttempts(tx: Db | Tx, username: string, now: Date): Promise<SignInAttempt[]> {
  return countingAttempts(tx, eq(loginAttempts.username, username), new Date(now.getTime() - throttleWindowMs));
}

/** Failed sign-ins on an account since its last sign-in (ever, if none), leaving out the attempt in hand. */
export async function failedSinceSignIn(tx: Db | Tx, user: { username: string; lastSignInAt: Date | null }, exceptAttempt?: number): Promise<number> {
  const [failed] = await tx
    .select({ value: count() })
    .from(loginAttempts)
    .where(
      and(
        eq(loginAttempts.username, user.username),
        eq(loginAttempts.succeeded, false),
        exceptAttempt === undefined ? undefined : ne(loginAttempts.id, exceptAttempt),
        user.lastSignInAt ? gt(loginAttempts.at, user.lastSignInAt) : undefined,
      ),
    );
  return failed?.value ?? 0;
}

/**
 * Checks a username and password, with throttling kept in the database so it holds across app
 * instances. The attempt is written as a failure before the password is checked, under a lock on
 * the account and the source, so guesses sent in parallel count against each other; a right
 * password then turns it into a success. Every outcome is audited; a failure never says whether
 * the username exists.
 */
export async function signIn(
  input: { username: string; password: string; ip?: string | null },
  now: Date = new Date(),
): Promise<SignInResult> {
  const username = input.username.trim().toLowerCase();
  const source = input.ip ?? null;
  const db = await getDb();

  const admitted = await db.transaction(async (tx) => {
    // Account first, then source, in every transaction: two of them never wait on each other in a ring.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('docket.signIn.account'), hashtext(${username}))`);
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('docket.signIn.source'), hashtext(${source ?? ''}))`);
    const since = new Date(now.getTime() - throttleWindowMs);
    const [byAccount, bySource] = [
      await accountAttempts(tx, username, now),
      await countingAttempts(tx, source === null ? isNull(loginAttempts.ip) : eq(loginAttempts.ip, source), since),
    ];
    const wait = signInWait({ account: username, source, accountAttempts: byAccount, sourceAttempts: bySource }, now);
    if (wait) {
      await writeAudit(tx, { actorId: null, action: 'auth.sign_in_delayed', entityType: 'user', entityId: username, ip: source, after: wait });
      return { admitted: false as const, wait };
    }
    const [attempt] = await tx.insert(loginAttempts).values({ username, ip: source, succeeded: false, at: now }).returning({ id: loginAttempts.id });
    const [user] = await tx.select().from(users).where(eq(users.username, username)).limit(1);
    return { admitted: true as const, attemptId: attempt!.id, user };
  });
  if (!admitted.admitted) return { ok: false, reason: 'throttled', until: admitted.wait.until };

  const { attemptId, user } = admitted;
  decoyHash ??= hashPassword('not a real password');
  const valid = user ? await verifyPassword(user.passwordHash, input.password) : (await verifyPassword(await decoyHash, input.password), false);
  const succeeded = Boolean(user && user.active && valid);

  const failedAttempts = await db.transaction(async (tx) => {
    await writeAudit(tx, {
      actorId: succeeded && user ? user.id : null,
      action: succeeded ? 'auth.sign_in' : 'auth.sign_in_failed',
      entityType: 'user',
      entityId: user?.id ?? username,
      ip: source,
    });
    if (!succeeded || !user) return 0;
    await tx.update(loginAttempts).set({ succeeded: true }).where(eq(loginAttempts.id, attemptId));
    await tx.update(users).set({ lastSignInAt: now }).where(eq(users.id, user.id));
    return failedSinceSignIn(tx, { username, lastSignInAt: user.lastSignInAt }, attemptId);
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
    failedAttempts,
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

/**
 * Signing out ends every session of the user, on every instance: the session version moves on,
 * so a copy of this cookie or any other browser's is refused at its next request. A token that
 * is already void changes nothing, so an old copy cannot sign the user out again and again.
 */
export async function recordSignOut(userId: number, sessionVersion: number): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const ended = await tx
      .update(users)
      .set({ sessionVersion: sql`${users.sessionVersion} + 1` })
      .where(and(eq(users.id, userId), eq(users.sessionVersion, sessionVersion)))
      .returning({ id: users.id });
    if (ended.length === 0) return;
    await writeAudit(tx, { actorId: userId, action: 'auth.sign_out', entityType: 'user', entityId: userId });
  });
}
