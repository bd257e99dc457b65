import 'server-only';
import { type SQL, and, asc, desc, eq, inArray, lt, lte, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { conferences, departments, requestedActions, tasks } from '@/db/schema';
import { addDays, weekday } from '@/lib/domain/calendar-days';
import type { Actor } from '@/lib/auth/actor';
import { type Period, previousQuarter, quartersIn } from '@/lib/domain/period';
import { type Quarter, cityDate, quarterOfDate, quarterRange } from '@/lib/domain/quarters';
import { openTaskStatuses } from '@/lib/domain/task-state';
import { dayAfter, dayStart } from '@/lib/validation/list-query';
import { taskTableHref } from '@/lib/validation/task-list';
import { assertCan, departmentScope } from './guard';
import { type TaskFigures, taskFigures, taskFiguresByDepartment, taskFiguresByQuarter } from './task-figures';
import { type TaskListFilters, taskFilterSql } from './task-list';
import { overdueSql, statusInSql } from './task-light-sql';

/**
 * The dashboard's six figures of work as it stands now, each the count of exactly the rows its
 * link shows in the task table:
 * - open: assigned, acknowledged, in progress or submitted;
 * - dueThisWeek: open and due Monday to Sunday of the city's current week (overdue ones of this
 *   week included);
 * - overdue: the task table's overdue rule (not yet handed in, past the due date);
 * - notAcknowledged: assigned and not yet acknowledged;
 * - awaitingVerification: submitted, waiting for the office;
 * - completedThisQuarter: verified by the office on a city day of the current quarter.
 */
export const dashboardFigures = ['open', 'dueThisWeek', 'overdue', 'notAcknowledged', 'awaitingVerification', 'completedThisQuarter'] as const;
export type DashboardFigure = (typeof dashboardFigures)[number];

/** Monday and Sunday of the city's week that holds `today`. */
export function cityWeek(today: string): { from: string; to: string } {
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  return { from: monday, to: addDays(monday, 6) };
}

/** Each figure as the task table's filters: the count and the link are built from the same. */
export function dashboardFigureFilters(now: Date = new Date()): Record<DashboardFigure, TaskListFilters> {
  const today = cityDate(now);
  const week = cityWeek(today);
  const { year, quarter } = quarterOfDate(now);
  const { first, last } = quarterRange(year, quarter);
  const open = [...openTaskStatuses];
  return {
    open: { status: open },
    dueThisWeek: { status: open, dueFrom: week.from, dueTo: week.to },
    overdue: { overdue: true },
    notAcknowledged: { status: ['assigned'] },
    awaitingVerification: { status: ['submitted'] },
    completedThisQuarter: { status: ['completed'], completedFrom: first, completedTo: last },
  };
}

/** Where each figure leads: the task table filtered to exactly its rows. */
export function dashboardLinks(now: Date = new Date()): Record<DashboardFigure, string> {
  const filters = dashboardFigureFilters(now);
  return Object.fromEntries(dashboardFigures.map((f) => [f, taskTableHref(filters[f])])) as Record<DashboardFigure, string>;
}

export type DashboardCounts = Record<DashboardFigure, number>;

const notCancelled = sql`${tasks.status} <> 'cancelled'`;

/**
 * The six figures over the tasks the actor may see (a department head: their department's), in
 * one statement: FILTER aggregates over the open tasks, which the partial indexes on open tasks
 * hold, and the quarter's completed tasks counted by a scalar subquery on `completed_at`.
 * Task-table scope, so each count is what its link lists.
 */
export async function dashboardCounts(actor: Actor, now: Date = new Date()): Promise<DashboardCounts> {
  assertCan(actor, 'report.read');
  const today = cityDate(now);
  const filters = dashboardFigureFilters(now);
  const scope = departmentScope(actor, 'task.read', tasks.departmentId);
  const countOf = (figure: DashboardFigure) => sql<number>`count(*) FILTER (WHERE ${taskFilterSql(filters[figure], today) ?? sql`true`})::int`;
  // The inner FROM "tasks" hides the outer one, so the same column SQL reads the subquery's rows.
  const completed = sql<number>`(SELECT count(*)::int FROM ${tasks} WHERE ${and(scope, taskFilterSql(filters.completedThisQuarter, today))})`;
  const db = await getDb();
  const [row] = await db
    .select({
      open: countOf('open'),
      dueThisWeek: countOf('dueThisWeek'),
      overdue: countOf('overdue'),
      notAcknowledged: countOf('notAcknowledged'),
      awaitingVerification: countOf('awaitingVerification'),
      completedThisQuarter: completed,
    })
    .from(tasks)
    .where(and(scope, statusInSql(openTaskStatuses)));
  const r = row!;
  return Object.fromEntries(dashboardFigures.map((f) => [f, Number(r[f])])) as DashboardCounts;
}

/** How many quarters the trend shows up to a chosen quarter: two years, so a quarter meets its year-ago self. */
export const trendQuarters = 8;

/**
 * The span of the trend: for a quarter, the `trendQuarters` quarters ending with it; for a year
 * or a range, the period itself.
 */
export function trendPeriod(period: Period): Pick<Period, 'from' | 'to'> {
  if (period.kind !== 'quarter') return { from: period.from, to: period.to };
  let q: { year: number; quarter: Quarter } = { year: period.year, quarter: period.quarter };
  for (let i = 1; i < trendQuarters; i++) q = previousQuarter(q.year, q.quarter);
  return { from: quarterRange(q.year, q.quarter).first, to: period.to };
}

export interface TrendPoint {
  year: number;
  quarter: Quarter;
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  /** Tasks assigned in the quarter that are overdue now. */
  overdueNow: number;
}

/** Quarter-over-quarter figures (taskFiguresByQuarter), every quarter of the span, empty ones as zeros. */
export async function dashboardTrend(actor: Actor, period: Period, now: Date = new Date()): Promise<TrendPoint[]> {
  const span = trendPeriod(period);
  const rows = await taskFiguresByQuarter(actor, span, { now });
  const byQuarter = new Map(rows.map((r) => [`${r.year}-${r.quarter}`, r]));
  return quartersIn(span).map(({ year, quarter }) => {
    const r = byQuarter.get(`${year}-${quarter}`);
    return { year, quarter, assigned: r?.assigned ?? 0, completedOnTime: r?.completedOnTime ?? 0, completedLate: r?.completedLate ?? 0, overdueNow: r?.overdueNow ?? 0 };
  });
}

export interface DepartmentFigures extends TaskFigures {
  departmentId: number;
  name: string;
  nameEn: string | null;
}

/**
 * The period's figures per department with tasks assigned in it (taskFiguresByDepartment), the
 * most overdue first, then the lowest completion rate, then department order: who is late stands
 * at the top. The ranking by score is the reports page's.
 */
export async function departmentFigures(actor: Actor, period: Pick<Period, 'from' | 'to'>, now: Date = new Date()): Promise<DepartmentFigures[]> {
  const rows = await taskFiguresByDepartment(actor, period, { now });
  if (!rows.length) return [];
  const db = await getDb();
  const names = await db
    .select({ id: departments.id, name: departments.name, nameEn: departments.nameEn, sortOrder: departments.sortOrder })
    .from(departments)
    .where(inArray(departments.id, rows.map((r) => r.departmentId)));
  const byId = new Map(names.map((d) => [d.id, d]));
  return rows
    .map((r) => {
      const d = byId.get(r.departmentId);
      return { ...r, name: d?.name ?? '', nameEn: d?.nameEn ?? null, sortOrder: d?.sortOrder ?? 0 };
    })
    .sort((a, b) => b.overdueNow - a.overdueNow || (a.completionRate ?? 0) - (b.completionRate ?? 0) || a.sortOrder - b.sortOrder || a.departmentId - b.departmentId)
    .map(({ sortOrder: _, ...r }) => r);
}

/** At most this many conferences, and this many actions of each, on the dashboard. */
export const progressConferenceLimit = 5;
export const progressActionLimit = 20;

const heldStatuses = sql`${conferences.status} IN ('held', 'minutes_published')`;
/** Separates names inside one aggregated text; no department name holds it. */
const unitSeparator = '\u001f';
const namesShown = 3;

/**
 * Up to `namesShown` department names of the action's tasks in this role, in department order,
 * in Chinese and with the English name where there is one, each as one text.
 */
function namesOf(role: 'lead' | 'support') {
  const list = (column: SQL) =>
    sql<string | null>`array_to_string((array_agg(${column} ORDER BY ${departments.sortOrder}, ${departments.id}) FILTER (WHERE ${tasks.role} = ${sql.raw(`'${role}'`)}))[1:${sql.raw(String(namesShown))}], chr(31))`;
  return { zh: list(sql`${departments.name}`), en: list(sql`coalesce(${departments.nameEn}, ${departments.name})`) };
}

const split = (names: string | null) => (names ? names.split(unitSeparator) : []);

export interface ActionProgress {
  actionId: number;
  number: string;
  title: string;
  titleEn: string | null;
  /** The first lead and supporting departments' names (all departments of the assignment). */
  leadNames: string[];
  leadNamesEn: string[];
  leadCount: number;
  supportNames: string[];
  supportNamesEn: string[];
  supportCount: number;
  /** Figures of the tasks the actor may see (a department head: their own). */
  total: number;
  completed: number;
  overdue: number;
  /** Mean progress 0–100, a completed task counting as 100. */
  meanProgress: number;
}

export interface ConferenceProgress {
  id: number;
  title: string;
  titleEn: string | null;
  startsAt: Date;
  /** Held before the period: no conference with tasks met in it, so the latest before it is shown. */
  beforePeriod: boolean;
  /** All its actions concerning the actor, of which `actions` are the first. */
  actionCount: number;
  total: number;
  completed: number;
  overdue: number;
  actions: ActionProgress[];
}

/**
 * Progress of the requested actions of the conferences held in the period (city days of
 * `starts_at`; held or with minutes published) that have tasks the actor may see, latest first,
 * at most `progressConferenceLimit`. When none met in the period (a quarter whose conference is
 * still ahead), the latest one held before it, marked `beforePeriod`. `more` says that more
 * conferences met in the period than are shown.
 *
 * Per action, in order, at most `progressActionLimit` a conference: its lead and supporting
 * departments (the assignment, which everyone may read, as on the conference page) and the figures
 * of the actor's visible tasks, cancelled ones left out; a department head sees only the actions
 * with a task of theirs, and only their own task's figures (departmentScope on `report.read`).
 */
export async function conferenceProgress(actor: Actor, period: Pick<Period, 'from' | 'to'>, now: Date = new Date()) {
  assertCan(actor, 'report.read');
  const scope = departmentScope(actor, 'report.read', tasks.departmentId);
  const visible = scope ?? sql`true`;
  const today = cityDate(now);
  const db = await getDb();
  const candidates = await db
    .select({ id: conferences.id, title: conferences.title, titleEn: conferences.titleEn, startsAt: conferences.startsAt })
    .from(conferences)
    .where(
      and(
        heldStatuses,
        lt(conferences.startsAt, dayAfter(period.to)),
        sql`EXISTS (SELECT 1 FROM ${tasks} WHERE ${and(eq(tasks.conferenceId, conferences.id), notCancelled, scope)})`,
      ),
    )
    .orderBy(desc(conferences.startsAt), desc(conferences.id))
    .limit(progressConferenceLimit + 1);
  const start = dayStart(period.from);
  const inPeriod = candidates.filter((c) => c.startsAt >= start);
  const shown = inPeriod.length ? inPeriod.slice(0, progressConferenceLimit) : candidates.slice(0, 1);
  const more = inPeriod.length > progressConferenceLimit;
  if (!shown.length) return { conferences: [] as ConferenceProgress[], more };

  const ids = shown.map((c) => c.id);
  const counted = (condition: SQL) => sql<number>`(count(*) FILTER (WHERE ${visible} AND ${condition}))::int`;
  const lead = namesOf('lead');
  const support = namesOf('support');
  const perAction = db
    .select({
      conferenceId: sql<number>`${requestedActions.conferenceId}`.as('conference_id'),
      actionId: sql<number>`${requestedActions.id}`.as('action_id'),
      seq: sql<number>`${requestedActions.seq}`.as('seq'),
      number: sql<string>`${requestedActions.number}`.as('number'),
      title: sql<string>`${requestedActions.title}`.as('title'),
      titleEn: sql<string | null>`${requestedActions.titleEn}`.as('title_en'),
      leadNames: lead.zh.as('lead_names'),
      leadNamesEn: lead.en.as('lead_names_en'),
      leadCount: sql<number>`(count(*) FILTER (WHERE ${tasks.role} = 'lead'))::int`.as('lead_count'),
      supportNames: support.zh.as('support_names'),
      supportNamesEn: support.en.as('support_names_en'),
      supportCount: sql<number>`(count(*) FILTER (WHERE ${tasks.role} = 'support'))::int`.as('support_count'),
      total: counted(sql`true`).as('total'),
      completed: counted(sql`${tasks.status} = 'completed'`).as('completed'),
      overdue: counted(overdueSql(today)).as('overdue'),
      meanProgress: sql<number>`coalesce(avg(CASE WHEN ${tasks.status} = 'completed' THEN 100 ELSE ${tasks.progress} END) FILTER (WHERE ${visible}), 0)::float8`.as('mean_progress'),
      // Window functions over the grouped rows: the action's place, and its conference's totals.
      position: sql<number>`row_number() OVER (PARTITION BY ${requestedActions.conferenceId} ORDER BY ${requestedActions.seq})::int`.as('position'),
      actionCount: sql<number>`(count(*) OVER (PARTITION BY ${requestedActions.conferenceId}))::int`.as('action_count'),
      conferenceTotal: sql<number>`(sum(count(*) FILTER (WHERE ${visible})) OVER (PARTITION BY ${requestedActions.conferenceId}))::int`.as('conference_total'),
      conferenceCompleted: sql<number>`(sum(count(*) FILTER (WHERE ${visible} AND ${tasks.status} = 'completed')) OVER (PARTITION BY ${requestedActions.conferenceId}))::int`.as('conference_completed'),
      conferenceOverdue: sql<number>`(sum(count(*) FILTER (WHERE ${visible} AND ${overdueSql(today)})) OVER (PARTITION BY ${requestedActions.conferenceId}))::int`.as('conference_overdue'),
    })
    .from(tasks)
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    // The same conferences on both sides, so each table is read by its conference index.
    .where(and(inArray(tasks.conferenceId, ids), inArray(requestedActions.conferenceId, ids), notCancelled))
    .groupBy(requestedActions.id)
    // Only actions that concern the actor: for a department head, those with a task of theirs.
    .having(sql`count(*) FILTER (WHERE ${visible}) > 0`)
    .as('per_action');
  const rows = await db.select().from(perAction).where(lte(perAction.position, progressActionLimit)).orderBy(asc(perAction.conferenceId), asc(perAction.seq));

  return {
    more,
    conferences: shown.map((c): ConferenceProgress => {
      const actions = rows.filter((r) => r.conferenceId === c.id);
      const first = actions[0];
      return {
        ...c,
        startsAt: new Date(c.startsAt),
        beforePeriod: !inPeriod.length,
        actionCount: Number(first?.actionCount ?? 0),
        total: Number(first?.conferenceTotal ?? 0),
        completed: Number(first?.conferenceCompleted ?? 0),
        overdue: Number(first?.conferenceOverdue ?? 0),
        actions: actions.map((r) => ({
          actionId: Number(r.actionId),
          number: r.number,
          title: r.title,
          titleEn: r.titleEn,
          leadNames: split(r.leadNames),
          leadNamesEn: split(r.leadNamesEn),
          leadCount: Number(r.leadCount),
          supportNames: split(r.supportNames),
          supportNamesEn: split(r.supportNamesEn),
          supportCount: Number(r.supportCount),
          total: Number(r.total),
          completed: Number(r.completed),
          overdue: Number(r.overdue),
          meanProgress: Number(r.meanProgress),
        })),
      };
    }),
  };
}

/** Everything the dashboard shows for a period, each part one or two aggregate statements. */
export async function dashboard(actor: Actor, period: Period, now: Date = new Date()) {
  assertCan(actor, 'report.read');
  const [counts, figures, trend, byDepartment, progress] = await Promise.all([
    dashboardCounts(actor, now),
    taskFigures(actor, period, { now }),
    dashboardTrend(actor, period, now),
    departmentFigures(actor, period, now),
    conferenceProgress(actor, period, now),
  ]);
  return { counts, links: dashboardLinks(now), figures, trend, trendPeriod: trendPeriod(period), departments: byDepartment, progress };
}
export type Dashboard = Awaited<ReturnType<typeof dashboard>>;
