import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { departments, followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import { nextStatus } from '@/lib/domain/task-state';
import { addWorkingDays } from '@/lib/domain/working-days';
import { AppError, conflict, notFound } from '@/lib/errors';
import { type AddAssignmentInput, type ReassignInput, type TaskReasonInput, addAssignmentSchema, reassignSchema, taskReasonSchema } from '@/lib/validation/actions';
import { type FieldErrors, ValidationError, parseInput } from '@/lib/validation/common';
import { activeDepartmentIds, conferenceForActions, openingDates } from './actions';
import { writeAudit } from './audit';
import { postFollowUp } from './follow-ups';
import { assertCan } from './guard';
import { notifyFollowUp } from './notifications';

const authorOf = (actor: Actor) => (actor.id > 0 ? actor.id : null);

async function departmentName(tx: Tx, id: number) {
  const [row] = await tx.select({ name: departments.name }).from(departments).where(eq(departments.id, id));
  return row?.name ?? null;
}

/** Is this department already on the action (in any state: a cancelled task keeps its place)? */
async function onAction(tx: Tx, actionId: number, departmentId: number) {
  const [row] = await tx.select({ id: tasks.id }).from(tasks).where(and(eq(tasks.actionId, actionId), eq(tasks.departmentId, departmentId)));
  return Boolean(row);
}

/**
 * Adds a department to an action already recorded: a new task, opened by an `assign` follow-up
 * (the reason, if given, is its text). One open lead per action.
 */
export async function addAssignment(actor: Actor, input: AddAssignmentInput, now: Date = new Date()) {
  assertCan(actor, 'action.assign');
  const data = parseInput(addAssignmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [action] = await tx.select().from(requestedActions).where(eq(requestedActions.id, data.actionId));
    if (!action) throw notFound(`action ${data.actionId}`);
    const conference = await conferenceForActions(tx, actor, action.conferenceId);
    const errors: FieldErrors = {};
    const dueDefault = data.dueDate ?? action.defaultDueDate;
    if (!dueDefault) errors.dueDate = [{ key: 'required' }];
    else if (dueDefault < cityDate(conference.startsAt)) errors.dueDate = [{ key: 'dueBeforeConference' }];
    else if (data.acknowledgeBy && data.acknowledgeBy > dueDefault) errors.acknowledgeBy = [{ key: 'acknowledgeAfterDue' }];
    if (!(await activeDepartmentIds(tx, [data.departmentId])).has(data.departmentId)) errors.departmentId = [{ key: 'unknownDepartment' }];
    else if (await onAction(tx, action.id, data.departmentId)) errors.departmentId = [{ key: 'duplicateDepartment' }];
    if (data.role === 'lead') {
      const [lead] = await tx
        .select({ id: tasks.id })
        .from(tasks)
        .where(and(eq(tasks.actionId, action.id), eq(tasks.role, 'lead'), ne(tasks.status, 'cancelled')));
      if (lead) errors.role = [{ key: 'leadExists' }];
    }
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const [task] = await tx
      .insert(tasks)
      .values({
        actionId: action.id,
        conferenceId: action.conferenceId,
        departmentId: data.departmentId,
        role: data.role,
        ...openingDates(data, dueDefault!, now),
        assignedAt: now,
      })
      .returning();
    const [opened] = await tx
      .insert(followUps)
      .values({ taskId: task!.id, authorId: authorOf(actor), kind: 'assign', body: data.reason ?? null, toStatus: 'assigned', newDueDate: task!.dueDate, createdAt: now })
      .returning({ id: followUps.id });
    await notifyFollowUp(tx, { kind: 'assign', task: task!, followUpId: opened!.id, authorId: actor.id, now });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'task.assign',
      entityType: 'task',
      entityId: task!.id,
      after: { actionId: action.id, actionNumber: action.number, departmentId: task!.departmentId, role: task!.role, dueDate: task!.dueDate, reason: data.reason ?? null },
    });
    return task!;
  });
}

/**
 * Moves an open task (not yet submitted) to another department. The task keeps its history:
 * earlier follow-ups stay on its timeline, a `reassign` follow-up carries the reason, and the
 * audit row names both departments. The new department starts afresh (assigned, 0 %, a new
 * acknowledge-by date) and is notified as for a new task.
 */
export async function reassignTask(actor: Actor, input: ReassignInput, now: Date = new Date()) {
  assertCan(actor, 'task.reassign');
  const data = parseInput(reassignSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [found] = await tx.select({ conferenceId: tasks.conferenceId }).from(tasks).where(eq(tasks.id, data.taskId));
    if (!found) throw notFound(`task ${data.taskId}`);
    // The conference first, then the task: the same lock order as recording an action.
    await conferenceForActions(tx, actor, found.conferenceId);
    const [task] = await tx.select().from(tasks).where(eq(tasks.id, data.taskId)).for('update');
    if (!task) throw notFound(`task ${data.taskId}`);
    if (task.version !== data.version) throw conflict('stale task', { current: { status: task.status, departmentId: task.departmentId, version: task.version } });
    const to = nextStatus({ status: task.status, extensionPending: false }, 'reassign');
    if (to === null) throw new AppError('invalid_transition', 'reassignNotAllowed', `reassign on ${task.status}`);
    if (data.departmentId === task.departmentId) throw new ValidationError({ departmentId: [{ key: 'sameDepartment' }] });
    if (!(await activeDepartmentIds(tx, [data.departmentId])).has(data.departmentId)) throw new ValidationError({ departmentId: [{ key: 'unknownDepartment' }] });
    if (await onAction(tx, task.actionId, data.departmentId)) throw new ValidationError({ departmentId: [{ key: 'duplicateDepartment' }] });

    const ackBy = addWorkingDays(cityDate(now), 2);
    const [after] = await tx
      .update(tasks)
      .set({
        departmentId: data.departmentId,
        status: to,
        progress: 0,
        assignedAt: now,
        acknowledgedAt: null,
        submittedAt: null,
        acknowledgeBy: ackBy > task.dueDate ? task.dueDate : ackBy,
        version: task.version + 1,
        updatedAt: now,
      })
      .where(eq(tasks.id, task.id))
      .returning();
    const [followUp] = await tx
      .insert(followUps)
      .values({ taskId: task.id, authorId: authorOf(actor), kind: 'reassign', body: data.reason, fromStatus: task.status, toStatus: to, createdAt: now })
      .returning({ id: followUps.id });
    const [fromName, toName] = await Promise.all([departmentName(tx, task.departmentId), departmentName(tx, data.departmentId)]);
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'task.reassign',
      entityType: 'task',
      entityId: task.id,
      before: { departmentId: task.departmentId, departmentName: fromName, status: task.status, progress: task.progress, version: task.version },
      after: { departmentId: after!.departmentId, departmentName: toName, status: after!.status, version: after!.version, reason: data.reason, followUpId: followUp!.id },
    });
    // To the new department it is a new task.
    await notifyFollowUp(tx, { kind: 'assign', task: after!, followUpId: followUp!.id, authorId: actor.id, now });
    return { task: after!, previousDepartmentId: task.departmentId };
  });
}

/** Cancels an open task with a reason: a `cancel` follow-up; the task and its history stay. */
export async function cancelTask(actor: Actor, input: TaskReasonInput, now: Date = new Date()) {
  assertCan(actor, 'task.cancel');
  const data = parseInput(taskReasonSchema, input);
  const { task } = await postFollowUp(actor, { taskId: data.taskId, version: data.version, kind: 'cancel', body: data.reason }, now);
  return task;
}
