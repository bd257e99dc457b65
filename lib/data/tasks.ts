import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db } from '@/db/client';
import { preparedFor } from '@/db/prepared';
import { getDb } from '@/db/runtime';
import {
  actionCategories, attachments, conferences, departments, followUps, people, requestedActions, speakers, tasks, users,
} from '@/db/schema';
import { cityDate } from '@/lib/domain/quarters';
import { isOverdue, trafficLight } from '@/lib/domain/task-light';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { type FollowUpKind, type TaskStatus, followUpPolicy, nextStatus } from '@/lib/domain/task-state';
import { postableKinds } from '@/lib/validation/follow-ups';
import { extensionPending } from './follow-ups';
import { departmentScopeOf } from './guard';
import { lightSettings } from './light-settings';

/**
 * One task with its action, conference and department. Another department's task is
 * `null` to a department head, exactly like a missing one.
 */
export async function getTask(actor: Actor, id: number, now: Date = new Date()) {
  const scope = departmentScopeOf(actor, 'task.read');
  // A department head without a department sees nothing rather than everything.
  if (!scope.all && scope.departmentId === null) return null;
  const db = await getDb();
  const [row] = scope.all
    ? await preparedFor(db, 'task_detail', (d, name) => taskDetailStatement(d, name, false)).execute({ id })
    : await preparedFor(db, 'task_detail_in_department', (d, name) => taskDetailStatement(d, name, true)).execute({ id, departmentId: scope.departmentId });
  if (!row) return null;
  return { ...row, light: trafficLight({ ...row, assignedDate: cityDate(row.assignedAt) }, cityDate(now), lightSettings()), overdue: isOverdue(row, cityDate(now)) };
}

