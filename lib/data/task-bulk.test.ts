import { and, eq, inArray } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, followUps, notifications, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createAction } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { cancelTask } from './task-assignments';
import { bulkChangeDueDate, bulkRemind } from './task-bulk';

const t = useTestDb();
let admin: Actor;
let secretary: Actor;
let leader: Actor;
let head: Actor;
let depts: number[];
let conferenceId: number;
const now = new Date('2019-03-18T10:00:00+08:00');

beforeAll(async () => {
  depts = [];
  for (let i = 0; i < 3; i++) depts.push((await makeDepartment(t.db)).id);
  admin = await makeActor(t.db, 'admin');
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', depts[0]!);
  const { conference } = await createConference(secretary, {
    title: '季度会', kind: 'quarterly', year: 2019, quarter: 1, format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'), endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  conferenceId = conference.id;
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
});

async function threeTasks() {
  const { tasks: made } = await createAction(
    secretary,
    {
      conferenceId, title: '道路交通安全整治', defaultDueDate: '2019-06-30',
      assignments: depts.map((departmentId, i) => ({ departmentId, role: i === 0 ? ('lead' as const) : ('support' as const) })),
    },
    now,
  );
  return made;
}
const selection = (rows: { id: number; version: number }[]) => rows.map(({ id, version }) => ({ id, version }));
const kindsOf = async (ids: number[], kind: 'reminder' | 'due_date_change') =>
  t.db.select().from(followUps).where(and(inArray(followUps.taskId, ids), eq(followUps.kind, kind)));

describe('bulkChangeDueDate', () => {
  it('moves every selected due date with the reason, one follow-up, audit row and notification per task', async () => {
    const made = await threeTasks();
    const changed = await bulkChangeDueDate(secretary, { tasks: selection(made), dueDate: '2019-07-31', reason: '汛期顺延' }, now);
    expect(changed.map((c) => [c.dueDate, c.originalDueDate, c.version])).toEqual(made.map(() => ['2019-07-31', '2019-06-30', 2]));
    const entries = await kindsOf(made.map((m) => m.id), 'due_date_change');
    expect(entries.map((e) => [e.previousDueDate, e.newDueDate, e.body])).toEqual(made.map(() => ['2019-06-30', '2019-07-31', '汛期顺延']));
    const audits = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'task.due_date_change'), inArray(auditLog.entityId, made.map((m) => String(m.id)))));
    expect(audits).toHaveLength(3);
    expect(await t.db.select().from(notifications).where(and(eq(notifications.userId, head.id), eq(notifications.kind, 'due_date_change')))).toHaveLength(1);
  });

  it('writes nothing when one task is closed or stale, and names each one', async () => {
    const made = await threeTasks();
    const cancelled = await cancelTask(secretary, { taskId: made[1]!.id, version: 1, reason: '撤销' }, now);
    const stale = { id: made[2]!.id, version: made[2]!.version + 5 };
    const attempt = bulkChangeDueDate(secretary, { tasks: [selection(made)[0]!, { id: cancelled.id, version: cancelled.version }, stale], dueDate: '2019-08-31', reason: '调整' }, now);
    await expect(attempt).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: {
        [`tasks.${made[1]!.id}`]: [{ key: 'taskClosed' }],
        [`tasks.${made[2]!.id}`]: [{ key: 'taskStale' }],
      },
    });
    const [first] = await t.db.select().from(tasks).where(eq(tasks.id, made[0]!.id));
    expect(first).toMatchObject({ dueDate: '2019-06-30', version: 1 });
    expect(await kindsOf(made.map((m) => m.id), 'due_date_change')).toHaveLength(0);
  });

  it('refuses a date in the past, an empty reason, an empty or repeated selection and a missing task', async () => {
    const made = await threeTasks();
    await expect(bulkChangeDueDate(secretary, { tasks: selection(made), dueDate: '2019-03-01', reason: '提前' }, now)).rejects.toMatchObject({ fieldErrors: { dueDate: [{ key: 'dateInPast' }] } });
    await expect(bulkChangeDueDate(secretary, { tasks: selection(made), dueDate: '2019-08-01', reason: ' ' }, now)).rejects.toMatchObject({ fieldErrors: { reason: [{ key: 'required' }] } });
    await expect(bulkChangeDueDate(secretary, { tasks: [], dueDate: '2019-08-01', reason: 'x' }, now)).rejects.toMatchObject({ code: 'validation' });
    await expect(bulkChangeDueDate(secretary, { tasks: [selection(made)[0]!, selection(made)[0]!], dueDate: '2019-08-01', reason: 'x' }, now)).rejects.toMatchObject({
      fieldErrors: { tasks: [{ key: 'duplicateTask' }] },
    });
    await expect(bulkChangeDueDate(secretary, { tasks: [{ id: 999_999, version: 1 }], dueDate: '2019-08-01', reason: 'x' }, now)).rejects.toMatchObject({
      fieldErrors: { 'tasks.999999': [{ key: 'taskMissing' }] },
    });
  });
});

describe('bulkRemind', () => {
  it('records a reminder on every selected task without changing its state', async () => {
    const made = await threeTasks();
    const reminded = await bulkRemind(admin, { tasks: selection(made.slice(0, 2)), message: '请尽快签收' }, now);
    expect(reminded.map((r) => [r.status, r.dueDate])).toEqual([['assigned', '2019-06-30'], ['assigned', '2019-06-30']]);
    const entries = await kindsOf(made.map((m) => m.id), 'reminder');
    expect(entries.map((e) => [e.taskId, e.body])).toEqual([[made[0]!.id, '请尽快签收'], [made[1]!.id, '请尽快签收']]);
  });

  it('is refused to leaders and department heads, whatever they select', async () => {
    const made = await threeTasks();
    for (const actor of [leader, head]) {
      await expect(bulkRemind(actor, { tasks: selection(made.slice(0, 1)), message: '催办' }, now)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(bulkChangeDueDate(actor, { tasks: selection(made.slice(0, 1)), dueDate: '2019-08-01', reason: '延期' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await kindsOf(made.map((m) => m.id), 'reminder')).toHaveLength(0);
  });
});
