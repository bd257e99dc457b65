import { count, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUps, tasks, users } from '@/db/schema';
import { createApiToken } from '@/lib/data/api-tokens';
import type { TaskStatus } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeActor } from '@/test/fixtures';
import { apiPostKinds } from './operations/tasks';
import { type ApiUser, type ApiWorld, apiUsers, callApi, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

type Kind = (typeof apiPostKinds)[number];

/** Who may post what, as product.md says (the office is the secretary and the admin). */
const office: Kind[] = ['verify', 'return', 'extension_approve', 'extension_reject', 'reminder', 'comment'];
const allowed: Record<ApiUser, Kind[]> = {
  head: ['acknowledge', 'progress', 'submit', 'extension_request', 'comment'],
  otherHead: [],
  secretary: office,
  admin: office,
  leader: ['instruction', 'comment'],
};

/** The state in which each kind is possible, and what it needs in the body. */
const setup: Record<Kind, { state: TaskStatus | 'extension_pending'; body: Record<string, unknown> }> = {
  acknowledge: { state: 'assigned', body: {} },
  progress: { state: 'acknowledged', body: { progress: 50, body: '完成一半' } },
  submit: { state: 'acknowledged', body: { body: '全部完成' } },
  extension_request: { state: 'in_progress', body: { newDueDate: '2099-09-30', body: '需要更多时间' } },
  extension_approve: { state: 'extension_pending', body: {} },
  extension_reject: { state: 'extension_pending', body: { body: '不同意延期' } },
  verify: { state: 'submitted', body: {} },
  return: { state: 'submitted', body: { body: '缺少台账' } },
  reminder: { state: 'in_progress', body: { body: '请抓紧办理' } },
  instruction: { state: 'in_progress', body: { body: '要高度重视' } },
  comment: { state: 'in_progress', body: { body: '已阅' } },
};

async function snapshot(taskId: number) {
  const [task] = await t.db.select({ version: tasks.version, status: tasks.status }).from(tasks).where(eq(tasks.id, taskId));
  const [entries] = await t.db.select({ value: count() }).from(followUps).where(eq(followUps.taskId, taskId));
  return { ...task!, entries: entries!.value };
}

describe('each role\'s token × each follow-up kind on a task of the first department', () => {
  for (const user of apiUsers) {
    it(`${user}: posts exactly what the role may${user === 'otherHead' ? ' (nothing: the task is another department\'s, so not found)' : ''}`, async () => {
      const outcomes: Record<string, number> = {};
      for (const kind of apiPostKinds) {
        const { state, body } = setup[kind];
        const task = await makeTask(w, w.ownDeptId, state);
        const before = await snapshot(task.id);
        const response = await callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens[user], body: { kind, version: task.version, ...body } });
        outcomes[kind] = response.status;
        if (response.status !== 201) expect(await snapshot(task.id), `${user} ${kind}: nothing written`).toEqual(before);
      }
      const expected = Object.fromEntries(apiPostKinds.map((kind) => [kind, user === 'otherHead' ? 404 : allowed[user].includes(kind) ? 201 : 403]));
      expect(outcomes).toEqual(expected);
    });
  }
});

describe('reading through the API', () => {
  it("shows each role what it may see, a department head only their own department's tasks", async () => {
    const own = await makeTask(w, w.ownDeptId, 'in_progress', { title: '本单位任务' });
    const other = await makeTask(w, w.otherDeptId, 'in_progress', { title: '他单位任务' });
    const seesAll: ApiUser[] = ['admin', 'secretary', 'leader'];
    for (const user of apiUsers) {
      const token = w.tokens[user];
      const me = await (await callApi({ path: '/me', token })).json();
      expect(me, user).toMatchObject({ id: w.actors[user].id, role: w.actors[user].role, departmentId: w.actors[user].departmentId });
      expect((await callApi({ path: '/departments', token })).status, user).toBe(200);

      const ownDept = user === 'otherHead' ? w.otherDeptId : w.ownDeptId;
      const listed = await (await callApi({ path: '/tasks?limit=200', token })).json();
      const departments = new Set(listed.data.map((row: { departmentId: number }) => row.departmentId));
      if (seesAll.includes(user)) expect([...departments].sort(), user).toEqual([w.ownDeptId, w.otherDeptId].sort());
      else expect([...departments], user).toEqual([ownDept]);

      // Asking for the other department by filter or by id finds nothing.
      const foreignDept = ownDept === w.ownDeptId ? w.otherDeptId : w.ownDeptId;
      const filtered = await (await callApi({ path: `/tasks?departmentId=${foreignDept}`, token })).json();
      expect(filtered.data.length > 0, user).toBe(seesAll.includes(user));
      const foreignTask = ownDept === w.ownDeptId ? other : own;
      const ownTask = ownDept === w.ownDeptId ? own : other;
      expect((await callApi({ path: `/tasks/${ownTask.id}`, token })).status, user).toBe(200);
      expect((await callApi({ path: `/tasks/${foreignTask.id}`, token })).status, user).toBe(seesAll.includes(user) ? 200 : 404);
    }
  });

  it('acts with the role the user has now: a department head moved to another department loses the old tasks at once', async () => {
    const task = await makeTask(w, w.ownDeptId);
    const mover = await makeActor(t.db, 'department_head', w.ownDeptId);
    const { token } = await createApiToken(mover, { name: 'mover' });
    expect((await callApi({ path: `/tasks/${task.id}`, token })).status).toBe(200);
    await t.db.update(users).set({ departmentId: w.otherDeptId }).where(eq(users.id, mover.id));
    expect((await callApi({ path: `/tasks/${task.id}`, token })).status).toBe(404);
  });
});
