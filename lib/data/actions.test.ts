import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createAction, listConferenceActions } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { inviteDepartments } from './conference-parts';
import { iterateTasks, listTasks } from './task-list';

const t = useTestDb();
let secretary: Actor;
let leader: Actor;
let headA: Actor;
let depts: number[];
let conferenceId: number;
const now = new Date('2019-03-18T10:00:00+08:00');

beforeAll(async () => {
  depts = [];
  for (const code of ['emergency-x', 'fire-x', 'transport-x', 'housing-x', 'market-x']) depts.push((await makeDepartment(t.db, { code })).id);
  await makeDepartment(t.db, { code: 'district-x1', kind: 'district' });
  await makeDepartment(t.db, { code: 'district-x2', kind: 'district' });
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  headA = await makeActor(t.db, 'department_head', depts[0]!);
  const { conference } = await createConference(secretary, {
    title: '2019年第一季度会议',
    kind: 'quarterly',
    year: 2019,
    quarter: 1,
    startsAt: new Date('2019-03-15T09:00:00+08:00'),
    endsAt: new Date('2019-03-15T11:00:00+08:00'),
    format: 'video_telephone',
  });
  conferenceId = conference.id;
  await inviteDepartments(secretary, { conferenceId, departmentIds: depts });
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
});

const action = (over: Record<string, unknown> = {}) => ({
  conferenceId,
  title: '开展危险化学品安全专项整治',
  details: '全面排查危化品企业重大危险源',
  priority: 'high' as const,
  defaultDueDate: '2019-06-30',
  assignments: [
    { departmentId: depts[0]!, role: 'lead' as const },
    { departmentId: depts[1]!, role: 'support' as const },
    { departmentId: depts[2]!, role: 'support' as const, dueDate: '2019-05-31' },
    { departmentId: depts[3]!, role: 'support' as const },
  ],
  ...over,
});

describe('createAction', () => {
  it('numbers the action and fans out one task per department, each opened by an assign follow-up', async () => {
    const { action: created, tasks: made } = await createAction(secretary, action(), now);
    expect(created.number).toBe('2019-Q1-01');
    expect(made.map((m) => [m.departmentId, m.role, m.dueDate, m.status])).toEqual([
      [depts[0], 'lead', '2019-06-30', 'assigned'],
      [depts[1], 'support', '2019-06-30', 'assigned'],
      [depts[2], 'support', '2019-05-31', 'assigned'],
      [depts[3], 'support', '2019-06-30', 'assigned'],
    ]);
    expect(made[0]!.acknowledgeBy).toBe('2019-03-20'); // two working days after Monday 18 March
    const opened = await t.db.select().from(followUps).where(eq(followUps.taskId, made[0]!.id));
    expect(opened.map((f) => [f.kind, f.toStatus])).toEqual([['assign', 'assigned']]);
    const second = await createAction(secretary, action({ title: '第二项', assignments: [{ departmentId: depts[4]!, role: 'lead' }] }), now);
    expect(second.action.number).toBe('2019-Q1-02');
  });

  it('adds every district as supporting with the shortcut', async () => {
    const { tasks: made } = await createAction(secretary, action({ title: '区县配合', assignments: [{ departmentId: depts[0]!, role: 'lead' }], supportAllOf: ['district'] }), now);
    expect(made).toHaveLength(3);
    expect(made.filter((m) => m.role === 'support')).toHaveLength(2);
  });

  it('refuses bad assignments with a message per field and writes nothing', async () => {
    const before = (await t.db.select().from(requestedActions)).length;
    await expect(createAction(secretary, action({ defaultDueDate: '2019-03-01' }), now)).rejects.toMatchObject({
      fieldErrors: { defaultDueDate: [{ key: 'dueBeforeConference' }] },
    });
    await expect(
      createAction(secretary, action({ assignments: [{ departmentId: depts[0]!, role: 'lead', acknowledgeBy: '2019-07-30' }] }), now),
    ).rejects.toMatchObject({ fieldErrors: { 'assignments.0.acknowledgeBy': [{ key: 'acknowledgeAfterDue' }] } });
    await expect(
      createAction(secretary, action({ assignments: [{ departmentId: depts[0]!, role: 'lead' }, { departmentId: depts[0]!, role: 'support' }] }), now),
    ).rejects.toMatchObject({ fieldErrors: { 'assignments.1.departmentId': [{ key: 'duplicateDepartment' }] } });
    await expect(createAction(secretary, action({ assignments: [{ departmentId: 999_999, role: 'lead' }] }), now)).rejects.toMatchObject({
      fieldErrors: { 'assignments.0.departmentId': [{ key: 'unknownDepartment' }] },
    });
    await expect(createAction(secretary, action({ assignments: [{ departmentId: depts[1]!, role: 'support' }] }), now)).rejects.toMatchObject({
      fieldErrors: { assignments: [{ key: 'oneLeadRequired' }] },
    });
    expect((await t.db.select().from(requestedActions)).length).toBe(before);
  });

  it('is refused to department heads and leaders whatever is posted', async () => {
    for (const actor of [headA, leader]) await expect(createAction(actor, action(), now)).rejects.toMatchObject({ code: 'forbidden' });
  });
});

