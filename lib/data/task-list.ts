import 'server-only';
import { type SQL, and, asc, count, desc, eq, gte, ilike, inArray, lte, or, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { departments, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import type { TrafficLight } from '@/lib/domain/task-light';
import type { TaskStatus } from '@/lib/domain/task-state';
import { departmentScope } from './guard';
import { type ListQuery, pageOf } from './list-query';
import { overdueSql, trafficLightSql } from './task-light-sql';

export const taskSortColumns = {
  dueDate: tasks.dueDate,
  number: requestedActions.number,
  department: departments.sortOrder,
  status: tasks.status,
  progress: tasks.progress,
} as const;

export interface TaskListQuery extends ListQuery<keyof typeof taskSortColumns> {
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
}

function taskFilters(actor: Actor, query: TaskListQuery, today: string): SQL | undefined {
  const light = trafficLightSql(today);
  const q = query.q?.trim();
  return and(
    departmentScope(actor, 'task.read', tasks.departmentId),
    query.status?.length ? inArray(tasks.status, query.status) : undefined,
    query.light?.length ? sql`${light} IN (${sql.join(query.light.map((l) => sql`${l}`), sql`, `)})` : undefined,
    query.departmentId?.length ? inArray(tasks.departmentId, query.departmentId) : undefined,
    query.role ? eq(tasks.role, query.role) : undefined,
    query.conferenceId ? eq(tasks.conferenceId, query.conferenceId) : undefined,
    query.categoryCode?.length ? inArray(requestedActions.categoryCode, query.categoryCode) : undefined,
    query.priority?.length ? inArray(requestedActions.priority, query.priority) : undefined,
    query.dueFrom ? gte(tasks.dueDate, query.dueFrom) : undefined,
    query.dueTo ? lte(tasks.dueDate, query.dueTo) : undefined,
    query.overdue ? overdueSql(today) : undefined,
    q ? or(ilike(requestedActions.title, `%${q}%`), ilike(requestedActions.details, `%${q}%`), ilike(requestedActions.number, `%${q}%`)) : undefined,
  );
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

function orderOf(query: TaskListQuery) {
  const column = taskSortColumns[query.sort ?? 'dueDate'];
  return [query.dir === 'desc' ? desc(column) : asc(column), query.dir === 'desc' ? desc(tasks.id) : asc(tasks.id)];
}

/** One page of the task table: filtered, searched, sorted and paged in SQL, with the count. */
export async function listTasks(actor: Actor, query: TaskListQuery, now: Date = new Date()) {
  const today = cityDate(now);
  const where = taskFilters(actor, query, today);
  const db = await getDb();
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(taskColumns(today))
      .from(tasks)
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(...orderOf(query))
      .limit(limit)
      .offset(offset),
    db
      .select({ value: count() })
      .from(tasks)
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}
export type TaskListRow = Awaited<ReturnType<typeof listTasks>>['rows'][number];

/** Every row matching the filters, in batches, so an export never holds them all in memory. */
export async function* iterateTasks(actor: Actor, query: TaskListQuery, now: Date = new Date(), batchSize = 2_000) {
  const today = cityDate(now);
  const where = taskFilters(actor, query, today);
  const db = await getDb();
  for (let offset = 0; ; offset += batchSize) {
    const rows = await db
      .select(taskColumns(today))
      .from(tasks)
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .innerJoin(departments, eq(departments.id, tasks.departmentId))
      .where(where)
      .orderBy(...orderOf(query))
      .limit(batchSize)
      .offset(offset);
    if (rows.length) yield rows;
    if (rows.length < batchSize) return;
  }
}
