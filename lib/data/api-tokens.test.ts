import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRateLimits, apiTokens, auditLog, users } from '@/db/schema';
import { type Actor, systemActor } from '@/lib/auth/actor';
import { AppError } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import {
  authenticateToken,
  countApiRequest,
  createApiToken,
  listApiTokens,
  maxActiveTokens,
  revokeApiToken,
} from './api-tokens';

const t = useTestDb();
let head: Actor;
let other: Actor;
let admin: Actor;

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  head = await makeActor(t.db, 'department_head', dept.id);
  other = await makeActor(t.db, 'secretary');
  admin = await makeActor(t.db, 'admin');
});

async function fieldErrorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return (error as ValidationError).fieldErrors;
}

describe('API tokens', () => {
  it('creates a token shown once, stored only as its SHA-256 and a short prefix, and audited without it', async () => {
    const created = await createApiToken(head, { name: ' OA 同步 ' });
    expect(created.token).toMatch(/^dkt_[A-Za-z0-9_-]{43}$/);
    expect(created).toMatchObject({ name: 'OA 同步', userId: head.id, prefix: created.token.slice(0, 10), expiresAt: null });
    const [row] = await t.db.select().from(apiTokens).where(eq(apiTokens.id, created.id));
    expect(row!.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'api_token.create'), eq(auditLog.entityId, String(created.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(head.id);
    expect(JSON.stringify(audit[0])).not.toContain(created.token);
  });

  it('authenticates a token as its user, with exactly their role and department', async () => {
    const { token, id } = await createApiToken(head, { name: 'sync' });
    const actor = await authenticateToken(token);
    expect(actor).toEqual({ ...head, tokenId: id });
    expect(await authenticateToken(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`)).toBeNull();
    expect(await authenticateToken('dkt_short')).toBeNull();
    expect(await authenticateToken("dkt_' OR 1=1 --")).toBeNull();
    expect(await authenticateToken('')).toBeNull();
  });

  it('notes the last use at most once a minute', async () => {
    const { token, id } = await createApiToken(head, { name: 'usage' });
    const at = new Date('2030-01-01T08:00:00Z');
    await authenticateToken(token, at);
    await authenticateToken(token, new Date(at.getTime() + 30_000));
    const lastUsed = async () => (await t.db.select().from(apiTokens).where(eq(apiTokens.id, id)))[0]!.lastUsedAt;
    expect(await lastUsed()).toEqual(at);
    await authenticateToken(token, new Date(at.getTime() + 61_000));
    expect(await lastUsed()).toEqual(new Date(at.getTime() + 61_000));
  });

  it('refuses a revoked or expired token and the token of a deactivated user', async () => {
    const revoked = await createApiToken(head, { name: 'to revoke' });
    expect(await revokeApiToken(head, revoked.id)).toEqual({ revoked: true, name: 'to revoke' });
    expect(await authenticateToken(revoked.token)).toBeNull();
    // Revoking again changes nothing.
    expect(await revokeApiToken(head, revoked.id)).toEqual({ revoked: false, name: 'to revoke' });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'api_token.revoke'), eq(auditLog.entityId, String(revoked.id))));
    expect(audit).toHaveLength(1);

    // Valid through its last day (city time), not after.
    const expiring = await createApiToken(head, { name: 'expiring', expiresOn: '2030-06-30' }, new Date('2030-06-01T00:00:00+08:00'));
    expect(expiring.expiresAt).toEqual(new Date('2030-07-01T00:00:00+08:00'));
    expect(await authenticateToken(expiring.token, new Date('2030-06-30T23:59:00+08:00'))).not.toBeNull();
    expect(await authenticateToken(expiring.token, new Date('2030-07-01T00:00:00+08:00'))).toBeNull();

    const leaving = await makeActor(t.db, 'leader');
    const { token } = await createApiToken(leaving, { name: 'leaving' });
    expect(await authenticateToken(token)).not.toBeNull();
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaving.id));
    expect(await authenticateToken(token)).toBeNull();
  });

  it('lists only the user\'s own tokens with their state, never the token', async () => {
    const mine = await makeActor(t.db, 'leader');
    await createApiToken(mine, { name: 'first' });
    const second = await createApiToken(mine, { name: 'second' });
    await revokeApiToken(mine, second.id);
    const rows = await listApiTokens(mine);
    expect(rows.map((r) => [r.name, r.state])).toEqual([['second', 'revoked'], ['first', 'active']]);
    expect(JSON.stringify(rows)).not.toContain(second.token);
    await expect(listApiTokens(head, mine.id)).rejects.toMatchObject({ code: 'forbidden' });
    expect(await listApiTokens(admin, mine.id)).toHaveLength(2);
  });

  it("keeps another user's token out of reach: not found to others, revocable by an admin", async () => {
    const { id, token } = await createApiToken(head, { name: 'mine' });
    await expect(revokeApiToken(other, id)).rejects.toMatchObject({ code: 'not_found' });
    expect(await authenticateToken(token)).not.toBeNull();
    expect(await revokeApiToken(admin, id)).toMatchObject({ revoked: true });
    expect(await authenticateToken(token)).toBeNull();
  });

  it('lets an admin (and the command line) create a token for another user, and nobody else', async () => {
    const forHead = await createApiToken(systemActor, { username: head.username.toUpperCase(), name: 'from the server' });
    expect(forHead.userId).toBe(head.id);
    expect((await authenticateToken(forHead.token))?.id).toBe(head.id);
    expect((await createApiToken(admin, { userId: head.id, name: 'by admin' })).userId).toBe(head.id);
    await expect(createApiToken(other, { userId: head.id, name: 'not mine' })).rejects.toBeInstanceOf(AppError);
    await expect(createApiToken(other, { userId: head.id, name: 'not mine' })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await fieldErrorOf(createApiToken(systemActor, { username: 'nobody-here', name: 'x' }))).toEqual({ user: [{ key: 'unknownUser' }] });
    await expect(createApiToken(systemActor, { name: 'own' })).rejects.toMatchObject({ code: 'forbidden' });
  });

  it('checks the name and the last day, and caps the active tokens of one user', async () => {
    expect(await fieldErrorOf(createApiToken(head, { name: '   ' }))).toEqual({ name: [{ key: 'required' }] });
    expect(await fieldErrorOf(createApiToken(head, { name: 'x'.repeat(101) }))).toEqual({ name: [{ key: 'tooLong', values: { max: 100 } }] });
    expect(await fieldErrorOf(createApiToken(head, { name: 'x', expiresOn: '2030-02-30' }))).toEqual({ expiresOn: [{ key: 'invalidFormat' }] });
    expect(await fieldErrorOf(createApiToken(head, { name: 'x', expiresOn: '2020-01-01' }))).toEqual({ expiresOn: [{ key: 'dateInPast' }] });

    const busy = await makeActor(t.db, 'secretary');
    for (let i = 0; i < maxActiveTokens; i += 1) await createApiToken(busy, { name: `t${i}` });
    expect(await fieldErrorOf(createApiToken(busy, { name: 'one too many' }))).toEqual({ name: [{ key: 'tooManyTokens', values: { max: maxActiveTokens } }] });
    const [first] = await listApiTokens(busy);
    await revokeApiToken(busy, first!.id);
    expect((await createApiToken(busy, { name: 'room again' })).name).toBe('room again');
  });
});

describe('API rate limit', () => {
  const at = (iso: string, ms = 0) => new Date(new Date(iso).getTime() + ms);
  const take = async (tokenId: number, limit: number, when: Date, times = 1) => {
    const decisions = [];
    for (let i = 0; i < times; i += 1) decisions.push(await countApiRequest(tokenId, limit, when));
    return decisions;
  };
  const allowedOf = (decisions: { allowed: boolean }[]) => decisions.filter((d) => d.allowed).length;

  it('allows the limit in any 60 seconds: 600 at 10:00:59 leave none at 10:01:00, until 10:00:59 has left the window', async () => {
    const { id } = await createApiToken(head, { name: 'boundary' });
    expect(allowedOf(await take(id, 600, at('2030-03-01T10:00:59.500Z'), 600))).toBe(600);
    const next = await take(id, 600, at('2030-03-01T10:01:00.200Z'), 600);
    expect(allowedOf(next)).toBe(0);
    expect(next[0]).toEqual({ allowed: false, remaining: 0, resetSeconds: 60, retryAfterSeconds: 60 });
    expect((await countApiRequest(id, 600, at('2030-03-01T10:01:59.999Z'))).retryAfterSeconds).toBe(1);
    // 10:02:00 is more than 60 seconds after every request counted: the whole limit again.
    expect(allowedOf(await take(id, 600, at('2030-03-01T10:02:00.000Z'), 601))).toBe(600);
  });

  it('says what remains, when more is allowed and when to retry, per token', async () => {
    const { id } = await createApiToken(head, { name: 'counted' });
    const { id: otherId } = await createApiToken(head, { name: 'other' });
    const t0 = '2030-03-02T08:00:00.000Z';
    expect(await countApiRequest(id, 5, at(t0))).toEqual({ allowed: true, remaining: 4, resetSeconds: 61, retryAfterSeconds: 0 });
    await take(id, 5, at(t0, 300), 2);
    expect(await countApiRequest(id, 5, at(t0, 10_000))).toMatchObject({ allowed: true, remaining: 1, resetSeconds: 51 });
    expect(await countApiRequest(id, 5, at(t0, 20_000))).toMatchObject({ allowed: true, remaining: 0, resetSeconds: 41 });
    // The three of 08:00:00 leave at 08:01:01: 31 seconds from 08:00:30.
    expect(await countApiRequest(id, 5, at(t0, 30_000))).toEqual({ allowed: false, remaining: 0, resetSeconds: 31, retryAfterSeconds: 31 });
    expect(await countApiRequest(otherId, 5, at(t0, 30_000))).toMatchObject({ allowed: true, remaining: 4 });
    expect(await countApiRequest(id, 5, at(t0, 61_000))).toMatchObject({ allowed: true, remaining: 2 });
    // A refused request is not counted: after a long pause everything has left.
    expect(await countApiRequest(id, 5, at(t0, 3_600_000))).toMatchObject({ allowed: true, remaining: 4 });
  });

  it('counts from the newest second seen when another instance\'s clock is behind', async () => {
    const { id } = await createApiToken(head, { name: 'skew' });
    await take(id, 3, at('2030-03-03T12:00:10.000Z'), 3);
    // Two seconds behind: still refused, and told to wait from the row's second.
    expect(await countApiRequest(id, 3, at('2030-03-03T12:00:08.000Z'))).toMatchObject({ allowed: false, retryAfterSeconds: 63 });
  });

  it('never lets concurrent requests from two instances past the limit, across a second boundary', async () => {
    const { id } = await createApiToken(head, { name: 'concurrent' });
    const limit = 25;
    // Two instances whose clocks are 700 ms apart, 3× the limit at once (PostgreSQL: over several connections).
    const first = at('2030-04-01T10:00:00.600Z');
    const second = at('2030-04-01T10:00:00.600Z', 700);
    const decisions = await Promise.all(Array.from({ length: 3 * limit }, (_, i) => countApiRequest(id, limit, i % 2 ? second : first)));
    expect(allowedOf(decisions)).toBe(limit);
    const [row] = await t.db.select().from(apiRateLimits).where(eq(apiRateLimits.tokenId, id));
    expect(row!.counts.reduce((a, b) => a + b, 0)).toBe(limit);
    expect(row!.counts).toHaveLength(61);
  });
});
