import type { DbHandle } from '../../db/client';
import type { Actor } from '../../lib/auth/actor';
import type { TaskListQuery } from '../../lib/data/task-list';
import { queryRows } from './dataset';

export interface BenchCase {
  name: string;
  actor: Actor;
  query: TaskListQuery;
}

const actor = (role: Actor['role'], departmentId: number | null): Actor => ({
  id: 0,
  username: `bench-${role}`,
  name: `bench ${role}`,
  role,
  departmentId,
  locale: null,
});

const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** The views people open most, for a secretary (all tasks) and for the busiest department's head. */
export async function benchCases(handle: DbHandle, today: string): Promise<{ cases: BenchCase[]; notes: string[] }> {
  const [busiest] = await queryRows<{ id: number; n: number }>(
    handle,
    `SELECT department_id id, count(*)::int n FROM tasks GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
  );
  // The latest conference whose tasks are still being worked on.
  const [recent] = await queryRows<{ id: number; n: number }>(
    handle,
    `SELECT conference_id id, count(*)::int n FROM tasks WHERE conference_id = (SELECT max(conference_id) FROM tasks) GROUP BY 1`,
  );
  const secretary = actor('secretary', null);
  const head = actor('department_head', busiest!.id);
  const cases: BenchCase[] = [
    { name: 'default: page 1 by due date', actor: secretary, query: {} },
    { name: 'page 500', actor: secretary, query: { page: 500 } },
    { name: 'status in_progress', actor: secretary, query: { status: ['in_progress'] } },
    { name: 'status completed, due desc, page 500', actor: secretary, query: { status: ['completed'], sort: 'dueDate', dir: 'desc', page: 500 } },
    { name: 'light red', actor: secretary, query: { light: ['red'] } },
    { name: 'light yellow', actor: secretary, query: { light: ['yellow'] } },
    { name: 'light red, page 500', actor: secretary, query: { light: ['red'], page: 500 } },
    { name: 'department', actor: secretary, query: { departmentId: [busiest!.id] } },
    { name: 'conference', actor: secretary, query: { conferenceId: recent!.id } },
    { name: 'overdue only', actor: secretary, query: { overdue: true } },
    { name: 'due in the next 30 days', actor: secretary, query: { dueFrom: today, dueTo: addDays(today, 30) } },
    { name: 'search 重大危险源', actor: secretary, query: { q: '重大危险源' } },
    { name: 'search HAZOP', actor: secretary, query: { q: 'HAZOP' } },
    { name: 'search 尾矿库 + open statuses', actor: secretary, query: { q: '尾矿库', status: ['assigned', 'acknowledged', 'in_progress'] } },
    { name: 'sort progress desc', actor: secretary, query: { sort: 'progress', dir: 'desc' } },
    { name: 'sort number', actor: secretary, query: { sort: 'number' } },
    { name: 'sort department', actor: secretary, query: { sort: 'department' } },
    { name: 'sort status, page 500', actor: secretary, query: { sort: 'status', page: 500 } },
    { name: 'head: default', actor: head, query: {} },
    { name: 'head: page 300 (near its last)', actor: head, query: { page: 300 } },
    { name: 'head: overdue only', actor: head, query: { overdue: true } },
    { name: 'head: light yellow', actor: head, query: { light: ['yellow'] } },
    { name: 'head: search 重大危险源', actor: head, query: { q: '重大危险源' } },
  ];
  return {
    cases,
    notes: [
      `department head: department ${busiest!.id}, the busiest, with ${busiest!.n.toLocaleString('en')} tasks`,
      `conference ${recent!.id}: the latest, with ${recent!.n.toLocaleString('en')} tasks`,
    ],
  };
}
