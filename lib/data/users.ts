import 'server-only';
import crypto from 'node:crypto';
import { type SQL, and, asc, count, desc, eq, ilike, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { departments, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { passwordProblem } from '@/lib/domain/password-strength';
import { longestAccountWait } from '@/lib/domain/throttle';
import { AppError, conflict, notFound } from '@/lib/errors';
import { ValidationError, parseInput } from '@/lib/validation/common';
import {
  type ChangePasswordInput,
  type CreateUserInput,
  type UpdateUserInput,
  changePasswordSchema,
  createUserSchema,
  localeSchema,
  setUserActiveSchema,
  updateUserSchema,
} from '@/lib/validation/users';
import type { Locale } from '@/lib/i18n/config';
import { writeAudit } from './audit';
import { accountAttempts, failedSinceSignIn } from './sign-in';
import { assertCan } from './guard';
import { type ListQuery, pageOf } from './list-query';

const publicColumns = {
  id: users.id,
  username: users.username,
  displayName: users.displayName,
  email: users.email,
  role: users.role,
  departmentId: users.departmentId,
  departmentName: departments.name,
  departmentNameEn: departments.nameEn,
  locale: users.locale,
  active: users.active,
  mustChangePassword: users.mustChangePassword,
  lastSignInAt: users.lastSignInAt,
  version: users.version,
  updatedAt: users.updatedAt,
};
export type UserRow = {
  [K in keyof typeof publicColumns]: (typeof publicColumns)[K]['_']['notNull'] extends true
    ? (typeof publicColumns)[K]['_']['data']
    : (typeof publicColumns)[K]['_']['data'] | null;
};

export const userSortColumns = {
  username: users.username,
  displayName: users.displayName,
  role: users.role,
  department: departments.name,
  lastSignInAt: users.lastSignInAt,
} as const;

export interface UserListQuery extends ListQuery<keyof typeof userSortColumns> {
  role?: UserRow['role'];
  departmentId?: number;
  active?: boolean;
}

export async function listUsers(actor: Actor, query: UserListQuery) {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const filters: (SQL | undefined)[] = [
    query.q ? or(ilike(users.username, `%${query.q}%`), ilike(users.displayName, `%${query.q}%`)) : undefined,
    query.role ? eq(users.role, query.role) : undefined,
    query.departmentId ? eq(users.departmentId, query.departmentId) : undefined,
    query.active === undefined ? undefined : eq(users.active, query.active),
  ];
  const where = and(...filters);
  const sortColumn = userSortColumns[query.sort ?? 'username'];
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(publicColumns)
      .from(users)
      .leftJoin(departments, eq(departments.id, users.departmentId))
      .where(where)
      .orderBy(query.dir === 'desc' ? desc(sortColumn) : asc(sortColumn), asc(users.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(users).leftJoin(departments, eq(departments.id, users.departmentId)).where(where),
  ]);
  return { rows: rows as UserRow[], total: total?.value ?? 0 };
}

export async function getUser(actor: Actor, id: number): Promise<UserRow | null> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const [row] = await db
    .select(publicColumns)
    .from(users)
    .leftJoin(departments, eq(departments.id, users.departmentId))
    .where(eq(users.id, id))
    .limit(1);
  return (row as UserRow | undefined) ?? null;
}

/** A readable one-time password: four groups, ~80 bits. */
export function oneTimePassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
  const bytes = crypto.randomBytes(16);
  const chars = Array.from(bytes, (b) => alphabet[b % alphabet.length]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

function assertStrong(password: string, username: string, displayName: string, field: string) {
  const problem = passwordProblem(password, { username, displayName });
  if (problem) throw new ValidationError({ [field]: [{ key: `password.${problem}` }] });
}

async function assertDepartmentUsable(departmentId: number | undefined) {
  if (departmentId === undefined) return;
  const db = await getDb();
  const [row] = await db.select({ active: departments.active }).from(departments).where(eq(departments.id, departmentId));
  if (!row || !row.active) throw new ValidationError({ departmentId: [{ key: 'unknownDepartment' }] });
}

/**
 * Creates a user. Without a password, a one-time password is generated that the user
 * must change at the next sign-in; it is returned once and never stored in clear.
 */
export async function createUser(actor: Actor, input: CreateUserInput) {
  assertCan(actor, 'user.manage');
  const data = parseInput(createUserSchema, input);
  if (data.password !== undefined) assertStrong(data.password, data.username, data.displayName, 'password');
  await assertDepartmentUsable(data.departmentId);
  const password = data.password ?? oneTimePassword();
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, data.username));
    if (existing) throw new ValidationError({ username: [{ key: 'usernameTaken' }] });
    const [created] = await tx
      .insert(users)
      .values({
        username: data.username,
        displayName: data.displayName,
        email: data.email ?? null,
        role: data.role,
        departmentId: data.role === 'department_head' || data.departmentId ? (data.departmentId ?? null) : null,
        passwordHash,
        mustChangePassword: data.password === undefined,
      })
      .returning({ id: users.id, username: users.username, role: users.role, departmentId: users.departmentId });
    await writeAudit(tx, { actorId: actor.id, action: 'user.create', entityType: 'user', entityId: created!.id, after: created });
    return { user: created!, oneTimePassword: data.password === undefined ? password : undefined };
  });
}

