import 'server-only';
import { and, asc, count, eq, isNull, lt, ne } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { type AgendaItem, agendaItems, conferences, departments, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { ConferenceStatus } from '@/lib/domain/conference-status';
import { cityDate } from '@/lib/domain/quarters';
import { openTaskStatuses } from '@/lib/domain/task-state';
import { AppError, notFound } from '@/lib/errors';
import { id, parseInput } from '@/lib/validation/common';
import { agendaItemSchema } from '@/lib/validation/conferences';
import { conferenceScope, editableConference } from './conference-scope';
import { assertCan, departmentScope } from './guard';
import { insertAgendaItem } from './speakers';
import { overdueSql, statusInSql } from './task-light-sql';

/**
 * The agenda item that reviews the earlier conferences' open tasks. A conference's item of kind
 * `review` is that item, whatever it has been renamed to: the kind is what marks it.
 */
export const carryOverItem = {
  title: '上季度部署要求落实情况回顾',
  titleEn: "Review of last quarter's requested actions",
  kind: 'review',
  plannedMinutes: 10,
} as const;

/** The review is prepared before the meeting: while the conference is a draft or its notice is out. */
export function carryOverOpen(status: ConferenceStatus): boolean {
  return status === 'draft' || status === 'scheduled';
}

/** The conference's review item (kind `review`), the first one if there are several; null when none. */
export function carryOverItemOf<T extends { kind: string }>(agenda: readonly T[]): T | null {
  return agenda.find((item) => item.kind === carryOverItem.kind) ?? null;
}

/**
 * Adds the review of the earlier conferences' open tasks at the end of the agenda, in one
 * transaction with its audit row. A conference that has its review item already keeps it: that
 * item comes back with `created: false`, so a second click (or a second secretary) adds nothing.
 * Once the conference has been held (or cancelled) the review is refused.
 */
export async function addCarryOverItem(actor: Actor, input: { conferenceId: number }): Promise<{ item: AgendaItem; created: boolean }> {
  assertCan(actor, 'conference.manageAgenda');
  const data = parseInput(agendaItemSchema, { ...carryOverItem, conferenceId: input.conferenceId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    // The conference row stays locked until commit, so two clicks at once add one item.
    const conference = await editableConference(tx, actor, data.conferenceId);
    if (!carryOverOpen(conference.status)) throw new AppError('conflict', 'carryOverAfterHeld', `conference ${conference.id} is ${conference.status}`);
    const [existing] = await tx
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.conferenceId, conference.id), eq(agendaItems.kind, carryOverItem.kind), isNull(agendaItems.removedAt)))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id))
      .limit(1);
    if (existing) return { item: existing, created: false };
    return { item: await insertAgendaItem(tx, actor, data), created: true };
  });
}

export interface CarryOverQuery {
  /** Rows of one page; 1…500, default 50. */
  limit?: number;
  offset?: number;
}

export const carryOverMaxLimit = 500;

/**
 * The still-open tasks (assigned, acknowledged, in progress, submitted) of the conferences that
 * started before this one and were not cancelled, oldest conference first, then by action number
 * and the departments' order; with their total. A department head sees their own department's
 * tasks only. Not found when the actor may not see the conference.
 */
export async function carryOverTasks(actor: Actor, conferenceId: number, query: CarryOverQuery = {}, now: Date = new Date()) {
  const scope = departmentScope(actor, 'task.read', tasks.departmentId);
  const conferenceIdValue = parseInput(id, conferenceId);
  const limit = Math.min(Math.max(Math.trunc(query.limit ?? 50), 1), carryOverMaxLimit);
  const offset = Math.max(Math.trunc(query.offset ?? 0), 0);
  const db = await getDb();
  const [conference] = await db
    .select({ startsAt: conferences.startsAt })
    .from(conferences)
    .where(and(eq(conferences.id, conferenceIdValue), conferenceScope(actor)));
  if (!conference) throw notFound(`conference ${conferenceIdValue}`);
  const today = cityDate(now);
  const where = and(
    scope,
    statusInSql(openTaskStatuses),
    lt(conferences.startsAt, conference.startsAt),
    ne(conferences.status, 'cancelled'),
  );
  const [rows, [counted]] = await Promise.all([
    db
      .select({
        id: tasks.id,
        conferenceId: tasks.conferenceId,
        conferenceTitle: conferences.title,
        conferenceTitleEn: conferences.titleEn,
        conferenceStartsAt: conferences.startsAt,
        actionId: tasks.actionId,
        number: requestedActions.number,
        title: requestedActions.title,
        titleEn: requestedActions.titleEn,
        departmentId: tasks.departmentId,
        departmentName: departments.name,
        departmentNameEn: departments.nameEn,
        role: tasks.role,
        dueDate: tasks.dueDate,
        status: tasks.status,
        overdue: overdueSql(today).mapWith(Boolean),
      })
      .from(tasks)
      .innerJoin(conferences, eq(conferences.id, tasks.conferenceId))
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(asc(conferences.startsAt), asc(conferences.id), asc(requestedActions.seq), asc(departments.sortOrder), asc(departments.id), asc(tasks.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ total: count() })
      .from(tasks)
      .innerJoin(conferences, eq(conferences.id, tasks.conferenceId))
      .where(where),
  ]);
  return { rows, total: Number(counted?.total ?? 0) };
}

export type CarryOverTask = Awaited<ReturnType<typeof carryOverTasks>>['rows'][number];
