import { count, eq, sql } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { auditLog, followUps, tasks, users } from '@/db/schema';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { useTestDb } from '@/test/db';
import { makeActor } from '@/test/fixtures';
import { setEnv } from '@/test/smtp';
import { maxBodyBytes } from './body';
import { encodeCursor } from './cursor';
import { type ApiCall, type ApiWorld, callApi, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

afterEach(() => setEnv({ API_RATE_LIMIT: undefined }));

/** Rows that any write would add to: a refused request must leave them as they were. */
async function written() {
  const [[f], [a], [tk]] = await Promise.all([
    t.db.select({ value: count() }).from(followUps),
    t.db.select({ value: count() }).from(auditLog),
    t.db.select({ value: sql<number>`sum(${tasks.version})` }).from(tasks),
  ]);
  return { followUps: f!.value, audit: a!.value, versions: Number(tk!.value) };
}

async function problem(call: ApiCall, headers: Record<string, string> = { 'Accept-Language': 'en' }) {
  const response = await callApi({ ...call, headers: { ...headers, ...call.headers } });
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

describe('bad bodies write nothing', () => {
  it('answers malformed JSON 400, wrong types and unknown fields 422 with each field named, an oversize body 413', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const post = (body: unknown, headers: Record<string, string> = {}) =>
      problem({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body, headers });
    const before = await written();

    expect(await post('{"kind": "comment", "body": "x", "version": 2')).toMatchObject({ status: 400, body: { detail: 'The request body is not valid JSON.' } });
    expect(await post('')).toMatchObject({ status: 400, body: { detail: 'This request needs a JSON body.' } });
    expect((await post('[1, 2]')).status).toBe(422);

    const wrongTypes = await post({ kind: 5, body: 123, progress: 'fifty', version: 'two' });
    expect(wrongTypes.status).toBe(422);
    expect(Object.keys(wrongTypes.body.errors).sort()).toEqual(['body', 'kind', 'progress', 'version']);
    expect(wrongTypes.body.errors.kind).toEqual(['Choose one of the listed options.']);

    const unknown = await post({ kind: 'comment', body: '已阅', version: task.version, taskId: 1, status: 'completed' });
    expect(unknown).toMatchObject({
      status: 422,
      body: { errors: { taskId: ['Contains a field that is not recognised.'], status: ['Contains a field that is not recognised.'] } },
    });
    // PostgreSQL cannot store a NUL character: refused by field, not a server error.
    expect((await post({ kind: 'comment', body: 'a\u0000b', version: task.version })).body.errors).toEqual({ body: ['Contains a character that is not allowed.'] });

    expect((await post({ kind: 'comment', body: 'x'.repeat(maxBodyBytes), version: task.version })).status).toBe(413);
    expect((await post({ kind: 'comment', body: 'x'.repeat(5_001), version: task.version })).body.errors).toEqual({ body: ['Use at most 5000 characters.'] });
    expect((await post({ kind: 'comment', body: '已阅' })).body.errors).toEqual({ version: ['This field is required.'] });
    expect((await post({ kind: 'progress', body: '完成', progress: -1, version: task.version })).body.errors).toEqual({ progress: ['Must be at least 0.'] });
    // A value of the wrong type is named as such, not as missing.
    expect((await post({ kind: 'comment', body: 42, version: task.version })).body.errors).toEqual({ body: ['This value has the wrong format.'] });
    expect((await post({ kind: 'extension_request', body: '延期', newDueDate: '2099-02-30x', version: task.version })).body.errors).toEqual({ newDueDate: ['This value has the wrong format.'] });
    // A day that does not exist is refused here, not left to fail in the database.
    expect((await post({ kind: 'extension_request', body: '延期', newDueDate: '2099-09-31', version: task.version })).body.errors).toEqual({ newDueDate: ['This value has the wrong format.'] });
    expect((await post({ kind: '<script>alert(1)</script>', version: task.version })).status).toBe(422);
    // The data layer's own rules answer the same way.
    expect((await post({ kind: 'progress', progress: 40, version: task.version })).body.errors).toEqual({ body: ['This field is required.'] });
    expect(await post({ kind: 'comment', body: '已阅', version: task.version }, { 'Content-Type': 'text/plain' })).toMatchObject({ status: 415 });
    expect(await post({ kind: 'comment', body: '已阅', version: task.version }, { 'Idempotency-Key': 'k'.repeat(101) })).toMatchObject({
      status: 422,
      body: { errors: { 'Idempotency-Key': ['Use at most 100 characters.'] } },
    });

    expect(await written()).toEqual(before);
  });
});

describe('bad queries, cursors and paths', () => {
  it('refuses unknown, repeated and malformed query parameters (422), and ids that are not ids (404)', async () => {
    const get = (path: string) => problem({ path, token: w.tokens.secretary });
    expect((await get('/tasks?foo=1')).body.errors).toEqual({ foo: ['Contains a field that is not recognised.'] });
    expect((await get(`/tasks?q=${encodeURIComponent('a\u0000')}`)).body.errors).toEqual({ q: ['Contains a character that is not allowed.'] });
    expect((await get('/tasks?limit=1&limit=2')).status).toBe(422);
    expect((await get('/tasks?limit=201')).body.errors).toEqual({ limit: ['Must be at most 200.'] });
    expect((await get('/tasks?status=assigned,finished')).body.errors).toEqual({ status: ['Choose one of the listed options.'] });
    expect((await get('/tasks?dueFrom=2026-02-30')).status).toBe(422);
    expect((await get('/tasks?overdue=yes')).status).toBe(422);
    expect((await get('/tasks?sort=title')).status).toBe(422);
    expect((await get('/tasks/abc')).status).toBe(404);
    expect((await get('/tasks/99999999999')).status).toBe(404);
    expect((await get('/tasks/0')).status).toBe(404);
    expect((await get('/nothing/here')).status).toBe(404);
  });

  it('refuses a damaged, forged or foreign cursor (422)', async () => {
    for (let i = 0; i < 3; i += 1) await makeTask(w, w.ownDeptId);
    const page = await (await callApi({ path: '/tasks?limit=1', token: w.tokens.secretary })).json();
    expect(page.nextCursor).toEqual(expect.any(String));
    const refused = async (cursor: string, sort = 'dueDate') =>
      (await get(`/tasks?limit=1&sort=${sort}&cursor=${encodeURIComponent(cursor)}`)).body.errors;
    const get = (path: string) => problem({ path, token: w.tokens.secretary });
    const invalid = { cursor: ['This cursor is not valid for this list; start again without one.'] };
    expect(await refused(`${page.nextCursor}%%`)).toEqual(invalid);
    expect(await refused(page.nextCursor.slice(0, -3))).toEqual(invalid);
    expect(await refused(encodeCursor({ s: 'dueDate', v: "2026-01-01' OR '1'='1", id: 1 }))).toEqual(invalid);
    expect(await refused(encodeCursor({ s: 'progress', v: 'abc', id: 1 }), 'progress')).toEqual(invalid);
    expect(await refused(encodeCursor({ s: 'dueDate', v: '2026-01-01', id: -1 }))).toEqual(invalid);
    // A cursor of one order does not continue another.
    expect(await refused(page.nextCursor, '-dueDate')).toEqual(invalid);
    const departments = await (await callApi({ path: '/departments?limit=1', token: w.tokens.secretary })).json();
    expect(departments.nextCursor).toEqual(expect.any(String));
    expect((await get(`/departments?cursor=${encodeCursor({ o: 'one' })}`)).status).toBe(422);
    expect(await get(`/departments?cursor=${encodeCursor({ o: -5 })}`)).toMatchObject({ status: 422, body: { errors: invalid } });
  });

  it('treats SQL and script in typed parameters as invalid, and in free text as text', async () => {
    const before = await written();
    const [counted] = await t.db.select({ value: count() }).from(tasks);
    const taskCount = counted!.value;
    const get = (path: string) => callApi({ path, token: w.tokens.secretary });
    for (const path of [
      `/tasks?departmentId=${encodeURIComponent('1 OR 1=1')}`,
      `/tasks?status=${encodeURIComponent("assigned' OR '1'='1")}`,
      `/tasks?conferenceId=${encodeURIComponent('1; DROP TABLE tasks')}`,
      `/tasks?sort=${encodeURIComponent('dueDate; DROP TABLE tasks')}`,
      `/tasks?light=${encodeURIComponent('<script>alert(1)</script>')}`,
      `/departments?kind=${encodeURIComponent("department' --")}`,
    ]) {
      expect((await get(path)).status, path).toBe(422);
    }
    expect((await get(`/tasks/${encodeURIComponent('1 OR 1=1')}`)).status).toBe(404);
    const search = await get(`/tasks?q=${encodeURIComponent("'; DROP TABLE tasks; --")}`);
    expect(search.status).toBe(200);
    expect((await search.json()).data).toEqual([]);
    expect((await (await get(`/tasks?q=${encodeURIComponent('%')}&limit=1`)).json()).data).toHaveLength(1);
    expect(await written()).toEqual(before);
    expect((await t.db.select({ value: count() }).from(tasks))[0]!.value).toBe(taskCount);

    // A comment is text: stored and answered as written (JSON, never HTML), and nothing else happens.
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const text = "<script>alert('x')</script> '); DELETE FROM follow_ups; --";
    const posted = await callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'comment', body: text, version: task.version } });
    expect(posted.status).toBe(201);
    expect(posted.headers.get('content-type')).toMatch(/^application\/json/);
    expect((await posted.json()).followUp.body).toBe(text);
    expect((await t.db.select({ value: count() }).from(followUps).where(eq(followUps.taskId, task.id)))[0]!.value).toBe(3);
  });

  it('never answers 500 to odd values of any query parameter', async () => {
    const { token } = await createApiToken(w.actors.secretary, { name: 'odd values' });
    const odd = ['', ' ', '-1', '0', '1e9', '3.5', 'null', 'true', '[]', '{}', '\u0000', '%00', '中文', "'", '"', '\\', 'x'.repeat(3000), '2026-13-01', ',,,', '1,,2'];
    const params = { '/tasks': ['limit', 'cursor', 'status', 'light', 'departmentId', 'role', 'conferenceId', 'overdue', 'q', 'dueFrom', 'dueTo', 'sort'], '/departments': ['limit', 'cursor', 'kind', 'active', 'q'] };
    for (const [path, names] of Object.entries(params)) {
      for (const name of names) {
        for (const value of odd) {
          const response = await callApi({ path: `${path}?${name}=${encodeURIComponent(value)}`, token });
          expect([200, 422], `${path}?${name}=${value.slice(0, 20)}`).toContain(response.status);
        }
      }
    }
  });
});