async function lockedUser(tx: Parameters<Parameters<Awaited<ReturnType<typeof getDb>>['transaction']>[0]>[0], id: number) {
  const [row] = await tx.select().from(users).where(eq(users.id, id)).for('update');
  if (!row) throw notFound(`user ${id}`);
  return row;
}

function assertVersion(current: { version: number }, expected: number, snapshot: Record<string, unknown>) {
  if (current.version !== expected) throw conflict('stale user', { current: snapshot });
}

export async function updateUser(actor: Actor, input: UpdateUserInput) {
  assertCan(actor, 'user.manage');
  const data = parseInput(updateUserSchema, input);
  await assertDepartmentUsable(data.departmentId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, data.id);
    const snapshot = { displayName: before.displayName, email: before.email, role: before.role, departmentId: before.departmentId };
    assertVersion(before, data.version, snapshot);
    const after = {
      displayName: data.displayName,
      email: data.email ?? null,
      role: data.role,
      departmentId: data.departmentId ?? null,
    };
    // A role or department change must not ride on an old token's claims.
    const bump = before.role !== after.role || before.departmentId !== after.departmentId ? 1 : 0;
    await tx
      .update(users)
      .set({ ...after, version: before.version + 1, sessionVersion: before.sessionVersion + bump, updatedAt: new Date() })
      .where(eq(users.id, data.id));
    await writeAudit(tx, { actorId: actor.id, action: 'user.update', entityType: 'user', entityId: data.id, before: snapshot, after });
    return { id: data.id, version: before.version + 1 };
  });
}

export async function setUserActive(actor: Actor, input: { id: number; version: number; active: boolean }) {
  assertCan(actor, 'user.manage');
  const data = parseInput(setUserActiveSchema, input);
  if (data.id === actor.id && !data.active) throw new AppError('forbidden', 'cannotDeactivateSelf');
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, data.id);
    assertVersion(before, data.version, { active: before.active });
    await tx
      .update(users)
      .set({
        active: data.active,
        version: before.version + 1,
        // Deactivation ends every open session on its next request.
        sessionVersion: before.sessionVersion + (data.active ? 0 : 1),
        updatedAt: new Date(),
      })
      .where(eq(users.id, data.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: data.active ? 'user.reactivate' : 'user.deactivate',
      entityType: 'user',
      entityId: data.id,
      before: { active: before.active },
      after: { active: data.active },
    });
    return { id: data.id, version: before.version + 1 };
  });
}

/** Replaces the password with a one-time one the user must change; ends their sessions. */
export async function resetPassword(actor: Actor, userId: number) {
  assertCan(actor, 'user.manage');
  const password = oneTimePassword();
  const passwordHash = await hashPassword(password);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockedUser(tx, userId);
    await tx
      .update(users)
      .set({ passwordHash, mustChangePassword: true, sessionVersion: before.sessionVersion + 1, version: before.version + 1, updatedAt: new Date() })
      .where(eq(users.id, userId));
    await writeAudit(tx, { actorId: actor.id, action: 'user.reset_password', entityType: 'user', entityId: userId });
    return { oneTimePassword: password };
  });
}

