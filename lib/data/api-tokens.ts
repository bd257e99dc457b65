import 'server-only';
import crypto from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { getDb } from '@/db/runtime';
import { apiRequestCounts, apiTokens, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { cityDate } from '@/lib/domain/quarters';
import { forbidden, notFound } from '@/lib/errors';
import { isLocale } from '@/lib/i18n/config';
import { dateOnly } from '@/lib/validation/actions';
import { ValidationError, optionalId, optionalText, parseInput, requiredText } from '@/lib/validation/common';
import { dayAfter } from '@/lib/validation/list-query';
import { writeAudit } from './audit';
import { assertCan } from './guard';

/** `dkt_` and 32 random bytes in base64url (43 characters). */
const tokenPattern = /^dkt_[A-Za-z0-9_-]{43}$/;
/** Enough of the token to recognise it in a list (`dkt_` + 6 characters), never enough to use it. */
const prefixLength = 10;
/** Active tokens one user may hold; a forgotten script should not accumulate hundreds. */
export const maxActiveTokens = 20;
/** `last_used_at` is written at most this often per token, so reads do not turn into writes. */
const lastUsedEveryMs = 60_000;
/** Request counts are kept per minute; older windows are deleted once they are this old. */
const windowMs = 60_000;
const keepWindowsMs = 5 * windowMs;

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

export const createApiTokenSchema = z.object({
  /** Whose token; another user's only for those who manage users (admins, the command line). */
  userId: optionalId,
  username: optionalText(100),
  name: requiredText(100),
  /** The last day the token works (city time); none: until revoked. */
  expiresOn: z.preprocess(
    (v) => (v === '' || v === null ? undefined : v),
    // dateOnly accepts only days that exist: `2030-02-30` is not read as 2 March.
    dateOnly.optional(),
  ),
});
export type CreateApiTokenInput = z.input<typeof createApiTokenSchema>;

/** The user a token is made for: the actor, or (for admins) someone named by id or username. */
async function tokenOwner(actor: Actor, data: { userId?: number; username?: string }) {
  const db = await getDb();
  const own = data.userId === undefined && data.username === undefined;
  if (!own && data.userId !== actor.id) assertCan(actor, 'user.manage');
  if (own && actor.id <= 0) throw forbidden('the system actor has no tokens of its own');
  const where = own || data.userId !== undefined ? eq(users.id, data.userId ?? actor.id) : eq(users.username, data.username!.toLowerCase());
  const [user] = await db.select({ id: users.id, username: users.username }).from(users).where(and(where, eq(users.active, true)));
  if (!user) throw new ValidationError({ user: [{ key: 'unknownUser' }] });
  return user;
}

/**
 * A new API token for the actor (or, for those who manage users, for another user). The token is
 * returned once and stored only as its SHA-256 with a short prefix to recognise it by.
 */
export async function createApiToken(actor: Actor, input: CreateApiTokenInput, now: Date = new Date()) {
  const data = parseInput(createApiTokenSchema, input);
  if (data.expiresOn && data.expiresOn < cityDate(now)) throw new ValidationError({ expiresOn: [{ key: 'dateInPast' }] });
  const owner = await tokenOwner(actor, data);
  const token = `dkt_${crypto.randomBytes(32).toString('base64url')}`;
  const expiresAt = data.expiresOn ? dayAfter(data.expiresOn) : null;
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Concurrent creations for one user queue on the user's row, so the cap holds.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, owner.id)).for('update');
    const [active] = await tx
      .select({ value: count() })
      .from(apiTokens)
      .where(and(eq(apiTokens.userId, owner.id), isNull(apiTokens.revokedAt), or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, now))));
    if ((active?.value ?? 0) >= maxActiveTokens) throw new ValidationError({ name: [{ key: 'tooManyTokens', values: { max: maxActiveTokens } }] });
    const [row] = await tx
      .insert(apiTokens)
      .values({ userId: owner.id, name: data.name, tokenHash: hashToken(token), prefix: token.slice(0, prefixLength), expiresAt, createdAt: now, updatedAt: now })
      .returning({ id: apiTokens.id, name: apiTokens.name, prefix: apiTokens.prefix, expiresAt: apiTokens.expiresAt, createdAt: apiTokens.createdAt });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: row!.id,
      after: { userId: owner.id, name: row!.name, prefix: row!.prefix, expiresAt },
    });
    return { ...row!, userId: owner.id, username: owner.username, token };
  });
}

export type ApiTokenState = 'active' | 'expired' | 'revoked';