describe('tokens', () => {
  it('answers 401 as a problem, with WWW-Authenticate, to a missing, malformed, unknown, revoked or expired token and a deactivated user', async () => {
    const user = await makeActor(t.db, 'leader');
    const deactivated = await createApiToken(user, { name: 'leaving' });
    await t.db.update(users).set({ active: false }).where(eq(users.id, user.id));
    const revoked = await createApiToken(w.actors.head, { name: 'revoked' });
    await revokeApiToken(w.actors.head, revoked.id);
    const expired = await createApiToken(w.actors.head, { name: 'expired', expiresOn: '2030-01-01' }, new Date('2029-12-01T00:00:00+08:00'));
    await t.db.execute(sql`UPDATE api_tokens SET expires_at = now() - interval '1 second' WHERE id = ${expired.id}`);

    const missing = await problem({ path: '/me' });
    expect(missing).toMatchObject({ status: 401, body: { detail: 'Send an API token in the Authorization header: Bearer, a space, then the token.' } });
    expect(missing.headers.get('www-authenticate')).toBe('Bearer');
    for (const authorization of [`Basic ${Buffer.from('admin:Docket#2018').toString('base64')}`, 'Bearer', 'Bearer dkt_nonsense', `Bearer ${revoked.token}`, `Bearer ${expired.token}`, `Bearer ${deactivated.token}`]) {
      const refused = await problem({ path: '/me', headers: { Authorization: authorization } });
      expect(refused.status, authorization).toBe(401);
      expect(refused.body.type).toBe('/api/docs#problem-unauthenticated');
    }
    // In Chinese unless the caller asks otherwise.
    expect((await problem({ path: '/me', token: revoked.token }, {})).body.title).toBe('未认证');
    expect((await callApi({ path: '/me', token: w.tokens.head })).status).toBe(200);
  });

  it("answers in the token user's language when they chose one", async () => {
    await t.db.update(users).set({ locale: 'en' }).where(eq(users.id, w.actors.leader.id));
    const refused = await problem({ path: '/tasks?limit=0', token: w.tokens.leader }, { 'Accept-Language': 'zh-CN' });
    expect(refused.body).toMatchObject({ title: 'Invalid input', errors: { limit: ['Must be at least 1.'] } });
    await t.db.update(users).set({ locale: null }).where(eq(users.id, w.actors.leader.id));
  });
});

