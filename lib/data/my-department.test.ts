import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { TaskStatus } from '@/lib/domain/task-state';
import { parseListQuery } from '@/lib/validation/list-query';
import { taskListConfig, toTaskListQuery } from '@/lib/validation/task-list';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { type MyDepartmentGroup, groupTableParams, listMyDepartmentGroup, myDepartmentCounts, myDepartmentGroups, myDepartmentOverview } from './my-department';
import { listTasks } from './task-list';

const t = useTestDb();
const now = new Date('2026-05-20T08:00:00+08:00'); // today 2026-05-20, due soon until 2026-05-23
let head: Actor;
let otherHead: Actor;
let homeless: Actor;
let secretary: Actor;
let leader: Actor;
let admin: Actor;
const numbers: Record<string, number> = {};

type Move = [kind: (typeof followUps.$inferInsert)['kind'], from: TaskStatus | null, to: TaskStatus];
const returnedHistory: Move[] = [['assign', null, 'assigned'], ['acknowledge', 'assigned', 'acknowledged'], ['submit', 'acknowledged', 'submitted'], ['return', 'submitted', 'in_progress']];

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  const other = await makeDepartment(t.db);
  head = await makeActor(t.db, 'department_head', dept.id);
  otherHead = await makeActor(t.db, 'department_head', other.id);
  // The database refuses such a user; an actor could only arrive this way through a bug.
  homeless = { ...head, departmentId: null };
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  admin = await makeActor(t.db, 'admin');
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  const specs: { name: string; dept?: number; status: TaskStatus; dueDate: string; returnCount?: number; history?: Move[] }[] = [
    { name: 'new-late', status: 'assigned', dueDate: '2026-05-10' },
    { name: 'new', status: 'assigned', dueDate: '2026-07-30' },
    { name: 'overdue', status: 'acknowledged', dueDate: '2026-05-10' },
    { name: 'soon', status: 'in_progress', dueDate: '2026-05-22' },
    { name: 'soon-last-day', status: 'in_progress', dueDate: '2026-05-23' },
    { name: 'later', status: 'in_progress', dueDate: '2026-05-24' },
    { name: 'returned-late', status: 'in_progress', dueDate: '2026-05-15', returnCount: 1, history: returnedHistory },
    {
      name: 'returned-then-reassigned', status: 'in_progress', dueDate: '2026-07-30', returnCount: 1,
      history: [...returnedHistory, ['reassign', 'in_progress', 'assigned'], ['acknowledge', 'assigned', 'acknowledged'], ['progress', 'acknowledged', 'in_progress']],
    },
    {
      name: 'returned-worked-on', status: 'in_progress', dueDate: '2026-06-30', returnCount: 1,
      history: [...returnedHistory, ['progress', 'in_progress', 'in_progress'], ['comment', 'in_progress', 'in_progress']],
    },
    { name: 'submitted', status: 'submitted', dueDate: '2026-05-10' },
    { name: 'completed', status: 'completed', dueDate: '2026-05-10' },
    { name: 'cancelled', status: 'cancelled', dueDate: '2026-05-10' },
    { name: 'elsewhere', dept: other.id, status: 'assigned', dueDate: '2026-05-10' },
  ];
  for (const [i, spec] of specs.entries()) {
    const [action] = await t.db
      .insert(requestedActions)
      .values({ conferenceId: conf!.id, seq: i + 1, number: `M-${String(i + 1).padStart(2, '0')}`, title: `事项 ${spec.name}`, titleEn: `Item ${spec.name}` })
      .returning();
    const [task] = await t.db
      .insert(tasks)
      .values({
        actionId: action!.id, conferenceId: conf!.id, departmentId: spec.dept ?? dept.id, status: spec.status, dueDate: spec.dueDate,
        originalDueDate: spec.dueDate, returnCount: spec.returnCount ?? 0, assignedAt: new Date('2026-04-01T09:00:00+08:00'),
      })
      .returning();
    numbers[spec.name] = task!.id;
    for (const [j, [kind, fromStatus, toStatus]] of (spec.history ?? []).entries()) {
      await t.db.insert(followUps).values({ taskId: task!.id, kind, fromStatus, toStatus, createdAt: new Date(Date.parse('2026-04-01T10:00:00+08:00') + j * 86_400_000) });
    }
  }
});

