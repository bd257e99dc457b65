import 'server-only';
import { and, asc, count, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { departments, followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { Period } from '@/lib/domain/period';
import { cityDate } from '@/lib/domain/quarters';
import { dayAfter, dayStart } from '@/lib/validation/list-query';
import { assertCan, departmentScope } from './guard';
import { scorecardRanking } from './scorecards';
import { taskFigures } from './task-figures';
import { overdueSql } from './task-light-sql';

/** The most rows a list of the supervision report prints; the total is given beside it. */
export const supervisionListLimit = 200;

export interface ReportList<T> {
  rows: T[];
  /** All matching rows, of which `rows` are the first. */
  total: number;
}

const taskColumns = {
  taskId: tasks.id,
  number: requestedActions.number,
  title: requestedActions.title,
  titleEn: requestedActions.titleEn,
  departmentId: tasks.departmentId,
  departmentName: departments.name,
  departmentNameEn: departments.nameEn,
  role: tasks.role,
  status: tasks.status,
  dueDate: tasks.dueDate,
};

/**
 * The overdue list: tasks assigned by the end of the period that are still open past their due
 * date today (the task list's overdue rule), the longest overdue first. A department head gets
 * their own department's only.
 */
export async function overdueTasks(actor: Actor, period: Pick<Period, 'to'>, { now = new Date(), limit = supervisionListLimit } = {}) {
  const today = cityDate(now);
  const where = and(overdueSql(today), lt(tasks.assignedAt, dayAfter(period.to)), departmentScope(actor, 'report.read', tasks.departmentId));
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...taskColumns, daysOverdue: sql<number>`(${today}::date - ${tasks.dueDate})::int`.mapWith(Number) })
      .from(tasks)
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(asc(tasks.dueDate), asc(departments.sortOrder), asc(departments.id), asc(requestedActions.number), asc(tasks.id))
      .limit(limit),
    db.select({ value: count() }).from(tasks).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) } satisfies ReportList<unknown>;
}
export type OverdueTaskRow = Awaited<ReturnType<typeof overdueTasks>>['rows'][number];

/**
 * Work returned for rework in the period: each `return` follow-up written in it (city days),
 * with its task, department and reason, in the order they happened. A task returned twice is
 * listed twice. A department head gets their own department's only.
 */
export async function returnedTasks(actor: Actor, period: Pick<Period, 'from' | 'to'>, { limit = supervisionListLimit } = {}) {
  const where = and(
    eq(followUps.kind, 'return'),
    gte(followUps.createdAt, dayStart(period.from)),
    lt(followUps.createdAt, dayAfter(period.to)),
    departmentScope(actor, 'report.read', tasks.departmentId),
  );
  const db = await getDb();
  const [rows, [total]] = await Promise.all([
    db
      .select({ followUpId: followUps.id, returnedAt: followUps.createdAt, reason: followUps.body, ...taskColumns })
      .from(followUps)
      .innerJoin(tasks, eq(tasks.id, followUps.taskId))
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(asc(followUps.createdAt), asc(followUps.id))
      .limit(limit),
    db.select({ value: count() }).from(followUps).innerJoin(tasks, eq(tasks.id, followUps.taskId)).where(where),
  ]);
  return { rows, total: Number(total?.value ?? 0) } satisfies ReportList<unknown>;
}
export type ReturnedTaskRow = Awaited<ReturnType<typeof returnedTasks>>['rows'][number];

/**
 * Who issues the committee's papers: the committee office (the active department of kind
 * `office` first in order), or null when there is none. Department names are public to every role.
 */
export async function committeeOffice(actor: Actor) {
  assertCan(actor, 'department.read');
  const db = await getDb();
  const [office] = await db
    .select({ name: departments.name, nameEn: departments.nameEn })
    .from(departments)
    .where(and(eq(departments.kind, 'office'), eq(departments.active, true)))
    .orderBy(asc(departments.sortOrder), asc(departments.id))
    .limit(1);
  return office ?? null;
}

/**
 * Everything the supervision report (督办通报) prints for a period, as the actor may read it: the
 * period's figures, the ranking of departments, the overdue list and the work returned for rework,
 * and the body that issues it. A department head gets their own department's figures, row (with its
 * rank among all) and lists.
 */
export async function supervisionReport(actor: Actor, period: Period, now: Date = new Date()) {
  assertCan(actor, 'report.read');
  const [figures, ranking, overdue, returned, issuer] = await Promise.all([
    taskFigures(actor, period, { now }),
    scorecardRanking(actor, period, now),
    overdueTasks(actor, period, { now }),
    returnedTasks(actor, period),
    committeeOffice(actor),
  ]);
  return { period, asOf: cityDate(now), figures, ranking: ranking.rows, ranked: ranking.ranked, overdue, returned, issuer };
}
export type SupervisionReport = Awaited<ReturnType<typeof supervisionReport>>;