describe('throttling', () => {
  it('lets each token make API_RATE_LIMIT requests in 60 seconds, then answers 429 with Retry-After and writes nothing', async () => {
    setEnv({ API_RATE_LIMIT: '3' });
    const { token } = await createApiToken(w.actors.head, { name: 'busy' });
    const remaining: (string | null)[] = [];
    for (let i = 0; i < 3; i += 1) {
      const response = await callApi({ path: '/me', token });
      expect(response.status).toBe(200);
      expect(response.headers.get('ratelimit-limit')).toBe('3');
      remaining.push(response.headers.get('ratelimit-remaining'));
    }
    expect(remaining).toEqual(['2', '1', '0']);
    const task = await makeTask(w, w.ownDeptId);
    const before = await written();
    const refused = await problem({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token, body: { kind: 'acknowledge', version: task.version } });
    expect(refused.status).toBe(429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(61);
    expect(refused.body.detail).toBe(`This token may make 3 requests in any 60 seconds. Try again in ${retryAfter} seconds.`);
    expect(await written()).toEqual(before);
    // Another token of the same user has its own count.
    const second = await createApiToken(w.actors.head, { name: 'calm' });
    expect((await callApi({ path: '/me', token: second.token })).status).toBe(200);
  });

  it('counts over any 60 seconds, not per calendar minute: a full limit just before a minute ends leaves none just after', async () => {
    setEnv({ API_RATE_LIMIT: '3' });
    const { token } = await createApiToken(w.actors.head, { name: 'boundary' });
    // Only Date is faked: the clock the limit reads, not the timers the database drivers use.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      const statusAt = async (at: string) => {
        vi.setSystemTime(new Date(at));
        const response = await callApi({ path: '/me', token, headers: { 'Accept-Language': 'en' } });
        return { status: response.status, retryAfter: response.headers.get('retry-after'), reset: response.headers.get('ratelimit-reset') };
      };
      for (let i = 0; i < 3; i += 1) expect((await statusAt('2031-05-06T09:00:59.400Z')).status).toBe(200);
      const after = await statusAt('2031-05-06T09:01:00.100Z');
      // 09:00:59 leaves the window at 09:02:00: a minute from the second the client is in.
      expect(after).toEqual({ status: 429, retryAfter: '60', reset: '60' });
      expect((await statusAt('2031-05-06T09:01:59.900Z')).status).toBe(429);
      expect((await statusAt('2031-05-06T09:02:00.000Z')).status).toBe(200);
    } finally {
      vi.useRealTimers();
    }
  });
});
