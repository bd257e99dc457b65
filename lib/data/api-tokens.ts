import 'server-only';
import crypto from 'node:crypto';
import { and, count, desc, eq, gt, isNull, lt, or, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { getDb } from '@/db/runtime';
import { apiRateLimits, apiTokens, users } from '@/db/schema';
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

/** The API rate limit holds for any this many seconds (`API_RATE_LIMIT` requests in them). */
export const rateWindowSeconds = 60;
/**
 * Requests are counted per whole second, over the current second and the 60 before it: any 60
 * seconds, wherever they start and end, lie within such 61 seconds, so none can hold more than
 * the limit. The price is that a request may wait up to a second longer than exactly needed.
 */
const buckets = rateWindowSeconds + 1;

export interface RateDecision {
  allowed: boolean;
  /** Requests still allowed now. */
  remaining: number;
  /** Seconds until more are allowed again (the oldest request counted leaves the window). */
  resetSeconds: number;
  /** When refused: seconds until a request would be allowed. */
  retryAfterSeconds: number;
}

/** Seconds from `second` until fewer than `below` requests remain in the window. */
function secondsUntilBelow(counts: number[], below: number): number {
  let inWindow = counts.reduce((a, b) => a + b, 0);
  for (let wait = 1; wait <= buckets; wait += 1) {
    inWindow -= counts[buckets - wait] ?? 0;
    if (inWindow < below) return wait;
  }
  return buckets;
}

/**
 * Takes one request of a token against its limit, in the database so the limit holds across every
 * instance: one INSERT … ON CONFLICT DO UPDATE of the token's row, whose new counts are computed
 * from the row as it is when the statement gets its lock, so concurrent requests cannot both take
 * the last place. `now` comes from the caller's clock; a row already ahead of it (another
 * instance's clock runs ahead) is counted from its own second.
 */
export async function countApiRequest(tokenId: number, limit: number, now: Date = new Date()): Promise<RateDecision> {
  const second = Math.floor(now.getTime() / 1000);
  const t = apiRateLimits;
  // The row's counts moved on to `second`: the seconds in between are empty.
  const elapsed = sql`least(greatest(0, ${second}::bigint - ${t.second}), ${buckets})::int`;
  const shifted = sql`(array_fill(0, array[${elapsed}]) || ${t.counts}[1:${buckets} - ${elapsed}])`;
  const allowed = sql`((SELECT coalesce(sum(n), 0) FROM unnest(${shifted}) AS n) < ${limit}::int)`;
  const db = await getDb();
  const [row] = await db
    .insert(t)
    .values({ tokenId, second, counts: [1, ...Array<number>(buckets - 1).fill(0)], refused: false })
    .onConflictDoUpdate({
      target: t.tokenId,
      set: {
        second: sql`greatest(${t.second}, ${second}::bigint)`,
        counts: sql`CASE WHEN ${allowed} THEN array[${shifted}[1] + 1] || ${shifted}[2:${buckets}] ELSE ${shifted} END`,
        refused: sql`NOT ${allowed}`,
      },
    })
    .returning({ second: t.second, counts: t.counts, refused: t.refused });
  const counts = row!.counts;
  const ahead = Math.max(0, row!.second - second);
  const used = counts.reduce((a, b) => a + b, 0);
  return {
    allowed: !row!.refused,
    remaining: Math.max(0, limit - used),
    resetSeconds: ahead + secondsUntilBelow(counts, used),
    retryAfterSeconds: row!.refused ? ahead + secondsUntilBelow(counts, limit) : 0,
  };
}
