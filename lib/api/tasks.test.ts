import { and, count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, followUps, tasks } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { type ApiWorld, callApi, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

const json = async (response: Response | Promise<Response>) => {
  const r = await response;
  const body = await r.json();
  if (r.status >= 400) throw new Error(`${r.status}: ${JSON.stringify(body)}`);
  return body;
};

interface Row {
  id: number;
  dueDate: string;
  progress: number;
  status: string;
  departmentId: number;
  overdue: boolean;
  light: string | null;
}

/** Every page of a list, following nextCursor. */
async function walk(path: string, token: string): Promise<{ rows: Row[]; pages: number }> {
  const rows: Row[] = [];
  let pages = 0;
  let cursor: string | null = null;
  do {
    const page: { data: Row[]; nextCursor: string | null } = await json(
      callApi({ path: `${path}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, token }),
    );
    rows.push(...page.data);
    pages += 1;
    cursor = page.nextCursor;
  } while (cursor && pages < 50);
  return { rows, pages };
}

describe('GET /tasks', () => {
  it('pages through every matching task exactly once in each order, by cursor', async () => {
    const tag = `分页${Date.now()}`;
    const made = [];
    for (const [i, state] of (['assigned', 'in_progress', 'acknowledged', 'in_progress', 'submitted', 'assigned', 'completed'] as const).entries()) {
      // Equal due dates in pairs, so the order must break ties by id.
      made.push(await makeTask(w, i % 2 ? w.ownDeptId : w.otherDeptId, state, { title: `${tag} ${i}`, dueDate: `2099-0${1 + Math.floor(i / 2)}-15` }));
    }
    const ids = made.map((m) => m.id);
    for (const sort of ['dueDate', '-dueDate', 'progress', '-progress', 'status', 'department', '-number']) {
      const { rows, pages } = await walk(`/tasks?q=${encodeURIComponent(tag)}&limit=2&sort=${sort}`, w.tokens.secretary);
      expect(pages, sort).toBe(4);
      expect(rows.map((r) => r.id).sort(), sort).toEqual([...ids].sort());
      if (sort === 'dueDate') {
        expect(rows.map((r) => r.dueDate)).toEqual([...rows.map((r) => r.dueDate)].sort());
        expect(rows.map((r) => r.id)).toEqual([...ids].sort((a, b) => a - b));
      }
      if (sort === '-progress') expect(rows.map((r) => r.progress)).toEqual([...rows.map((r) => r.progress)].sort((a, b) => b - a));
    }
    // A page as large as the list has no next page.
    expect((await json(callApi({ path: `/tasks?q=${encodeURIComponent(tag)}&limit=7`, token: w.tokens.secretary }))).nextCursor).toBeNull();
    // The department head walks only their own department's part.
    const own = await walk(`/tasks?q=${encodeURIComponent(tag)}&limit=1`, w.tokens.head);
    expect(own.rows.map((r) => r.departmentId)).toEqual([w.ownDeptId, w.ownDeptId, w.ownDeptId]);
  });

  it("filters like the task table: a department's overdue tasks, status, light, due dates, role", async () => {
    const tag = `筛选${Date.now()}`;
    const late = await makeTask(w, w.ownDeptId, 'in_progress', { title: `${tag} late`, dueDate: '2019-06-30' });
    const lateOther = await makeTask(w, w.otherDeptId, 'acknowledged', { title: `${tag} other late`, dueDate: '2019-06-30' });
    const done = await makeTask(w, w.ownDeptId, 'completed', { title: `${tag} done`, dueDate: '2019-06-30' });
    const later = await makeTask(w, w.ownDeptId, 'assigned', { title: `${tag} later`, dueDate: '2099-06-30' });
    const q = `q=${encodeURIComponent(tag)}`;
    const ids = async (query: string, token = w.tokens.secretary) =>
      (await json(callApi({ path: `/tasks?${q}&${query}`, token }))).data.map((r: Row) => r.id).sort();

    expect(await ids(`departmentId=${w.ownDeptId}&overdue=true`)).toEqual([late.id]);
    expect(await ids('overdue=true')).toEqual([late.id, lateOther.id].sort());
    expect(await ids('light=red')).toEqual([late.id, lateOther.id].sort());
    expect(await ids('status=completed,assigned')).toEqual([done.id, later.id].sort());
    expect(await ids('dueFrom=2020-01-01')).toEqual([later.id]);
    expect(await ids('dueTo=2019-12-31&status=in_progress,acknowledged')).toEqual([late.id, lateOther.id].sort());
    expect(await ids(`departmentId=${w.ownDeptId},${w.otherDeptId}&role=support`)).toEqual([]);
    expect(await ids(`conferenceId=${w.conferenceId}&role=lead`)).toHaveLength(4);
    const [row] = (await json(callApi({ path: `/tasks?${q}&overdue=true&departmentId=${w.ownDeptId}`, token: w.tokens.head }))).data;
    expect(row).toMatchObject({ id: late.id, dueDate: '2019-06-30', status: 'in_progress', overdue: true, light: 'red', role: 'lead', departmentId: w.ownDeptId });
  });
});

describe('GET /tasks/{id}', () => {
  it('answers the task with its timeline newest first, its ETag, and what the caller may post now', async () => {
    const task = await makeTask(w, w.ownDeptId, 'in_progress');
    const response = await callApi({ path: `/tasks/${task.id}`, token: w.tokens.head });
    expect(response.headers.get('etag')).toBe(`"${task.id}-${task.version}"`);
    const body = await response.json();
    expect(body).toMatchObject({ id: task.id, version: task.version, status: 'in_progress', progress: 30, conferenceTitle: '安全生产委员会全体会议' });
    expect(body.followUps.map((f: { kind: string }) => f.kind)).toEqual(['progress', 'acknowledge', 'assign']);
    expect(body.followUps[0]).toMatchObject({ body: '已完成排查', progress: 30, fromStatus: 'acknowledged', toStatus: 'in_progress', author: { name: w.actors.head.name, role: 'department_head' } });
    expect(body.followUps[0].createdAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+08:00$/);
    expect(body.assignedAt).toMatch(/\+08:00$/);
    expect(body.allowedFollowUps).toEqual(['progress', 'submit', 'extension_request', 'comment']);
    expect((await json(callApi({ path: `/tasks/${task.id}`, token: w.tokens.secretary }))).allowedFollowUps).toEqual(['reminder', 'comment']);
    expect((await json(callApi({ path: `/tasks/${task.id}`, token: w.tokens.leader }))).allowedFollowUps).toEqual(['instruction', 'comment']);
  });
});

describe('POST /tasks/{id}/follow-ups', () => {
  const post = (taskId: number, token: string, body: Record<string, unknown>, headers: Record<string, string> = {}) =>
    callApi({ method: 'POST', path: `/tasks/${taskId}/follow-ups`, token, body, headers });

  it('follows journeys 4 and 5 over HTTP: acknowledge, progress, extension, submit, return with a reason, resubmit, verify', async () => {
    const task = await makeTask(w, w.ownDeptId, 'assigned', { title: '危险化学品专项整治', dueDate: '2099-06-30' });
    // The department head finds it among their department's open tasks.
    const open = await json(callApi({ path: `/tasks?status=assigned&q=${encodeURIComponent('危险化学品专项整治')}`, token: w.tokens.head }));
    expect(open.data.map((r: Row) => r.id)).toContain(task.id);

    let etag = (await callApi({ path: `/tasks/${task.id}`, token: w.tokens.head })).headers.get('etag')!;
    const step = async (token: string, body: Record<string, unknown>) => {
      // Made against the ETag, as a client that read the task first would.
      const response = await post(task.id, token, body, { 'If-Match': etag });
      const result = await response.json();
      expect(response.status, JSON.stringify(result)).toBe(201);
      expect(response.headers.get('location')).toBe(`/api/v1/tasks/${task.id}`);
      etag = response.headers.get('etag')!;
      expect(etag).toBe(`"${task.id}-${result.task.version}"`);
      return result;
    };
    expect((await step(w.tokens.head, { kind: 'acknowledge' })).task.status).toBe('acknowledged');
    const progress = await step(w.tokens.head, { kind: 'progress', progress: 40, body: '已排查企业 40 家' });
    expect(progress.followUp).toMatchObject({ kind: 'progress', progress: 40, body: '已排查企业 40 家', fromStatus: 'acknowledged', toStatus: 'in_progress' });
    expect(progress.task).toMatchObject({ status: 'in_progress', progress: 40 });
    const asked = await step(w.tokens.head, { kind: 'extension_request', newDueDate: '2099-09-30', body: '汛期影响现场检查' });
    expect(asked.followUp).toMatchObject({ kind: 'extension_request', requestedDueDate: '2099-09-30' });
    const approved = await step(w.tokens.secretary, { kind: 'extension_approve' });
    expect(approved.followUp).toMatchObject({ kind: 'extension_approve', previousDueDate: '2099-06-30', newDueDate: '2099-09-30' });
    expect(approved.task.dueDate).toBe('2099-09-30');
    expect((await step(w.tokens.head, { kind: 'submit', body: '整治完成' })).task).toMatchObject({ status: 'submitted', progress: 100 });
    expect((await step(w.tokens.secretary, { kind: 'return', body: '缺少整改台账' })).task.status).toBe('in_progress');

    // The department head sees the return and its reason.
    const returned = await json(callApi({ path: `/tasks/${task.id}`, token: w.tokens.head }));
    expect(returned).toMatchObject({ status: 'in_progress', returnCount: 1, extensionCount: 1, originalDueDate: '2099-06-30', dueDate: '2099-09-30' });
    expect(returned.followUps[0]).toMatchObject({ kind: 'return', body: '缺少整改台账', author: { role: 'secretary' } });

    await step(w.tokens.head, { kind: 'submit', body: '已补充整改台账' });
    expect((await step(w.tokens.secretary, { kind: 'verify' })).task).toMatchObject({ status: 'completed', light: null, overdue: false });
    await step(w.tokens.leader, { kind: 'instruction', body: '做得好，要总结推广' });
    // Verifying again is not possible in this state.
    const again = await post(task.id, w.tokens.secretary, { kind: 'verify' }, { 'If-Match': etag });
    expect(again.status).toBe(409);
    expect((await again.json()).type).toBe('/api/docs#problem-invalid-transition');
  });

  it('records a repeated request with the same Idempotency-Key once and answers the first result again', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const body = { kind: 'progress', progress: 60, body: '过半', version: task.version };
    const first = await post(task.id, w.tokens.head, body, { 'Idempotency-Key': 'oa-4711' });
    expect(first.status).toBe(201);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    const firstBody = await first.json();
    const repeat = await post(task.id, w.tokens.head, body, { 'Idempotency-Key': 'oa-4711' });
    expect(repeat.status).toBe(201);
    expect(repeat.headers.get('idempotent-replayed')).toBe('true');
    // The same answer: status, entry and task (nothing changed the task in between).
    expect(await repeat.json()).toEqual(firstBody);
    // Text is compared as parsed, and a retry naming the version it has read since is the same post.
    const retried = await post(task.id, w.tokens.head, { ...body, body: ' 过半 ', version: task.version + 1 }, { 'Idempotency-Key': 'oa-4711' });
    expect(retried.headers.get('idempotent-replayed')).toBe('true');
    const [progressEntries] = await t.db.select({ value: count() }).from(followUps).where(and(eq(followUps.taskId, task.id), eq(followUps.kind, 'progress')));
    expect(progressEntries!.value).toBe(1);
    // The key belongs to this task: the same key on another task is a new entry.
    const other = await makeTask(w, w.ownDeptId, 'acknowledged');
    const elsewhere = await post(other.id, w.tokens.head, { ...body, version: other.version }, { 'Idempotency-Key': 'oa-4711' });
    expect(elsewhere.headers.get('idempotent-replayed')).toBeNull();
    expect((await elsewhere.json()).followUp.id).not.toBe(firstBody.followUp.id);
  });

  /** Entries, audit rows and the task's version: what a refused post must leave as it was. */
  const writtenOn = async (taskId: number) => {
    const [[entries], [audits], [row]] = await Promise.all([
      t.db.select({ value: count() }).from(followUps).where(eq(followUps.taskId, taskId)),
      t.db.select({ value: count() }).from(auditLog).where(and(eq(auditLog.entityType, 'task'), eq(auditLog.entityId, String(taskId)))),
      t.db.select({ version: tasks.version, progress: tasks.progress }).from(tasks).where(eq(tasks.id, taskId)),
    ]);
    return { entries: entries!.value, audits: audits!.value, ...row! };
  };

  it('refuses an Idempotency-Key reused for a different request with 422, in the user\'s language, and writes nothing', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const body = { kind: 'progress', progress: 60, body: '过半', version: task.version };
    expect((await post(task.id, w.tokens.head, body, { 'Idempotency-Key': 'oa-reuse' })).status).toBe(201);
    const before = await writtenOn(task.id);
    for (const changed of [{ progress: 70 }, { body: '过半了' }, { kind: 'comment' }]) {
      const refused = await post(task.id, w.tokens.head, { ...body, ...changed, version: task.version + 1 }, { 'Idempotency-Key': 'oa-reuse', 'Accept-Language': 'en' });
      expect(refused.status, JSON.stringify(changed)).toBe(422);
      expect(refused.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      expect(await refused.json()).toMatchObject({
        type: '/api/docs#problem-idempotency-key-reused',
        title: 'Idempotency key reused',
        status: 422,
        detail: expect.stringContaining('This Idempotency-Key was already used on this task for a different entry.'),
      });
    }
    const zh = await post(task.id, w.tokens.head, { ...body, progress: 70 }, { 'Idempotency-Key': 'oa-reuse', 'Accept-Language': 'zh-CN' });
    expect(await zh.json()).toMatchObject({ title: '幂等键已用于其他请求', detail: expect.stringContaining('已在本任务上用于另一条内容不同的记录') });
    expect(await writtenOn(task.id)).toEqual(before);
  });

  it('keeps Idempotency-Keys per user: another user\'s same key is a post of its own', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const before = await writtenOn(task.id);
    const mine = await post(task.id, w.tokens.head, { kind: 'comment', body: '已部署', version: task.version }, { 'Idempotency-Key': 'shared-key' });
    const theirs = await post(task.id, w.tokens.leader, { kind: 'comment', body: '请抓紧', version: task.version + 1 }, { 'Idempotency-Key': 'shared-key' });
    expect(theirs.status).toBe(201);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    const [a, b] = [(await mine.json()).followUp, (await theirs.json()).followUp];
    expect(b.id).not.toBe(a.id);
    expect(b.body).toBe('请抓紧');
    // And the other user's different post under the key did not make the first user's a reuse.
    expect((await post(task.id, w.tokens.head, { kind: 'comment', body: '已部署', version: task.version }, { 'Idempotency-Key': 'shared-key' })).headers.get('idempotent-replayed')).toBe('true');
    expect((await writtenOn(task.id)).entries).toBe(before.entries + 2);
  });

  it('records concurrent requests with the same Idempotency-Key once', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    const body = { kind: 'progress', progress: 30, body: '三成', version: task.version };
    const before = await writtenOn(task.id);
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(task.id, w.tokens.head, body, { 'Idempotency-Key': 'oa-race' })));
    expect(answers.map((r) => r.status)).toEqual(Array(6).fill(201));
    expect(answers.filter((r) => r.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    const ids = new Set(await Promise.all(answers.map(async (r) => (await r.json()).followUp.id)));
    expect(ids.size).toBe(1);
    expect(await writtenOn(task.id)).toEqual({ entries: before.entries + 1, audits: before.audits + 1, version: task.version + 1, progress: 30 });
  });

  it('refuses a stale version with 409 (body) or 412 (If-Match), saying what is saved now', async () => {
    const task = await makeTask(w, w.ownDeptId, 'acknowledged');
    expect((await post(task.id, w.tokens.head, { kind: 'comment', body: '第一条', version: task.version })).status).toBe(201);
    const stale = await post(task.id, w.tokens.head, { kind: 'comment', body: '第二条', version: task.version }, { 'Accept-Language': 'en' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({
      type: '/api/docs#problem-conflict',
      detail: 'Someone else has just changed this record. Reload to see the latest version, then make your change again.',
      current: { status: 'acknowledged', version: task.version + 1 },
    });
    const ifMatch = await post(task.id, w.tokens.head, { kind: 'comment', body: '第二条' }, { 'If-Match': `"${task.id}-${task.version}"` });
    expect(ifMatch.status).toBe(412);
    expect(await ifMatch.json()).toMatchObject({ type: '/api/docs#problem-precondition-failed', current: { version: task.version + 1 } });
    expect((await post(task.id, w.tokens.head, { kind: 'comment', body: '第二条' }, { 'If-Match': `"${task.id}-${task.version + 1}"` })).status).toBe(201);
  });
});
