import 'server-only';
import { type SQL, and, asc, count, desc, eq, gt, gte, ilike, inArray, lt, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { departments, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import type { TrafficLight } from '@/lib/domain/task-light';
import type { TaskStatus } from '@/lib/domain/task-state';
import { dayAfter, dayStart } from '@/lib/validation/list-query';
import { departmentScope } from './guard';
import { type ListQuery, pageOf } from './list-query';
import { lightFilterSql, overdueSql, statusInSql, trafficLightSql } from './task-light-sql';

export const taskSortColumns = {
  dueDate: tasks.dueDate,
  number: requestedActions.number,
  department: departments.sortOrder,
  status: tasks.status,
  progress: tasks.progress,
} as const;
type TaskSort = keyof typeof taskSortColumns;

export interface TaskListQuery extends ListQuery<TaskSort> {
  status?: TaskStatus[];
  light?: TrafficLight[];
  departmentId?: number[];
  role?: 'lead' | 'support';
  conferenceId?: number;
  categoryCode?: string[];
  priority?: ('low' | 'normal' | 'high' | 'urgent')[];
  dueFrom?: string;
  dueTo?: string;
  overdue?: boolean;
  /** City days on which the office verified the work (completed_at). */
  completedFrom?: string;
  completedTo?: string;
}

/** The filters of the task table without its search, order and page: what other pages link to. */
export type TaskListFilters = Omit<TaskListQuery, keyof ListQuery>;

/**
 * The table's filters as SQL, without the actor's scope and the search (category and priority
 * read the joined action; the others `tasks` alone). Other figures count with the same conditions
 * (`count(*) FILTER (WHERE …)`), so a count and the table it links to select the same rows.
 */
export function taskFilterSql(query: TaskListFilters, today: string): SQL | undefined {
  return and(
    query.status?.length ? statusInSql(query.status) : undefined,
    query.light?.length ? lightFilterSql(query.light, today) : undefined,
    query.departmentId?.length ? inArray(tasks.departmentId, query.departmentId) : undefined,
    query.role ? eq(tasks.role, query.role) : undefined,
    query.conferenceId ? eq(tasks.conferenceId, query.conferenceId) : undefined,
    query.categoryCode?.length ? inArray(requestedActions.categoryCode, query.categoryCode) : undefined,
    query.priority?.length ? inArray(requestedActions.priority, query.priority) : undefined,
    query.dueFrom ? gte(tasks.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(tasks.dueDate, query.dueTo) : undefined,
    query.overdue ? overdueSql(today) : undefined,
    query.completedFrom ? gte(tasks.completedAt, dayStart(query.completedFrom)) : undefined,
    query.completedTo ? lt(tasks.completedAt, dayAfter(query.completedTo)) : undefined,
  );
}

function taskFilters(actor: Actor, query: TaskListQuery, today: string): SQL | undefined {
  const q = query.q?.trim();
  return and(
    departmentScope(actor, 'task.read', tasks.departmentId),
    taskFilterSql(query, today),
    // Trigram indexes on the three columns (db/schema/tasks.ts) serve these.
    q ? or(ilike(requestedActions.title, `%${q}%`), ilike(requestedActions.details, `%${q}%`), ilike(requestedActions.number, `%${q}%`)) : undefined,
  );
}

/** Whether the filters read the action, so the tasks must be joined to it. */
function filtersReadAction(query: TaskListQuery): boolean {
  return Boolean(query.q?.trim() || query.categoryCode?.length || query.priority?.length);
}

function taskColumns(today: string) {
  return {
    id: tasks.id,
    actionId: tasks.actionId,
    conferenceId: tasks.conferenceId,
    number: requestedActions.number,
    title: requestedActions.title,
    titleEn: requestedActions.titleEn,
    categoryCode: requestedActions.categoryCode,
    priority: requestedActions.priority,
    departmentId: tasks.departmentId,
    departmentName: departments.name,
    departmentNameEn: departments.nameEn,
    role: tasks.role,
    dueDate: tasks.dueDate,
    acknowledgeBy: tasks.acknowledgeBy,
    status: tasks.status,
    progress: tasks.progress,
    light: trafficLightSql(today),
    overdue: overdueSql(today).mapWith(Boolean),
    version: tasks.version,
  };
}

/** The sort column, then the task id so that equal values keep one order and a keyset can resume. */
function orderOf(query: TaskListQuery) {
  const column = taskSortColumns[query.sort ?? 'dueDate'];
  const dir = query.dir === 'desc' ? desc : asc;
  return [dir(column), dir(tasks.id)];
}

/**
 * The rows after `key` in the list's order: `(sort value, id) > key`, reversed for descending.
 * The first, redundant bound lets an index on the sort column start at the key.
 */
function after(query: TaskListQuery, key: { value: string | number; id: number }): SQL | undefined {
  const column = taskSortColumns[query.sort ?? 'dueDate'];
  const [bound, beyond] = query.dir === 'desc' ? [lte, lt] : [gte, gt];
  return and(bound(column, key.value), or(beyond(column, key.value), beyond(tasks.id, key.id)));
}

/** Below this many matching tasks the count is exact; above, the list says "more than". */
export const taskCountCap = 10_000;

/**
 * How far the count reads: the cap, or ten pages past the page shown if that is further, so
 * that paging on beyond the cap always has pages ahead.
 */
export function countLimitOf(query: TaskListQuery, cap = taskCountCap): number {
  const { limit, offset } = pageOf(query);
  return Math.max(cap, offset + 10 * limit);
}

/**
 * The SQL behind one page: the matching task ids are sorted and cut to the page on the narrowest
 * join possible (usually the tasks table alone, walking an index), and only the page's rows are
 * joined to their action and department. The count joins only what its filters read and stops
 * at `countLimit` + 1 rows, so it never reads a million index entries to say "a million".
 */
export async function taskListQueries(actor: Actor, query: TaskListQuery, now: Date = new Date(), countLimit = countLimitOf(query)) {
  const today = cityDate(now);
  const where = taskFilters(actor, query, today);
  const withAction = filtersReadAction(query);
  const db = await getDb();
  const { limit, offset } = pageOf(query);

  let ids = db.select({ id: tasks.id }).from(tasks).$dynamic();
  if (withAction || query.sort === 'number') ids = ids.innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId));
  if (query.sort === 'department') ids = ids.innerJoin(departments, eq(departments.id, tasks.departmentId));
  const pageIds = ids.where(where).orderBy(...orderOf(query)).limit(limit).offset(offset).as('page_ids');

  const page = db
    .select(taskColumns(today))
    .from(pageIds)
    .innerJoin(tasks, eq(tasks.id, pageIds.id))
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .orderBy(...orderOf(query));

  let matching = db.select({ one: sql`1` }).from(tasks).$dynamic();
  if (withAction) matching = matching.innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId));
  const bounded = matching.where(where).limit(countLimit + 1).as('matching');
  return { page, count: db.select({ value: count() }).from(bounded), countLimit };
}

