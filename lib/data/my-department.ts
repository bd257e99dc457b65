import 'server-only';
import { type SQL, and, asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { addDays } from '@/lib/domain/calendar-days';
import { cityDate } from '@/lib/domain/quarters';
import { type LightSettings } from '@/lib/domain/task-light';
import { forbidden } from '@/lib/errors';
import { departmentScope } from './guard';
import { pageOf } from './list-query';
import { lightSettings } from './light-settings';
import { trafficLightSql } from './task-light-sql';

/**
 * The groups of a department head's open tasks. new, overdue, dueSoon, inProgress and submitted
 * split the open tasks so each is in exactly one of them (new first: acknowledging comes before
 * anything else, even when late). returned is across them: a task the office sent back and the
 * department has not handed in again, which also sits in its date group.
 */
export const myDepartmentGroups = ['new', 'overdue', 'dueSoon', 'returned', 'inProgress', 'submitted'] as const;
export type MyDepartmentGroup = (typeof myDepartmentGroups)[number];

/** Groups that ask the department to act; the navigation's badge counts these tasks once each. */
export const actionGroups: readonly MyDepartmentGroup[] = ['new', 'overdue', 'returned'];


interface Window {
  today: string;
  /** The last day of "due soon": today plus the light's yellow threshold. */
  soonUntil: string;
}

function windowOf(now: Date, settings: LightSettings): Window {
  const today = cityDate(now);
  return { today, soonUntil: addDays(today, settings.dueSoonDays) };
}

const working = sql`${tasks.status} IN ('acknowledged', 'in_progress')`;

/**
 * Returned: in progress, and the last follow-up that changed its status was a return (the office
 * sent it back from submitted). A task returned, then reassigned and worked on again is not.
 */
const returnedSql = sql`(${tasks.status} = 'in_progress' AND ${tasks.returnCount} > 0 AND (
  SELECT ${followUps.kind} FROM ${followUps}
  WHERE ${followUps.taskId} = ${tasks.id} AND ${followUps.fromStatus} IS DISTINCT FROM ${followUps.toStatus}
  ORDER BY ${followUps.createdAt} DESC, ${followUps.id} DESC LIMIT 1) = 'return')`;

function groupSql(group: MyDepartmentGroup, w: Window): SQL {
  switch (group) {
    case 'new':
      return sql`${tasks.status} = 'assigned'`;
    case 'overdue':
      return sql`(${working} AND ${tasks.dueDate} < ${w.today}::date)`;
    case 'dueSoon':
      return sql`(${working} AND ${tasks.dueDate} BETWEEN ${w.today}::date AND ${w.soonUntil}::date)`;
    case 'inProgress':
      return sql`(${working} AND ${tasks.dueDate} > ${w.soonUntil}::date)`;
    case 'submitted':
      return sql`${tasks.status} = 'submitted'`;
    case 'returned':
      return returnedSql;
  }
}

/**
 * The task table's URL filters that select exactly a group's rows (the department head's table is
 * already limited to their department). Returned has no such filter in the table: null.
 */
export function groupTableParams(group: MyDepartmentGroup, now: Date = new Date(), settings: LightSettings = lightSettings()): Record<string, string> | null {
  const w = windowOf(now, settings);
  const workingParam = 'acknowledged,in_progress';
  switch (group) {
    case 'new':
      return { status: 'assigned' };
    case 'overdue':
      return { status: workingParam, overdue: '1' };
    case 'dueSoon':
      return { status: workingParam, dueFrom: w.today, dueTo: w.soonUntil };
    case 'inProgress':
      return { status: workingParam, dueFrom: addDays(w.soonUntil, 1) };
    case 'submitted':
      return { status: 'submitted' };
    case 'returned':
      return null;
  }
}

/** Only department heads have a department's work to do; everyone else is refused. */
function scopeOf(actor: Actor): SQL | undefined {
  if (actor.role !== 'department_head') throw forbidden(`${actor.username} (${actor.role}) has no department work`);
  return and(departmentScope(actor, 'task.read', tasks.departmentId), sql`${tasks.status} IN ('assigned', 'acknowledged', 'in_progress', 'submitted')`);
}

export type MyDepartmentCounts = Record<MyDepartmentGroup, number> & { needsAction: number };

/** Each group's count and the tasks needing action, in one aggregate query. */
export async function myDepartmentCounts(actor: Actor, now: Date = new Date(), settings: LightSettings = lightSettings()): Promise<MyDepartmentCounts> {
  const where = scopeOf(actor);
  const w = windowOf(now, settings);
  const countOf = (condition: SQL) => sql<number>`count(*) FILTER (WHERE ${condition})`.mapWith(Number);
  const db = await getDb();
  const [row] = await db
    .select({
      new: countOf(groupSql('new', w)),
      overdue: countOf(groupSql('overdue', w)),
      dueSoon: countOf(groupSql('dueSoon', w)),
      returned: countOf(groupSql('returned', w)),
      inProgress: countOf(groupSql('inProgress', w)),
      submitted: countOf(groupSql('submitted', w)),
      needsAction: countOf(sql.join(actionGroups.map((g) => groupSql(g, w)), sql` OR `)),
    })
    .from(tasks)
    .where(where);
  return row!;
}

/** One group's tasks by due date (the task table's default order), paged in SQL. */
export async function listMyDepartmentGroup(
  actor: Actor,
  group: MyDepartmentGroup,
  query: { page?: number; pageSize?: number } = {},
  now: Date = new Date(),
  settings: LightSettings = lightSettings(),
) {
  const where = scopeOf(actor);
  const w = windowOf(now, settings);
  const { limit, offset } = pageOf(query);
  const db = await getDb();
  return db
    .select({
      id: tasks.id,
      number: requestedActions.number,
      title: requestedActions.title,
      titleEn: requestedActions.titleEn,
      dueDate: tasks.dueDate,
      status: tasks.status,
      progress: tasks.progress,
      light: trafficLightSql(w.today, settings),
      returnCount: tasks.returnCount,
    })
    .from(tasks)
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .where(and(where, groupSql(group, w)))
    .orderBy(asc(tasks.dueDate), asc(tasks.id))
    .limit(limit)
    .offset(offset);
}
export type MyDepartmentRow = Awaited<ReturnType<typeof listMyDepartmentGroup>>[number];

/** Every group's count and its first tasks, for the My department page. */
export async function myDepartmentOverview(actor: Actor, perGroup = 5, now: Date = new Date(), settings: LightSettings = lightSettings()) {
  const counts = await myDepartmentCounts(actor, now, settings);
  const { today, soonUntil } = windowOf(now, settings);
  const groups = await Promise.all(
    myDepartmentGroups.map(async (key) => ({
      key,
      count: counts[key],
      rows: counts[key] ? await listMyDepartmentGroup(actor, key, { pageSize: perGroup }, now, settings) : [],
      tableParams: groupTableParams(key, now, settings),
    })),
  );
  return { counts, groups, today, soonUntil, dueSoonDays: settings.dueSoonDays };
}
