import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, followUps, notifications, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createAction } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { postFollowUp } from './follow-ups';
import { addAssignment, cancelTask, reassignTask } from './task-assignments';
import { allowedFollowUps, getTask } from './tasks';

const t = useTestDb();
let admin: Actor;
let secretary: Actor;
let leader: Actor;
let headA: Actor;
let headC: Actor;
let depts: number[];
let conferenceId: number;
const now = new Date('2019-03-18T10:00:00+08:00');

beforeAll(async () => {
  depts = [];
  for (let i = 0; i < 5; i++) depts.push((await makeDepartment(t.db)).id);
  admin = await makeActor(t.db, 'admin');
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  headA = await makeActor(t.db, 'department_head', depts[0]!);
  headC = await makeActor(t.db, 'department_head', depts[2]!);
  const { conference } = await createConference(secretary, {
    title: '专题会', kind: 'special', year: 2019, format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'), endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  conferenceId = conference.id;
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
});

async function newAction() {
  return createAction(
    secretary,
    { conferenceId, title: '燃气安全排查', defaultDueDate: '2019-06-30', assignments: [{ departmentId: depts[0]!, role: 'lead' }, { departmentId: depts[1]!, role: 'support' }] },
    now,
  );
}

describe('addAssignment', () => {
  it('adds a department as a new task opened by an assign follow-up, with audit and a notification', async () => {
    const { action } = await newAction();
    const task = await addAssignment(admin, { actionId: action.id, departmentId: depts[2]!, role: 'support', reason: '涉及校园燃气' }, now);
    expect(task).toMatchObject({ departmentId: depts[2], role: 'support', dueDate: '2019-06-30', acknowledgeBy: '2019-03-20', status: 'assigned' });
    const opened = await t.db.select().from(followUps).where(eq(followUps.taskId, task.id));
    expect(opened.map((f) => [f.kind, f.body])).toEqual([['assign', '涉及校园燃气']]);
    expect(await t.db.select().from(notifications).where(and(eq(notifications.taskId, task.id), eq(notifications.userId, headC.id)))).toHaveLength(1);
    expect(await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'task.assign'), eq(auditLog.entityId, String(task.id))))).toHaveLength(1);
    // The department head of the new department now sees it.
    expect(await getTask(headC, task.id)).not.toBeNull();
  });

  it('refuses a department already on the action, a second open lead, bad dates and unknown departments', async () => {
    const { action } = await newAction();
    const before = (await t.db.select().from(tasks)).length;
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[1]!, role: 'support' }, now)).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'duplicateDepartment' }] },
    });
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[3]!, role: 'lead' }, now)).rejects.toMatchObject({
      fieldErrors: { role: [{ key: 'leadExists' }] },
    });
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[3]!, role: 'support', dueDate: '2019-03-01' }, now)).rejects.toMatchObject({
      fieldErrors: { dueDate: [{ key: 'dueBeforeConference' }] },
    });
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[3]!, role: 'support', acknowledgeBy: '2019-07-01' }, now)).rejects.toMatchObject({
      fieldErrors: { acknowledgeBy: [{ key: 'acknowledgeAfterDue' }] },
    });
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: 999_999, role: 'support' }, now)).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'unknownDepartment' }] },
    });
    await expect(addAssignment(secretary, { actionId: 999_999, departmentId: depts[3]!, role: 'support' }, now)).rejects.toMatchObject({ code: 'not_found' });
    expect((await t.db.select().from(tasks)).length).toBe(before);
  });

  it('is refused to leaders and department heads whatever is posted', async () => {
    const { action } = await newAction();
    for (const actor of [leader, headA]) {
      await expect(addAssignment(actor, { actionId: action.id, departmentId: depts[4]!, role: 'support' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('reassignTask', () => {
  it('moves the task to another department, keeps its history and names both departments in the audit', async () => {
    const { tasks: made } = await newAction();
    const lead = made[0]!;
    const acknowledged = await postFollowUp(headA, { taskId: lead.id, version: lead.version, kind: 'acknowledge' }, now);
    const { task } = await reassignTask(secretary, { taskId: lead.id, version: acknowledged.task.version, departmentId: depts[2]!, reason: '职能调整' }, now);
    expect(task).toMatchObject({ departmentId: depts[2], status: 'assigned', role: 'lead', acknowledgedAt: null, progress: 0 });
    const timeline = await t.db.select().from(followUps).where(eq(followUps.taskId, lead.id)).orderBy(followUps.id);
    expect(timeline.map((f) => [f.kind, f.fromStatus, f.toStatus])).toEqual([
      ['assign', null, 'assigned'],
      ['acknowledge', 'assigned', 'acknowledged'],
      ['reassign', 'acknowledged', 'assigned'],
    ]);
    expect(timeline[2]!.body).toBe('职能调整');
    const [audit] = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'task.reassign'), eq(auditLog.entityId, String(lead.id))));
    expect(audit!.before).toMatchObject({ departmentId: depts[0] });
    expect(audit!.after).toMatchObject({ departmentId: depts[2], reason: '职能调整' });
    // The old department no longer sees it; the new one does and is told.
    expect(await getTask(headA, lead.id)).toBeNull();
    expect(await getTask(headC, lead.id)).not.toBeNull();
    expect(await t.db.select().from(notifications).where(and(eq(notifications.taskId, lead.id), eq(notifications.userId, headC.id)))).toHaveLength(1);
  });

  it("closes the old department's pending extension request: the new department may ask, the office cannot approve the old date", async () => {
    const { tasks: made } = await newAction();
    const lead = made[0]!;
    let v = (await postFollowUp(headA, { taskId: lead.id, version: lead.version, kind: 'acknowledge' }, now)).task.version;
    v = (await postFollowUp(headA, { taskId: lead.id, version: v, kind: 'extension_request', newDueDate: '2019-12-31', body: '需要更多时间' }, now)).task.version;
    expect(await allowedFollowUps(secretary, { id: lead.id, status: 'acknowledged', departmentId: depts[0]! })).toContain('extension_approved');
    const { task } = await reassignTask(secretary, { taskId: lead.id, version: v, departmentId: depts[2]!, reason: '职能调整' }, now);
    expect(await allowedFollowUps(secretary, task)).not.toContain('extension_approved');
    await expect(postFollowUp(secretary, { taskId: lead.id, version: task.version, kind: 'extension_approved' }, now)).rejects.toMatchObject({ code: 'invalid_transition' });
    const acknowledged = await postFollowUp(headC, { taskId: lead.id, version: task.version, kind: 'acknowledge' }, now);
    expect(await allowedFollowUps(headC, acknowledged.task)).toContain('extension_request');
  });

  it('refuses a stale version, a department already on the action, the same department and a submitted task', async () => {
    const { tasks: made } = await newAction();
    const lead = made[0]!;
    await expect(reassignTask(secretary, { taskId: lead.id, version: lead.version + 1, departmentId: depts[3]!, reason: 'x' }, now)).rejects.toMatchObject({ code: 'conflict' });
    await expect(reassignTask(secretary, { taskId: lead.id, version: lead.version, departmentId: depts[1]!, reason: 'x' }, now)).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'duplicateDepartment' }] },
    });
    await expect(reassignTask(secretary, { taskId: lead.id, version: lead.version, departmentId: depts[0]!, reason: 'x' }, now)).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'sameDepartment' }] },
    });
    await expect(reassignTask(secretary, { taskId: lead.id, version: lead.version, departmentId: depts[3]!, reason: '  ' }, now)).rejects.toMatchObject({
      fieldErrors: { reason: [{ key: 'required' }] },
    });
    let v = (await postFollowUp(headA, { taskId: lead.id, version: lead.version, kind: 'acknowledge' }, now)).task.version;
    v = (await postFollowUp(headA, { taskId: lead.id, version: v, kind: 'submit', body: '已完成' }, now)).task.version;
    await expect(reassignTask(secretary, { taskId: lead.id, version: v, departmentId: depts[3]!, reason: 'x' }, now)).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('is refused to leaders and department heads', async () => {
    const { tasks: made } = await newAction();
    for (const actor of [leader, headA]) {
      await expect(reassignTask(actor, { taskId: made[0]!.id, version: 1, departmentId: depts[4]!, reason: 'x' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(reassignTask(admin, { taskId: made[0]!.id, version: 1, departmentId: depts[4]!, reason: '管理员改派' }, now)).resolves.toBeTruthy();
  });
});

describe('cancelTask', () => {
  it('cancels with the reason as a cancel follow-up; the task stays', async () => {
    const { tasks: made } = await newAction();
    const support = made[1]!;
    const task = await cancelTask(secretary, { taskId: support.id, version: support.version, reason: '不再涉及' }, now);
    expect(task).toMatchObject({ id: support.id, status: 'cancelled' });
    const [last] = await t.db.select().from(followUps).where(and(eq(followUps.taskId, support.id), eq(followUps.kind, 'cancel')));
    expect(last).toMatchObject({ body: '不再涉及', fromStatus: 'assigned', toStatus: 'cancelled' });
    await expect(cancelTask(secretary, { taskId: support.id, version: task.version, reason: '再撤' }, now)).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(cancelTask(secretary, { taskId: made[0]!.id, version: 1, reason: '' }, now)).rejects.toMatchObject({ fieldErrors: { reason: [{ key: 'required' }] } });
  });

  it('keeps a cancelled department on the action, while a cancelled lead frees the lead role', async () => {
    const { action, tasks: made } = await newAction();
    await cancelTask(secretary, { taskId: made[1]!.id, version: 1, reason: '撤销' }, now);
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[1]!, role: 'support' }, now)).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'duplicateDepartment' }] },
    });
    // A cancelled lead frees the lead role.
    await cancelTask(secretary, { taskId: made[0]!.id, version: 1, reason: '撤销牵头' }, now);
    await expect(addAssignment(secretary, { actionId: action.id, departmentId: depts[4]!, role: 'lead' }, now)).resolves.toMatchObject({ role: 'lead' });
  });

  it('is refused to leaders and department heads, even on their own task', async () => {
    const { tasks: made } = await newAction();
    for (const actor of [leader, headA]) {
      await expect(cancelTask(actor, { taskId: made[0]!.id, version: 1, reason: '不想做' }, now)).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(cancelTask(admin, { taskId: made[0]!.id, version: 1, reason: '管理员撤销' }, now)).resolves.toMatchObject({ status: 'cancelled' });
  });
});
