import { describe, expect, expectTypeOf, it } from 'vitest';
import type { TaskListFilters } from '@/lib/data/task-list';
import type { TaskStatus } from '@/lib/domain/task-state';
import { parseListQuery, tableUrlState } from './list-query';
import { taskListConfig, taskTableHref, toTaskListQuery } from './task-list';

describe('taskListConfig', () => {
  it('sorts by due date, soonest first, with no filter for an empty URL', () => {
    const state = parseListQuery(taskListConfig, {});
    expect(state).toMatchObject({ sort: 'dueDate', dir: 'asc', page: 1, pageSize: 20, hide: [] });
    expect(toTaskListQuery(state)).toEqual({ sort: 'dueDate', dir: 'asc', page: 1, pageSize: 20 });
  });

  it('reads every filter of a valid URL into a TaskListQuery', () => {
    const state = parseListQuery(taskListConfig, {
      q: ' 隐患 排查 ',
      sort: 'progress',
      dir: 'desc',
      page: '2',
      pageSize: '50',
      hide: 'role,progress',
      status: 'assigned,in_progress',
      light: 'red,yellow',
      departmentId: '3,12',
      role: 'lead',
      conferenceId: '7',
      categoryCode: 'fire,road-traffic',
      priority: 'high,urgent',
      dueFrom: '2018-03-01',
      dueTo: '2018-06-30',
      overdue: '1',
      completedFrom: '2018-04-01',
      completedTo: '2018-06-30',
    });
    expect(toTaskListQuery(state)).toEqual({
      q: '隐患 排查',
      sort: 'progress',
      dir: 'desc',
      page: 2,
      pageSize: 50,
      status: ['assigned', 'in_progress'],
      light: ['red', 'yellow'],
      departmentId: [3, 12],
      role: 'lead',
      conferenceId: 7,
      categoryCode: ['fire', 'road-traffic'],
      priority: ['high', 'urgent'],
      dueFrom: '2018-03-01',
      dueTo: '2018-06-30',
      overdue: true,
      completedFrom: '2018-04-01',
      completedTo: '2018-06-30',
    });
    expect(state.hide).toEqual(['role', 'progress']);
    expectTypeOf(state.status).toEqualTypeOf<TaskStatus[] | undefined>();
    expectTypeOf(state.departmentId).toEqualTypeOf<number[] | undefined>();
    expectTypeOf(state.sort).toEqualTypeOf<'dueDate' | 'number' | 'department' | 'status' | 'progress'>();
  });

  it('drops unknown and repeated items of a multi-value filter, and turns it off when none is left', () => {
    const state = parseListQuery(
      taskListConfig,
      new URLSearchParams('status=assigned,bogus,assigned&light=blue&departmentId=4,-1,x,0,4&priority=,'),
    );
    expect(state.status).toEqual(['assigned']);
    expect(state.light).toBeUndefined();
    expect(state.departmentId).toEqual([4]);
    expect(state.priority).toBeUndefined();
  });

  it('falls back for values that do not parse, never throwing', () => {
    const state = parseListQuery(taskListConfig, {
      sort: 'title',
      role: 'chief',
      conferenceId: 'abc',
      categoryCode: "'; drop table tasks; --",
      dueFrom: '2018-02-30',
      dueTo: '30/06/2018',
      overdue: 'true',
      completedFrom: '2018-13-01',
      completedTo: 'yesterday',
    });
    expect(toTaskListQuery(state)).toEqual({ sort: 'dueDate', dir: 'asc', page: 1, pageSize: 20 });
  });

  it('hands the client the multi-value filters as they stand in the URL', () => {
    const state = parseListQuery(taskListConfig, { status: 'submitted,completed', overdue: '1', dueFrom: '2018-01-01' });
    expect(tableUrlState(taskListConfig, state, 9).filters).toMatchObject({
      status: 'submitted,completed',
      overdue: 'true',
      dueFrom: '2018-01-01',
      light: undefined,
    });
  });

  it('writes filters back as the URL the table reads, so other pages can link to exactly their rows', () => {
    expect(taskTableHref({})).toBe('/tasks');
    const filters: TaskListFilters = {
      status: ['assigned', 'in_progress'],
      departmentId: [3, 12],
      conferenceId: 7,
      dueFrom: '2018-03-01',
      overdue: true,
      completedFrom: '2018-04-01',
      completedTo: '2018-06-30',
    };
    // An empty list is no filter.
    const href = taskTableHref({ ...filters, light: [] });
    expect(href).toBe('/tasks?status=assigned%2Cin_progress&departmentId=3%2C12&conferenceId=7&dueFrom=2018-03-01&overdue=1&completedFrom=2018-04-01&completedTo=2018-06-30');
    const parsed = toTaskListQuery(parseListQuery(taskListConfig, new URLSearchParams(href.split('?')[1])));
    expect(parsed).toEqual({ sort: 'dueDate', dir: 'asc', page: 1, pageSize: 20, ...filters });
  });
});