const ids = (...names: string[]) => names.map((n) => numbers[n]);

describe('My department', () => {
  it('counts each group of the head’s own open tasks in one query', async () => {
    expect(await myDepartmentCounts(head, now)).toEqual({
      new: 2, overdue: 2, dueSoon: 2, returned: 2, inProgress: 3, submitted: 1,
      // new-late, new, overdue, returned-late, returned-worked-on: each once.
      needsAction: 5,
    });
  });

  it('lists each group’s tasks by due date with their light and progress', async () => {
    const expected: Record<MyDepartmentGroup, number[]> = {
      new: ids('new-late', 'new'),
      overdue: ids('overdue', 'returned-late'),
      dueSoon: ids('soon', 'soon-last-day'),
      returned: ids('returned-late', 'returned-worked-on'),
      inProgress: ids('later', 'returned-worked-on', 'returned-then-reassigned'),
      submitted: ids('submitted'),
    } as Record<MyDepartmentGroup, number[]>;
    for (const group of myDepartmentGroups) {
      const rows = await listMyDepartmentGroup(head, group, {}, now);
      expect(rows.map((r) => r.id), group).toEqual(expected[group]);
    }
    const [late] = await listMyDepartmentGroup(head, 'overdue', { pageSize: 1 }, now);
    expect(late).toMatchObject({ number: 'M-03', title: '事项 overdue', titleEn: 'Item overdue', dueDate: '2026-05-10', light: 'red', progress: 0 });
    const page2 = await listMyDepartmentGroup(head, 'inProgress', { page: 2, pageSize: 2 }, now);
    expect(page2.map((r) => r.id)).toEqual(ids('returned-then-reassigned'));
    expect((await listMyDepartmentGroup(head, 'dueSoon', {}, now)).map((r) => r.light)).toEqual(['yellow', 'yellow']);
  });

  it('links each group to task-table filters that select exactly its rows', async () => {
    const counts = await myDepartmentCounts(head, now);
    for (const group of myDepartmentGroups) {
      const params = groupTableParams(group, now);
      if (group === 'returned') {
        expect(params).toBeNull();
        continue;
      }
      const query = toTaskListQuery(parseListQuery(taskListConfig, params!));
      const table = await listTasks(head, { ...query, pageSize: 100 }, now);
      expect(table.total, group).toBe(counts[group]);
      const listed = await listMyDepartmentGroup(head, group, { pageSize: 100 }, now);
      expect(table.rows.map((r) => r.id), group).toEqual(listed.map((r) => r.id));
    }
  });

  it('shows a head only their own department, and a head without one nothing', async () => {
    expect(await myDepartmentCounts(otherHead, now)).toMatchObject({ new: 1, overdue: 0, submitted: 0, needsAction: 1 });
    expect((await listMyDepartmentGroup(otherHead, 'new', {}, now)).map((r) => r.id)).toEqual(ids('elsewhere'));
    const none = await myDepartmentOverview(homeless, 5, now);
    expect(none.counts.needsAction).toBe(0);
    expect(none.groups.every((g) => g.count === 0 && g.rows.length === 0)).toBe(true);
  });

  it('refuses secretaries, leaders and admins: they have no department work', async () => {
    for (const actor of [secretary, leader, admin]) {
      await expect(myDepartmentCounts(actor, now)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listMyDepartmentGroup(actor, 'new', {}, now)).rejects.toMatchObject({ code: 'forbidden' });
    }
  });

  it('gives the overview with the due-soon window it used', async () => {
    const overview = await myDepartmentOverview(head, 1, now);
    expect(overview).toMatchObject({ today: '2026-05-20', dueSoonDays: 3 });
    expect(overview.groups.map((g) => [g.key, g.count, g.rows.length])).toEqual([
      ['new', 2, 1], ['overdue', 2, 1], ['dueSoon', 2, 1], ['returned', 2, 1], ['inProgress', 3, 1], ['submitted', 1, 1],
    ]);
    expect(overview.groups.find((g) => g.key === 'dueSoon')!.tableParams).toEqual({ status: 'acknowledged,in_progress', dueFrom: '2026-05-20', dueTo: '2026-05-23' });
  });
});
