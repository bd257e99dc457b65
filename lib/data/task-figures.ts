import 'server-only';
import { type SQL, and, eq, gte, lt, ne, sql } from 'drizzle-orm';
import type { PgColumn, PgSelect } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/runtime';
import { tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { type Period, quartersIn } from '@/lib/domain/period';
import { cityDate, cityOffset, quarterRange } from '@/lib/domain/quarters';
import { departmentScope } from './guard';
import { dueOrDoneSql, overdueSql, statusInSql } from './task-light-sql';
import { openTaskStatuses } from '@/lib/domain/task-state';

/**
 * The follow-up figures of a period, shared by the dashboard, the ranking and the supervision report.
 *
 * A period's tasks are those **assigned** in it (city calendar days), cancelled ones left out: a
 * cancelled task counts neither for nor against a department. Their state is read as of `now`:
 * - completed: verified by the office; on time when verified on or before the due date in force
 *   (an approved extension moves it), late otherwise;
 * - overdue now: still being worked on and past its due date (submitted work is not overdue);
 * - due or done: completed, or past the due date; the rest are not due yet (未到期) and weigh
 *   nothing, so work that cannot be finished yet lowers no rate;
 * - on-time rate: completed on time ÷ due or done; completion rate: completed ÷ due or done;
 * - days to acknowledge / complete: averages from assignment, in days;
 * - returns, extension requests and approved extensions: the tasks' counters, kept by the
 *   follow-ups that change them, so no figure reads the follow-ups themselves.
 */
export interface TaskFigures {
  assigned: number;
  completed: number;
  completedOnTime: number;
  completedLate: number;
  open: number;
  overdueNow: number;
  /** Completed, or past their due date: the tasks that weigh, and what the rates are taken over. */
  dueOrDone: number;
  /** Open and not past their due date (未到期): they weigh nothing. */
  notDueYet: number;
  returns: number;
  /** The returns of the tasks that weigh (the score's return penalty). */
  dueOrDoneReturns: number;
  extensionsRequested: number;
  extensionsApproved: number;
  avgDaysToAcknowledge: number | null;
  avgDaysToComplete: number | null;
  /** 0–1, null when nothing was due or done. */
  onTimeRate: number | null;
  /** 0–1, null when nothing was due or done. */
  completionRate: number | null;
}

type Grouping = 'none' | 'department' | 'quarter' | 'departmentQuarter';


/** Tasks assigned in the period: a range on `assigned_at`, so an index on it serves the filter. */
function cohort(actor: Actor, period: Pick<Period, 'from' | 'to'>, departmentId?: number): SQL | undefined {
  const start = cityMidnight(period.from);
  const end = new Date(cityMidnight(period.to).getTime() + 86_400_000);
  return and(
    departmentScope(actor, 'report.read', tasks.departmentId),
    departmentId === undefined ? undefined : eq(tasks.departmentId, departmentId),
    gte(tasks.assignedAt, start),
    lt(tasks.assignedAt, end),
    ne(tasks.status, 'cancelled'),
  );
}

type GroupKey = Record<string, PgColumn | SQL.Aliased<number>>;

const cityMidnight = (day: string) => new Date(`${day}T00:00:00${cityOffset}`);

/**
 * The quarter of assignment as a bucket number over the quarters' first instants: comparing
 * timestamps is much cheaper per row than converting each one to a city date.
 */
function quarterBucket(period: Pick<Period, 'from' | 'to'>) {
  const quarters = quartersIn(period);
  const starts = quarters.map((q) => cityMidnight(quarterRange(q.year, q.quarter).first).toISOString());
  const bucket = sql<number>`width_bucket(${tasks.assignedAt}, ${`{${starts.join(',')}}`}::timestamptz[])`.as('bucket');
  return { bucket, quarterOf: (n: number) => quarters[n - 1]! };
}

function groupKey(grouping: Grouping, period: Pick<Period, 'from' | 'to'>): GroupKey {
  switch (grouping) {
    case 'department':
      return { departmentId: tasks.departmentId };
    case 'quarter':
      return { bucket: quarterBucket(period).bucket };
    case 'departmentQuarter':
      return { departmentId: tasks.departmentId, bucket: quarterBucket(period).bucket };
    default:
      return {};
  }
}

function taskAggregates(today: string) {
  const isCompleted = sql`${tasks.status} = 'completed'`;
  // Verified before the city's midnight that ends the due date. The city keeps UTC+8 all year, so a
  // fixed offset serves, and is much cheaper per row than looking up the 'Asia/Shanghai' zone.
  const dueOrDone = dueOrDoneSql(today);
  const onTime = sql`${isCompleted} AND ${tasks.completedAt} < ((${tasks.dueDate} + 1)::timestamp AT TIME ZONE INTERVAL '${sql.raw(cityOffset)}')`;
  return {
    assigned: sql<number>`count(*)::int`,
    completed: sql<number>`(count(*) FILTER (WHERE ${isCompleted}))::int`,
    completedOnTime: sql<number>`(count(*) FILTER (WHERE ${onTime}))::int`,
    open: sql<number>`(count(*) FILTER (WHERE ${statusInSql(openTaskStatuses)}))::int`,
    overdueNow: sql<number>`(count(*) FILTER (WHERE ${overdueSql(today)}))::int`,
    dueOrDone: sql<number>`(count(*) FILTER (WHERE ${dueOrDone}))::int`,
    returns: sql<number>`coalesce(sum(${tasks.returnCount}), 0)::int`,
    dueOrDoneReturns: sql<number>`(coalesce(sum(${tasks.returnCount}) FILTER (WHERE ${dueOrDone}), 0))::int`,
    extensionsApproved: sql<number>`coalesce(sum(${tasks.extensionCount}), 0)::int`,
    extensionsRequested: sql<number>`coalesce(sum(${tasks.extensionRequestCount}), 0)::int`,
    // Averaged as intervals and turned into days once: extract() per row would be numeric arithmetic.
    avgDaysToAcknowledge: sql<number | null>`(extract(epoch FROM avg(${tasks.acknowledgedAt} - ${tasks.assignedAt})) / 86400)::float8`,
    avgDaysToComplete: sql<number | null>`(extract(epoch FROM avg(${tasks.completedAt} - ${tasks.assignedAt}) FILTER (WHERE ${isCompleted})) / 86400)::float8`,
  };
}

type Aggregates = { [K in keyof ReturnType<typeof taskAggregates>]: ReturnType<typeof taskAggregates>[K]['_']['type'] };
const aggregateNames = Object.keys(taskAggregates('2000-01-01')) as (keyof Aggregates)[];

function figuresOf(row: Aggregates | undefined): TaskFigures {
  const r = row ?? {
    assigned: 0, completed: 0, completedOnTime: 0, open: 0, overdueNow: 0, dueOrDone: 0, returns: 0, dueOrDoneReturns: 0, extensionsApproved: 0, extensionsRequested: 0,
    avgDaysToAcknowledge: null, avgDaysToComplete: null,
  };
  return {
    ...r,
    completedLate: r.completed - r.completedOnTime,
    notDueYet: r.assigned - r.dueOrDone,
    onTimeRate: r.dueOrDone ? r.completedOnTime / r.dueOrDone : null,
    completionRate: r.dueOrDone ? r.completed / r.dueOrDone : null,
  };
}

/** The figures of no tasks at all: zeros, and no rates or averages. */
export const noTaskFigures: Readonly<TaskFigures> = Object.freeze(figuresOf(undefined));

/** GROUP BY the key's columns, if any: an empty GROUP BY is not SQL. */
function grouped<Q extends PgSelect>(query: Q, columns: (SQL | SQL.Aliased | PgColumn)[]): Q {
  return columns.length ? query.groupBy(...columns) : query;
}

interface Options {
  now?: Date;
  /** One department's figures (still limited to what the actor may see). */
  departmentId?: number;
}

async function figuresBy<K extends object>(actor: Actor, period: Pick<Period, 'from' | 'to'>, grouping: Grouping, options: Options) {
  const db = await getDb();
  const where = cohort(actor, period, options.departmentId);
  const key = groupKey(grouping, period);
  const keyColumns = Object.values(key);
  const today = cityDate(options.now ?? new Date());
  const rows = await grouped(db.select({ ...key, ...taskAggregates(today) }).from(tasks).where(where).$dynamic(), keyColumns);
  return (rows as Record<string, unknown>[]).map((row) => {
    const group = Object.fromEntries(Object.keys(key).map((k) => [k, row[k]])) as K;
    const aggregates = Object.fromEntries(aggregateNames.map((k) => [k, row[k]])) as Aggregates;
    return { ...group, ...figuresOf(aggregates) };
  });
}

/** The period's figures over every task the actor may see (or one department's). */
export async function taskFigures(actor: Actor, period: Pick<Period, 'from' | 'to'>, options: Options = {}): Promise<TaskFigures> {
  const [row] = await figuresBy<object>(actor, period, 'none', options);
  return row ?? { ...noTaskFigures };
}

/** The period's figures per department that had tasks assigned in it. */
export async function taskFiguresByDepartment(actor: Actor, period: Pick<Period, 'from' | 'to'>, options: Options = {}) {
  return figuresBy<{ departmentId: number }>(actor, period, 'department', options);
}

/** The period's figures per quarter of assignment, oldest first; quarters without tasks are absent. */
export async function taskFiguresByQuarter(actor: Actor, period: Pick<Period, 'from' | 'to'>, options: Options = {}) {
  const { quarterOf } = quarterBucket(period);
  const rows = await figuresBy<{ bucket: number }>(actor, period, 'quarter', options);
  return rows
    .sort((a, b) => a.bucket - b.bucket)
    .map(({ bucket, ...figures }) => ({ ...quarterOf(bucket), ...figures }));
}

/** The period's figures per department and quarter of assignment (a ranking for each quarter); empty groups are absent. */
export async function taskFiguresByDepartmentAndQuarter(actor: Actor, period: Pick<Period, 'from' | 'to'>, options: Options = {}) {
  const { quarterOf } = quarterBucket(period);
  const rows = await figuresBy<{ departmentId: number; bucket: number }>(actor, period, 'departmentQuarter', options);
  return rows.map(({ bucket, ...figures }) => ({ ...quarterOf(bucket), ...figures }));
}
