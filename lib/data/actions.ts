import 'server-only';
import { and, asc, eq, inArray, isNull, notInArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { actionCategories, agendaItems, conferences, departments, followUps, people, requestedActions, speakers, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { isConferenceReadOnly } from '@/lib/domain/conference-status';
import { cityDate } from '@/lib/domain/quarters';
import { addWorkingDays } from '@/lib/domain/working-days';
import { AppError } from '@/lib/errors';
import { type FieldErrors, ValidationError, parseInput } from '@/lib/validation/common';
import { type CreateActionInput, createActionSchema } from '@/lib/validation/actions';
import { writeAudit } from './audit';
import { conferenceScope, lockConference } from './conference-scope';
import { assertCan } from './guard';
import { notifyFollowUp } from './notifications';
import { trafficLightSql } from './task-light-sql';

/** Display number of an action: 2018-Q1-03 for quarterly conferences, 2019-S12-03 for special ones. */
export function actionNumber(conference: { year: number; quarter: number | null; id: number }, seq: number): string {
  const n = String(seq).padStart(2, '0');
  return conference.quarter ? `${conference.year}-Q${conference.quarter}-${n}` : `${conference.year}-S${conference.id}-${n}`;
}

/** The conference an action is recorded on or changed in, locked; refused while draft or cancelled. */
export async function conferenceForActions(tx: Tx, actor: Actor, conferenceId: number) {
  const conference = await lockConference(tx, actor, conferenceId);
  if (conference.status === 'cancelled' || conference.status === 'draft') throw new AppError('invalid_transition', 'actionsNotOpen');
  if (isConferenceReadOnly(conference.status)) assertCan(actor, 'conference.correctPublished');
  return conference;
}

/**
 * A new task's dates: its own due date or the action's, and acknowledge-by two working days
 * after today unless given, never after the due date.
 */
export function openingDates(a: { dueDate?: string; acknowledgeBy?: string }, defaultDueDate: string, now: Date) {
  const due = a.dueDate ?? defaultDueDate;
  const ackBy = a.acknowledgeBy ?? addWorkingDays(cityDate(now), 2);
  return { dueDate: due, originalDueDate: due, acknowledgeBy: ackBy > due ? due : ackBy };
}

/** Active departments among these ids. */
export async function activeDepartmentIds(tx: Tx, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await tx.select({ id: departments.id }).from(departments).where(and(inArray(departments.id, ids), eq(departments.active, true)));
  return new Set(rows.map((r) => r.id));
}

/**
 * Records what a speaker asked for and assigns it: one task per department (one lead,
 * any supporting), each with its own due date and acknowledge-by date, opened by an
 * `assign` follow-up in the same transaction.
 */
export async function createAction(actor: Actor, input: CreateActionInput, now: Date = new Date()) {
  assertCan(actor, 'action.create');
  assertCan(actor, 'action.assign');
  const data = parseInput(createActionSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const conference = await conferenceForActions(tx, actor, data.conferenceId);
    const errors: FieldErrors = {};
    const meetingDay = cityDate(conference.startsAt);
    if (data.defaultDueDate < meetingDay) errors.defaultDueDate = [{ key: 'dueBeforeConference' }];
    data.assignments.forEach((a, i) => {
      if (a.dueDate && a.dueDate < meetingDay) errors[`assignments.${i}.dueDate`] = [{ key: 'dueBeforeConference' }];
    });

    let requestedByPersonId: number | null = null;
    if (data.speakerId !== undefined) {
      const [speaker] = await tx
        .select({ personId: speakers.personId })
        .from(speakers)
        .where(and(eq(speakers.id, data.speakerId), eq(speakers.conferenceId, data.conferenceId), isNull(speakers.removedAt)));
      if (!speaker) errors.speakerId = [{ key: 'invalidChoice' }];
      else requestedByPersonId = speaker.personId;
    }
    if (data.agendaItemId !== undefined) {
      const [item] = await tx
        .select({ id: agendaItems.id })
        .from(agendaItems)
        .where(and(eq(agendaItems.id, data.agendaItemId), eq(agendaItems.conferenceId, data.conferenceId), isNull(agendaItems.removedAt)));
      if (!item) errors.agendaItemId = [{ key: 'invalidChoice' }];
    }
    if (data.categoryCode !== undefined) {
      const [category] = await tx.select({ code: actionCategories.code }).from(actionCategories).where(and(eq(actionCategories.code, data.categoryCode), eq(actionCategories.active, true)));
      if (!category) errors.categoryCode = [{ key: 'invalidChoice' }];
    }
    const ids = data.assignments.map((a) => a.departmentId);
    const known = await activeDepartmentIds(tx, ids);
    data.assignments.forEach((a, i) => {
      if (!known.has(a.departmentId)) errors[`assignments.${i}.departmentId`] = [{ key: 'unknownDepartment' }];
    });
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const shortcut = data.supportAllOf.length
      ? await tx
          .select({ id: departments.id })
          .from(departments)
          .where(and(inArray(departments.kind, data.supportAllOf), eq(departments.active, true), ids.length ? notInArray(departments.id, ids) : undefined))
          .orderBy(asc(departments.sortOrder), asc(departments.id))
      : [];
    const assignments = [...data.assignments, ...shortcut.map((d) => ({ departmentId: d.id, role: 'support' as const, dueDate: undefined, acknowledgeBy: undefined }))];

    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${requestedActions.seq}), 0) + 1` })
      .from(requestedActions)
      .where(eq(requestedActions.conferenceId, data.conferenceId));
    const seq = Number(next);
    const [action] = await tx
      .insert(requestedActions)
      .values({
        conferenceId: data.conferenceId,
        speakerId: data.speakerId ?? null,
        requestedByPersonId,
        agendaItemId: data.agendaItemId ?? null,
        seq,
        number: actionNumber(conference, seq),
        title: data.title,
        titleEn: data.titleEn ?? null,
        details: data.details ?? null,
        categoryCode: data.categoryCode ?? null,
        priority: data.priority,
        defaultDueDate: data.defaultDueDate,
        createdById: actor.id > 0 ? actor.id : null,
      })
      .returning();

    const created = await tx
      .insert(tasks)
      .values(
        assignments.map((a) => ({
          actionId: action!.id,
          conferenceId: data.conferenceId,
          departmentId: a.departmentId,
          role: a.role,
          ...openingDates(a, data.defaultDueDate, now),
          assignedAt: now,
        })),
      )
      .returning();
    const opened = await tx
      .insert(followUps)
      .values(
        created.map((task) => ({ taskId: task.id, authorId: actor.id > 0 ? actor.id : null, kind: 'assign' as const, toStatus: 'assigned' as const, newDueDate: task.dueDate, createdAt: now })),
      )
      .returning({ id: followUps.id, taskId: followUps.taskId });
    for (const task of created) {
      const followUpId = opened.find((o) => o.taskId === task.id)!.id;
      await notifyFollowUp(tx, { kind: 'assign', task, followUpId, authorId: actor.id, now });
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'action.create',
      entityType: 'requested_action',
      entityId: action!.id,
      after: { ...action, tasks: created.map((t) => ({ id: t.id, departmentId: t.departmentId, role: t.role, dueDate: t.dueDate })) },
    });
    return { action: action!, tasks: created };
  });
}

/**
 * The requested actions of a conference with who asked, their category and their departments'
 * tasks (status and traffic light from the same SQL rule as the task list), for the conference
 * page and the minutes.
 */
export async function listConferenceActions(actor: Actor, conferenceId: number, now: Date = new Date()) {
  assertCan(actor, 'action.read');
  const db = await getDb();
  const [conference] = await db.select({ id: conferences.id }).from(conferences).where(and(eq(conferences.id, conferenceId), conferenceScope(actor)));
  if (!conference) return null;
  const [actions, taskRows] = await Promise.all([
    db
      .select({
        action: requestedActions,
        requestedByName: people.name,
        requestedByNameEn: people.nameEn,
        requestedByPosition: people.position,
        requestedByPositionEn: people.positionEn,
        categoryName: actionCategories.name,
        categoryNameEn: actionCategories.nameEn,
        agendaTitle: agendaItems.title,
        agendaTitleEn: agendaItems.titleEn,
      })
      .from(requestedActions)
      .leftJoin(people, eq(people.id, requestedActions.requestedByPersonId))
      .leftJoin(actionCategories, eq(actionCategories.code, requestedActions.categoryCode))
      .leftJoin(agendaItems, eq(agendaItems.id, requestedActions.agendaItemId))
      .where(eq(requestedActions.conferenceId, conferenceId))
      .orderBy(asc(requestedActions.seq)),
    db
      .select({
        id: tasks.id,
        actionId: tasks.actionId,
        departmentId: tasks.departmentId,
        departmentName: departments.name,
        departmentNameEn: departments.nameEn,
        role: tasks.role,
        dueDate: tasks.dueDate,
        acknowledgeBy: tasks.acknowledgeBy,
        status: tasks.status,
        light: trafficLightSql(cityDate(now)),
        version: tasks.version,
      })
      .from(tasks)
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(eq(tasks.conferenceId, conferenceId))
      .orderBy(asc(tasks.role), asc(departments.sortOrder), asc(tasks.id)),
  ]);
  // Who shares an action and by when is the assignment itself (the minutes print it for all);
  // how another department is doing is theirs: status, light and the task link need task.read.
  const own = (departmentId: number) => can(actor, 'task.read', { departmentId });
  return actions.map(({ action, ...names }) => ({
    ...action,
    ...names,
    tasks: taskRows
      .filter((t) => t.actionId === action.id)
      // Whether a department was withdrawn is part of the assignment, which everyone may read.
      .map((t) => ({ ...t, withdrawn: t.status === 'cancelled' }))
      .map((t) => (own(t.departmentId) ? t : { ...t, id: null, status: null, light: null, version: null })),
  }));
}
export type ConferenceAction = NonNullable<Awaited<ReturnType<typeof listConferenceActions>>>[number];