/**
 * One page of the task table: filtered, searched, sorted and paged in SQL, with the count.
 * `total` is exact when `exact`; otherwise more than `total` tasks match (see `countLimitOf`).
 */
export async function listTasks(actor: Actor, query: TaskListQuery, now: Date = new Date(), countCap = taskCountCap) {
  const { page, count, countLimit } = await taskListQueries(actor, query, now, countLimitOf(query, countCap));
  const [rows, [counted]] = await Promise.all([page, count]);
  const value = counted?.value ?? 0;
  return { rows, total: Math.min(value, countLimit), exact: value <= countLimit };
}
export type TaskListRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

/** Where a keyset page resumes: the last row's value of the sort column, and its id. */
export interface TaskListKey {
  value: string | number;
  id: number;
}

/**
 * Up to `limit` rows matching the filters after `key` in the list's order (from the start without
 * one), each with its `sortKey`, so the next call resumes after the last (the API's cursors).
 */
export async function listTasksAfter(actor: Actor, query: TaskListQuery, key: TaskListKey | undefined, limit: number, now: Date = new Date()) {
  const today = cityDate(now);
  const db = await getDb();
  return db
    .select({ ...taskColumns(today), sortKey: taskSortColumns[query.sort ?? 'dueDate'] })
    .from(tasks)
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(taskFilters(actor, query, today), key && after(query, key)))
    .orderBy(...orderOf(query))
    .limit(limit);
}

/**
 * Every row matching the filters, in batches, so an export never holds them all in memory.
 * Each batch resumes after the last row of the one before (keyset), so the ten-thousandth
 * batch costs what the first does.
 */
export async function* iterateTasks(actor: Actor, query: TaskListQuery, now: Date = new Date(), batchSize = 2_000) {
  let last: TaskListKey | undefined;
  for (;;) {
    const rows = await listTasksAfter(actor, query, last, batchSize, now);
    const end = rows.at(-1);
    if (end) {
      last = { value: end.sortKey, id: end.id };
      yield rows.map(({ sortKey: _, ...row }) => row);
    }
    if (rows.length < batchSize) return;
  }
}