describe('the task list', () => {
  it("shows a department head exactly their own department's tasks", async () => {
    const mine = await listTasks(headA, { pageSize: 100 }, now);
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.departmentId === depts[0])).toBe(true);
    const all = await listTasks(leader, { pageSize: 100 }, now);
    expect(all.total).toBe((await t.db.select().from(tasks)).length);
  });

  it('filters, searches, sorts and pages in the database', async () => {
    const byDepartment = await listTasks(secretary, { departmentId: [depts[2]!] }, now);
    expect(byDepartment.rows.map((r) => r.dueDate)).toEqual(['2019-05-31']);
    const search = await listTasks(secretary, { q: '重大危险源' }, now);
    expect(search.total).toBe(8);
    const page = await listTasks(secretary, { sort: 'dueDate', dir: 'asc', pageSize: 2, page: 1 }, now);
    expect(page.rows[0]!.dueDate).toBe('2019-05-31');
    expect(page.rows).toHaveLength(2);
    const later = new Date('2019-07-05T10:00:00+08:00');
    const overdue = await listTasks(secretary, { overdue: true, pageSize: 100 }, later);
    expect(overdue.total).toBe((await t.db.select().from(tasks)).length);
    expect(overdue.rows.every((r) => r.overdue && r.light === 'red')).toBe(true);
    const red = await listTasks(secretary, { light: ['red'] }, now);
    expect(red.total).toBe(0);
    const assigned = await listTasks(secretary, { status: ['completed'] }, now);
    expect(assigned.total).toBe(0);
  });

  it('exports every matching row in batches', async () => {
    let rows = 0;
    for await (const batch of iterateTasks(secretary, { q: '重大危险源' }, now, 4)) rows += batch.length;
    expect(rows).toBe(8);
  });
});

describe('listConferenceActions', () => {
  it("names the departments sharing an action but hides other departments' status from a department head", async () => {
    const actions = await listConferenceActions(headA, conferenceId);
    const first = actions![0]!;
    expect(first.tasks.find((t) => t.departmentId === depts[0])).toMatchObject({ status: 'assigned' });
    expect(first.tasks.find((t) => t.departmentId === depts[1])).toMatchObject({ status: null, id: null, light: null, version: null, withdrawn: false });
    expect(first).toMatchObject({ number: '2019-Q1-01', priority: 'high' });
    const full = await listConferenceActions(secretary, conferenceId, now);
    expect(full![0]!.tasks.every((t) => t.status === 'assigned' && t.light === 'green' && t.version === 1)).toBe(true);
  });
});