/**
 * Changes the signed-in user's password and ends every session they have, this one included;
 * returns the new session version, for the caller to carry this browser's session over to it.
 */
export async function changeOwnPassword(actor: Actor, input: ChangePasswordInput): Promise<{ sessionVersion: number }> {
  const data = parseInput(changePasswordSchema, input);
  const db = await getDb();
  const [me] = await db.select().from(users).where(eq(users.id, actor.id));
  if (!me) throw notFound(`user ${actor.id}`);
  if (!(await verifyPassword(me.passwordHash, data.currentPassword))) {
    throw new ValidationError({ currentPassword: [{ key: 'password.currentWrong' }] });
  }
  if (data.newPassword === data.currentPassword) throw new ValidationError({ newPassword: [{ key: 'password.unchanged' }] });
  assertStrong(data.newPassword, me.username, me.displayName, 'newPassword');
  const passwordHash = await hashPassword(data.newPassword);
  return db.transaction(async (tx) => {
    const [changed] = await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        version: sql`${users.version} + 1`,
        sessionVersion: sql`${users.sessionVersion} + 1`,
        updatedAt: new Date(),
      })
      .where(eq(users.id, actor.id))
      .returning({ sessionVersion: users.sessionVersion });
    await writeAudit(tx, { actorId: actor.id, action: 'user.change_password', entityType: 'user', entityId: actor.id });
    return { sessionVersion: changed!.sessionVersion };
  });
}

/**
 * Ends every session of a user on every instance at their next request: an admin's for anyone,
 * anyone's for themselves. API tokens are not sessions and stay; they are revoked on the profile.
 */
export async function signOutEverywhere(actor: Actor, userId: number): Promise<void> {
  if (userId !== actor.id) assertCan(actor, 'user.manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockedUser(tx, userId);
    await tx.update(users).set({ sessionVersion: before.sessionVersion + 1 }).where(eq(users.id, userId));
    await writeAudit(tx, { actorId: actor.id, action: 'user.sign_out_everywhere', entityType: 'user', entityId: userId });
  });
}

/** What an admin needs to judge a sign-in problem: failures since the last sign-in, and any wait in force. */
export async function getSignInStatus(actor: Actor, userId: number, now: Date = new Date()) {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  const [user] = await db.select({ username: users.username, lastSignInAt: users.lastSignInAt }).from(users).where(eq(users.id, userId));
  if (!user) throw notFound(`user ${userId}`);
  const attempts = await accountAttempts(db, user.username, now);
  return { failedSinceSignIn: await failedSinceSignIn(db, user), waitUntil: longestAccountWait(attempts, now) };
}

/**
 * Lets a user sign in again at once: the account's failures so far stop counting, from every
 * source. They stay recorded, so the user is still told about them at the next sign-in.
 */
export async function unlockSignIn(actor: Actor, userId: number, now: Date = new Date()): Promise<void> {
  assertCan(actor, 'user.manage');
  const db = await getDb();
  await db.transaction(async (tx) => {
    const before = await lockedUser(tx, userId);
    await tx.update(users).set({ signInUnlockedAt: now }).where(eq(users.id, userId));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'user.unlock_sign_in',
      entityType: 'user',
      entityId: userId,
      before: { signInUnlockedAt: before.signInUnlockedAt },
      after: { signInUnlockedAt: now },
    });
  });
}

export async function setOwnLocale(actor: Actor, locale: Locale) {
  const value = parseInput(localeSchema, locale);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.update(users).set({ locale: value, updatedAt: new Date() }).where(eq(users.id, actor.id));
    await writeAudit(tx, { actorId: actor.id, action: 'user.set_locale', entityType: 'user', entityId: actor.id, after: { locale: value } });
  });
}