/** getTask's statement, prepared once (db/prepared.ts): by id, or by id within one department. */
function taskDetailStatement(db: Db, name: string, inDepartment: boolean) {
  const byId = eq(tasks.id, sql.placeholder('id'));
  return db
    .select({
      id: tasks.id,
      status: tasks.status,
      role: tasks.role,
      progress: tasks.progress,
      dueDate: tasks.dueDate,
      originalDueDate: tasks.originalDueDate,
      acknowledgeBy: tasks.acknowledgeBy,
      version: tasks.version,
      extensionCount: tasks.extensionCount,
      returnCount: tasks.returnCount,
      assignedAt: tasks.assignedAt,
      acknowledgedAt: tasks.acknowledgedAt,
      submittedAt: tasks.submittedAt,
      completedAt: tasks.completedAt,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
      departmentNameEn: departments.nameEn,
      actionId: requestedActions.id,
      actionNumber: requestedActions.number,
      actionTitle: requestedActions.title,
      actionTitleEn: requestedActions.titleEn,
      actionDetails: requestedActions.details,
      conferenceId: conferences.id,
      conferenceTitle: conferences.title,
      conferenceTitleEn: conferences.titleEn,
      requestedByName: people.name,
      requestedByNameEn: people.nameEn,
      requestedByPosition: people.position,
      requestedByPositionEn: people.positionEn,
      speakerRole: speakers.role,
      categoryCode: requestedActions.categoryCode,
      categoryName: actionCategories.name,
      categoryNameEn: actionCategories.nameEn,
      priority: requestedActions.priority,
    })
    .from(tasks)
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .innerJoin(conferences, eq(conferences.id, tasks.conferenceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .leftJoin(speakers, eq(speakers.id, requestedActions.speakerId))
    // The person named on the action, else the speaker it was recorded under.
    .leftJoin(people, eq(people.id, sql`coalesce(${requestedActions.requestedByPersonId}, ${speakers.personId})`))
    .leftJoin(actionCategories, eq(actionCategories.code, requestedActions.categoryCode))
    .where(inDepartment ? and(byId, eq(tasks.departmentId, sql.placeholder('departmentId'))) : byId)
    .limit(1)
    .prepare(name);
}
export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;

/**
 * A task's timeline: every follow-up with its author and the author's department, status change,
 * due-date change and evidence files, newest first (what happened last is what the reader acts on).
 * Null when the task is missing or not the actor's to see.
 */
export async function getTaskTimeline(actor: Actor, taskId: number) {
  const task = await getTask(actor, taskId);
  return task ? timelineOf(task.id) : null;
}

const authorDepartment = alias(departments, 'author_department');

/**
 * The timeline of a task the caller has already loaded (and so may see), or only the entry
 * `followUpId` of it.
 */
async function timelineOf(taskId: number, followUpId?: number) {
  const db = await getDb();
  const [entries, files] = await Promise.all([
    db
      .select({
        id: followUps.id,
        kind: followUps.kind,
        body: followUps.body,
        progress: followUps.progress,
        requestedDueDate: followUps.requestedDueDate,
        previousDueDate: followUps.previousDueDate,
        newDueDate: followUps.newDueDate,
        fromStatus: followUps.fromStatus,
        toStatus: followUps.toStatus,
        createdAt: followUps.createdAt,
        authorName: users.displayName,
        authorRole: users.role,
        authorDepartmentName: authorDepartment.name,
        authorDepartmentNameEn: authorDepartment.nameEn,
      })
      .from(followUps)
      .leftJoin(users, eq(users.id, followUps.authorId))
      .leftJoin(authorDepartment, eq(authorDepartment.id, users.departmentId))
      .where(followUpId === undefined ? eq(followUps.taskId, taskId) : and(eq(followUps.taskId, taskId), eq(followUps.id, followUpId)))
      .orderBy(desc(followUps.createdAt), desc(followUps.id)),
    db
      .select({ id: attachments.id, followUpId: attachments.followUpId, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes })
      .from(attachments)
      .innerJoin(followUps, eq(followUps.id, attachments.followUpId))
      .where(and(eq(followUps.taskId, taskId), isNull(attachments.removedAt), followUpId === undefined ? undefined : eq(followUps.id, followUpId)))
      .orderBy(asc(attachments.id)),
  ]);
  return entries.map((entry) => ({ ...entry, files: files.filter((f) => f.followUpId === entry.id) }));
}
export type TimelineEntry = NonNullable<Awaited<ReturnType<typeof getTaskTimeline>>>[number];

/**
 * One entry of a task's timeline with the task as it is now, as answered after posting the entry.
 * Both are read at once; the entry is dropped unless the actor may see the task. Null when either
 * is missing or not the actor's to see.
 */
export async function getTimelineEntry(actor: Actor, taskId: number, followUpId: number, now: Date = new Date()) {
  const [task, entries] = await Promise.all([getTask(actor, taskId, now), timelineOf(taskId, followUpId)]);
  return task && entries[0] ? { task, entry: entries[0] } : null;
}

/** The follow-ups this actor may post on this task now: what the life cycle and the policy allow. */
export async function allowedFollowUps(actor: Actor, task: { id: number; status: TaskStatus; departmentId: number }): Promise<FollowUpKind[]> {
  const extension = await extensionPending(await getDb(), task.id);
  const state = { status: task.status, extensionPending: extension.pending };
  return postableKinds.filter(
    (kind) => nextStatus(state, kind) !== null && can(actor, followUpPolicy[kind], { departmentId: task.departmentId }),
  );
}

/**
 * The other departments on the same action. A department head sees who shares the work and
 * in which role, not how the others are doing (their tasks are not theirs to read).
 */
export async function getTaskSiblings(actor: Actor, taskId: number, now: Date = new Date()) {
  const task = await getTask(actor, taskId, now);
  return task ? siblingsOf(actor, task, now) : null;
}

async function siblingsOf(actor: Actor, task: Pick<TaskDetail, 'id' | 'actionId'>, now: Date) {
  const db = await getDb();
  const rows = await db
    .select({
      id: tasks.id,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
      departmentNameEn: departments.nameEn,
      role: tasks.role,
      status: tasks.status,
      progress: tasks.progress,
      dueDate: tasks.dueDate,
      acknowledgeBy: tasks.acknowledgeBy,
      assignedAt: tasks.assignedAt,
    })
    .from(tasks)
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(eq(tasks.actionId, task.actionId))
    .orderBy(asc(tasks.role), asc(departments.sortOrder), asc(tasks.id));
  const today = cityDate(now);
  const settings = lightSettings();
  return rows
    .filter((r) => r.id !== task.id)
    .map(({ acknowledgeBy, assignedAt, ...r }) => {
      const shown = { ...r, light: trafficLight({ ...r, acknowledgeBy, assignedDate: cityDate(assignedAt) }, today, settings) };
      return can(actor, 'task.read', { departmentId: r.departmentId })
        ? shown
        : { ...shown, id: null, status: null, progress: null, dueDate: null, light: null };
    });
}
export type TaskSibling = NonNullable<Awaited<ReturnType<typeof getTaskSiblings>>>[number];

/**
 * Everything the task page shows, loaded once: the task, its timeline (newest first), the
 * other departments on the action and the follow-ups the actor may post now. Null like getTask.
 */
export async function getTaskView(actor: Actor, id: number, now: Date = new Date()) {
  const task = await getTask(actor, id, now);
  if (!task) return null;
  const [rest, siblings] = await Promise.all([timelineAndAllowed(actor, task), siblingsOf(actor, task, now)]);
  return { task, ...rest, siblings };
}

/** The task page's content without the other departments on the action (what the API answers). */
export async function getTaskWithTimeline(actor: Actor, id: number, now: Date = new Date()) {
  const task = await getTask(actor, id, now);
  return task ? { task, ...(await timelineAndAllowed(actor, task)) } : null;
}

async function timelineAndAllowed(actor: Actor, task: TaskDetail) {
  const [timeline, allowed] = await Promise.all([timelineOf(task.id), allowedFollowUps(actor, task)]);
  return { timeline, allowed };
}
