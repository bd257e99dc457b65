import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { apiRequestCounts, apiTokens, auditLog, users } from '@/db/schema';
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
  requestWindowOf,
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

describe('API request counts', () => {
  it('counts requests per token and minute in one row, and deletes windows a few minutes old', async () => {
    const { id } = await createApiToken(head, { name: 'counted' });
    const { id: otherId } = await createApiToken(head, { name: 'other' });
    const at = new Date('2030-03-01T10:00:30Z');
    expect(requestWindowOf(at)).toEqual(new Date('2030-03-01T10:00:00Z'));
    expect(await countApiRequest(id, at)).toEqual({ count: 1, resetAt: new Date('2030-03-01T10:01:00Z') });
    expect((await countApiRequest(id, new Date(at.getTime() + 20_000))).count).toBe(2);
    expect((await countApiRequest(otherId, at)).count).toBe(1);
    // The next minute starts again at 1.
    expect((await countApiRequest(id, new Date('2030-03-01T10:01:05Z'))).count).toBe(1);
    const windows = async () => (await t.db.select().from(apiRequestCounts).where(eq(apiRequestCounts.tokenId, id))).map((r) => r.windowStart.toISOString()).sort();
    expect(await windows()).toEqual(['2030-03-01T10:00:00.000Z', '2030-03-01T10:01:00.000Z']);
    // Ten minutes later the first request of that window clears the old ones.
    await countApiRequest(id, new Date('2030-03-01T10:11:00Z'));
    expect(await windows()).toEqual(['2030-03-01T10:11:00.000Z']);
  });

  it('counts concurrent requests exactly', async () => {
    const { id } = await createApiToken(head, { name: 'concurrent' });
    const at = new Date('2030-04-01T10:00:00Z');
    const counts = await Promise.all(Array.from({ length: 12 }, () => countApiRequest(id, at)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });
});
