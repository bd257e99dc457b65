import { z } from 'zod';
import type { TaskListFilters, TaskListQuery } from '@/lib/data/task-list';
import type { TrafficLight } from '@/lib/domain/task-light';
import { taskStatuses } from '@/lib/domain/task-state';
import { dayFilter, defineList, enumFilter, idFilter, type ParsedList } from './list-query';

export const trafficLights = ['green', 'yellow', 'red'] as const satisfies readonly TrafficLight[];
export const taskRoles = ['lead', 'support'] as const;
export const taskPriorities = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * Several values of one filter in one URL value, comma-separated (`?status=assigned,in_progress`),
 * which is how tableUrlState writes an array back. Unknown items are dropped and repeats kept once;
 * with nothing valid left the filter is off.
 */
export function multiFilter<T>(item: z.ZodType<T, string>) {
  return z
    .string()
    .max(2_000)
    .transform((value) => [
      ...new Set(
        value
          .split(',')
          .map((part) => item.safeParse(part.trim()))
          .flatMap((result) => (result.success ? [result.data] : [])),
      ),
    ])
    .pipe(z.array(z.custom<T>()).min(1).max(200));
}

const categoryCode = z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/);

/**
 * The task table's URL (`/tasks?status=&light=&departmentId=&…`), shared by the page and the CSV
 * export so an export holds exactly the rows the table shows. Sort ids are taskSortColumns.
 */
export const taskListConfig = defineList({
  sort: ['dueDate', 'number', 'department', 'status', 'progress'],
  defaultSort: 'dueDate',
  defaultDir: 'asc',
  hideable: ['title', 'department', 'role', 'dueDate', 'status', 'light', 'progress'],
  filters: {
    status: multiFilter(enumFilter(taskStatuses)),
    light: multiFilter(enumFilter(trafficLights)),
    departmentId: multiFilter(idFilter),
    role: enumFilter(taskRoles),
    conferenceId: idFilter,
    categoryCode: multiFilter(categoryCode),
    priority: multiFilter(enumFilter(taskPriorities)),
    dueFrom: dayFilter,
    dueTo: dayFilter,
    overdue: z.literal('1').transform(() => true),
    // City days on which the office verified the work (the dashboard's "completed this quarter").
    completedFrom: dayFilter,
    completedTo: dayFilter,
  },
});

export type TaskListState = ParsedList<typeof taskListConfig>;

/** The parsed URL as listTasks / iterateTasks take it. */
export function toTaskListQuery(state: TaskListState): TaskListQuery {
  return {
    q: state.q,
    sort: state.sort,
    dir: state.dir,
    page: state.page,
    pageSize: state.pageSize,
    status: state.status,
    light: state.light,
    departmentId: state.departmentId,
    role: state.role,
    conferenceId: state.conferenceId,
    categoryCode: state.categoryCode,
    priority: state.priority,
    dueFrom: state.dueFrom,
    dueTo: state.dueTo,
    overdue: state.overdue,
    completedFrom: state.completedFrom,
    completedTo: state.completedTo,
  };
}

/**
 * The task table's URL for these filters, the inverse of parsing it: `/tasks?status=…&overdue=1`.
 * Other pages link to the rows they count with it (dashboard, My department).
 */
export function taskTableHref(filters: TaskListFilters): string {
  const params = new URLSearchParams();
  for (const key of Object.keys(taskListConfig.filters) as (keyof TaskListFilters)[]) {
    const value = filters[key];
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue;
    params.set(key, value === true ? '1' : Array.isArray(value) ? value.join(',') : String(value));
  }
  const query = params.toString();
  return query ? `/tasks?${query}` : '/tasks';
}