/** The user's tokens, newest first: name, prefix, dates and state; never the token itself. */
export async function listApiTokens(actor: Actor, userId: number = actor.id, now: Date = new Date()) {
  if (userId !== actor.id) assertCan(actor, 'user.manage');
  const db = await getDb();
  const rows = await db
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      prefix: apiTokens.prefix,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
      createdAt: apiTokens.createdAt,
    })
    .from(apiTokens)
    .where(eq(apiTokens.userId, userId))
    .orderBy(desc(apiTokens.createdAt), desc(apiTokens.id))
    .limit(100);
  return rows.map((row) => ({
    ...row,
    state: (row.revokedAt ? 'revoked' : row.expiresAt && row.expiresAt <= now ? 'expired' : 'active') as ApiTokenState,
  }));
}
export type ApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];

/**
 * Revokes one token: the actor's own, or anyone's for those who manage users. Another user's
 * token is "not found" to everyone else. False when it was revoked already.
 */
export async function revokeApiToken(actor: Actor, tokenId: number, now: Date = new Date()): Promise<{ revoked: boolean; name: string }> {
  const id = parseInput(z.coerce.number().int().positive().max(2_147_483_647), tokenId);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [token] = await tx.select().from(apiTokens).where(eq(apiTokens.id, id)).for('update');
    if (!token || (token.userId !== actor.id && !can(actor, 'user.manage'))) throw notFound(`api token ${id}`);
    if (token.revokedAt) return { revoked: false, name: token.name };
    await tx.update(apiTokens).set({ revokedAt: now, updatedAt: now }).where(eq(apiTokens.id, id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: id,
      before: { revokedAt: null },
      after: { userId: token.userId, name: token.name, prefix: token.prefix, revokedAt: now },
    });
    return { revoked: true, name: token.name };
  });
}

/** The actor an API request acts as, with the token it came with (for throttling). */
export type TokenActor = Actor & { tokenId: number };

/**
 * The user behind a bearer token, acting with exactly their role and department; null for a
 * malformed, unknown, revoked or expired token or a deactivated user. Notes the use at most
 * once a minute.
 */
export async function authenticateToken(raw: string, now: Date = new Date()): Promise<TokenActor | null> {
  if (!tokenPattern.test(raw)) return null;
  const db = await getDb();
  const [row] = await preparedFor(db, 'api_token_actor', tokenActorStatement).execute({ tokenHash: hashToken(raw), now: now.toISOString() });
  if (!row) return null;
  const { lastUsedAt, ...actor } = row;
  if (!lastUsedAt || now.getTime() - lastUsedAt.getTime() >= lastUsedEveryMs) {
    const before = new Date(now.getTime() - lastUsedEveryMs);
    // Conditional, so several instances answering at once write it once.
    await db
      .update(apiTokens)
      .set({ lastUsedAt: now })
      .where(and(eq(apiTokens.id, row.tokenId), or(isNull(apiTokens.lastUsedAt), lt(apiTokens.lastUsedAt, before))));
  }
  return { ...actor, locale: isLocale(actor.locale) ? actor.locale : null };
}

/**
 * authenticateToken's statement, prepared once (db/prepared.ts): it runs on every API request.
 * `now` is an ISO string: a placeholder's value reaches the driver without the column's mapping.
 */
function tokenActorStatement(db: Db, name: string) {
  return db
    .select({
      tokenId: apiTokens.id,
      lastUsedAt: apiTokens.lastUsedAt,
      id: users.id,
      username: users.username,
      name: users.displayName,
      role: users.role,
      departmentId: users.departmentId,
      locale: users.locale,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(
      and(
        eq(apiTokens.tokenHash, sql.placeholder('tokenHash')),
        isNull(apiTokens.revokedAt),
        or(isNull(apiTokens.expiresAt), gt(apiTokens.expiresAt, sql.placeholder('now'))),
        eq(users.active, true),
      ),
    )
    .limit(1)
    .prepare(name);
}

/** The start of the minute `now` falls in. */
export function requestWindowOf(now: Date): Date {
  return new Date(Math.floor(now.getTime() / windowMs) * windowMs);
}

/**
 * Counts one request of a token in the current minute, in the database so the limit holds across
 * every instance: one upsert. The first request of a window also deletes windows a few minutes old.
 */
export async function countApiRequest(tokenId: number, now: Date = new Date()): Promise<{ count: number; resetAt: Date }> {
  const windowStart = requestWindowOf(now);
  const db = await getDb();
  const [row] = await db
    .insert(apiRequestCounts)
    .values({ tokenId, windowStart, count: 1 })
    .onConflictDoUpdate({ target: [apiRequestCounts.tokenId, apiRequestCounts.windowStart], set: { count: sql`${apiRequestCounts.count} + 1` } })
    .returning({ count: apiRequestCounts.count });
  const counted = row?.count ?? 1;
  if (counted === 1) {
    await db.delete(apiRequestCounts).where(lt(apiRequestCounts.windowStart, new Date(windowStart.getTime() - keepWindowsMs)));
  }
  return { count: counted, resetAt: new Date(windowStart.getTime() + windowMs) };
}
