import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import { taskStatuses } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { type TaskListQuery, type TaskListRow, countLimitOf, iterateTasks, listTasks, taskCountCap, taskListQueries, taskSortColumns } from './task-list';

const t = useTestDb();
const now = new Date('2026-05-20T10:00:00+08:00');
let secretary: Actor;
let head: Actor;
let deptIds: number[];
const sortOrders = new Map<number, number>();

beforeAll(async () => {
  // Two departments share a sort order, so the id must settle their tasks' order.
  const depts = [await makeDepartment(t.db, { sortOrder: 2 }), await makeDepartment(t.db, { sortOrder: 1 }), await makeDepartment(t.db, { sortOrder: 1 })];
  deptIds = depts.map((d) => d.id);
  for (const d of depts) sortOrders.set(d.id, d.sortOrder);
  secretary = await makeActor(t.db, 'secretary');
  head = await makeActor(t.db, 'department_head', deptIds[0]!);
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  const titles = ['重大危险源专项整治', '消防安全检查', '开展 HAZOP 分析', '道路交通隐患排查'];
  const actions = await t.db
    .insert(requestedActions)
    .values(
      Array.from({ length: 12 }, (_, i) => ({
        conferenceId: conf!.id,
        seq: i + 1,
        // Repeated numbers and titles: ties that only the id can order.
        number: `2026-Q1-0${i % 4}`,
        title: titles[i % 4]!,
        details: i % 3 === 0 ? '按照 GB 50016 核查防火间距' : '建立问题清单',
      })),
    )
    .returning();
  const completionTimes = ['2026-03-31T23:30:00+08:00', '2026-04-01T00:30:00+08:00', '2026-04-30T23:59:00+08:00', '2026-05-01T00:00:00+08:00'].map((d) => new Date(d));
  // A fixed linear congruential sequence, so a failure can be reproduced.
  let s = 7;
  const rand = () => (s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const rows = [];
  for (const action of actions) {
    for (const departmentId of deptIds) {
      if (rand() < 0.25) continue;
      const due = ['2026-04-30', '2026-05-21', '2026-06-30', '2026-09-30'][Math.floor(rand() * 4)]!;
      const status = taskStatuses[Math.floor(rand() * taskStatuses.length)]!;
      rows.push({
        actionId: action.id,
        conferenceId: conf!.id,
        departmentId,
        status,
        // Verified around the ends of a city day (UTC+8): the day filters must cut at local midnight.
        completedAt: status === 'completed' ? completionTimes[rows.length % completionTimes.length] : null,
        progress: [0, 20, 50, 100][Math.floor(rand() * 4)]!,
        assignedAt: new Date('2026-03-21T09:00:00+08:00'),
        dueDate: due,
        originalDueDate: due,
        acknowledgeBy: rand() < 0.5 ? '2026-03-25' : null,
      });
    }
  }
  await t.db.insert(tasks).values(rows);
});

/** Every row of the list, page after page, as the table shows them. */
async function allPages(actor: Actor, query: TaskListQuery): Promise<{ rows: TaskListRow[]; total: number }> {
  const rows: TaskListRow[] = [];
  let total = 0;
  for (let page = 1; ; page++) {
    const result = await listTasks(actor, { ...query, page, pageSize: 10 }, now);
    total = result.total;
    rows.push(...result.rows);
    if (result.rows.length < 10) return { rows, total };
  }
}

async function exported(actor: Actor, query: TaskListQuery, batchSize: number): Promise<TaskListRow[]> {
  const rows: TaskListRow[] = [];
  for await (const batch of iterateTasks(actor, query, now, batchSize)) rows.push(...batch);
  return rows;
}

const sortValue = (row: TaskListRow, sort: keyof typeof taskSortColumns) =>
  sort === 'department' ? sortOrders.get(row.departmentId)! : sort === 'status' ? taskStatuses.indexOf(row.status) : row[sort === 'dueDate' ? 'dueDate' : sort];

describe('listTasks and iterateTasks order', () => {
  for (const sort of Object.keys(taskSortColumns) as Array<keyof typeof taskSortColumns>) {
    for (const dir of ['asc', 'desc'] as const) {
      it(`sort by ${sort} ${dir}: pages and the export agree, ties broken by id`, async () => {
        const { rows, total } = await allPages(secretary, { sort, dir });
        expect(rows).toHaveLength(total);
        const sign = dir === 'asc' ? 1 : -1;
        for (let i = 1; i < rows.length; i++) {
          const [a, b] = [sortValue(rows[i - 1]!, sort), sortValue(rows[i]!, sort)];
          const order = a < b ? -1 : a > b ? 1 : Math.sign(rows[i - 1]!.id - rows[i]!.id);
          expect(order * sign).toBe(-1);
        }
        // Batches of 4 end inside runs of equal values, where the keyset must resume by id.
        expect((await exported(secretary, { sort, dir }, 4)).map((r) => r.id)).toEqual(rows.map((r) => r.id));
      });
    }
  }
});

describe('listTasks filters and counts', () => {
  it('counts what it pages, with and without the action join', async () => {
    const everything = await allPages(secretary, {});
    for (const query of [{ q: '重大危险源' }, { q: 'hazop' }, { q: 'GB 50016' }, { q: 'Q1-02' }, { sort: 'number' as const }, { priority: ['normal' as const] }]) {
      const { rows, total } = await allPages(secretary, query);
      expect(rows).toHaveLength(total);
      if (!query.q) expect(total).toBe(everything.total);
    }
    expect((await listTasks(secretary, { q: '重大危险源' }, now)).rows.every((r) => r.title === '重大危险源专项整治')).toBe(true);
    expect((await listTasks(secretary, { q: 'hazop' }, now)).rows.every((r) => r.title.includes('HAZOP'))).toBe(true);
  });

  it('filters by light exactly as the light column reads, alone and combined', async () => {
    const everything = (await allPages(secretary, {})).rows;
    for (const lights of [['red'], ['yellow'], ['green'], ['red', 'green'], ['red', 'yellow', 'green']] as const) {
      const { rows, total } = await allPages(secretary, { light: [...lights] });
      const expected = everything.filter((r) => r.light !== null && (lights as readonly string[]).includes(r.light));
      expect(rows.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      expect(total).toBe(expected.length);
    }
    expect(new Set(everything.map((r) => r.light))).toEqual(new Set(['red', 'yellow', 'green', null]));
  });

  it('filters by status and overdue through the same statuses the partial index holds', async () => {
    const everything = (await allPages(secretary, {})).rows;
    const working = await allPages(secretary, { status: ['assigned', 'in_progress'] });
    expect(working.rows.map((r) => r.id).sort()).toEqual(everything.filter((r) => ['assigned', 'in_progress'].includes(r.status)).map((r) => r.id).sort());
    const overdue = await allPages(secretary, { overdue: true });
    expect(overdue.rows.map((r) => r.id).sort()).toEqual(everything.filter((r) => r.overdue).map((r) => r.id).sort());
  });

  it('filters by the city day of verification, both ends included', async () => {
    const everything = (await allPages(secretary, {})).rows;
    const completed = await t.db.select({ id: tasks.id, completedAt: tasks.completedAt }).from(tasks);
    const day = new Map(completed.map((r) => [r.id, r.completedAt ? cityDate(r.completedAt) : null]));
    for (const [from, to] of [['2026-04-01', '2026-04-30'], ['2026-04-01', undefined], [undefined, '2026-03-31'], ['2026-05-01', '2026-05-01']] as const) {
      const { rows, total } = await allPages(secretary, { completedFrom: from, completedTo: to });
      const expected = everything.filter((r) => {
        const d = day.get(r.id);
        return d != null && (!from || d >= from) && (!to || d <= to);
      });
      expect(expected.length, `${from}..${to}`).toBeGreaterThan(0);
      expect(rows.map((r) => r.id).sort(), `${from}..${to}`).toEqual(expected.map((r) => r.id).sort());
      expect(total).toBe(expected.length);
    }
  });

  it("keeps a department head to their department's tasks in pages and in the export", async () => {
    const mine = await allPages(head, { sort: 'department' });
    expect(mine.total).toBeGreaterThan(0);
    expect(mine.rows.every((r) => r.departmentId === deptIds[0])).toBe(true);
    expect((await exported(head, {}, 3)).map((r) => r.departmentId)).toEqual(mine.rows.map(() => deptIds[0]));
    expect((await listTasks(head, { departmentId: [deptIds[1]!] }, now)).total).toBe(0);
  });

  it('returns an empty page past the end with the full count', async () => {
    const result = await listTasks(secretary, { page: 99, pageSize: 10 }, now);
    expect(result.rows).toEqual([]);
    expect(result.total).toBeGreaterThan(0);
  });
});

describe('listTasks bounded count', () => {
  it('counts exactly up to the cap', async () => {
    const { total } = await allPages(secretary, {});
    // The cap reaches ten pages past the page shown: 10 rows of pageSize 1 here, below the total.
    expect(total).toBeGreaterThan(10);
    const exact = await listTasks(secretary, { pageSize: 1 }, now, total);
    expect(exact).toMatchObject({ total, exact: true });
    const filtered = await listTasks(secretary, { q: '重大危险源', pageSize: 1 }, now, 5);
    expect(filtered.exact).toBe(filtered.total <= 10);
  });

  it('says "more than" above the cap, and the bound moves on with the page so paging goes past it', async () => {
    const { rows: all, total } = await allPages(secretary, {});
    const first = await listTasks(secretary, { pageSize: 1 }, now, 5);
    expect(first).toMatchObject({ total: 10, exact: false });
    expect(first.rows.map((r) => r.id)).toEqual([all[0]!.id]);
    // Page 12 is past the first bound; it still has its row, and a bound of 11 + 10 rows.
    const beyond = await listTasks(secretary, { pageSize: 1, page: 12 }, now, 5);
    expect(beyond.rows.map((r) => r.id)).toEqual([all[11]!.id]);
    expect(beyond).toMatchObject({ total: Math.min(total, 21), exact: total <= 21 });
    // Near the end the bound covers every row again, so the count is exact.
    expect(await listTasks(secretary, { pageSize: 1, page: total - 2 }, now, 5)).toMatchObject({ total, exact: true });
    // Search joins the action in the count; the bound holds there too.
    const searched = await allPages(secretary, { q: 'GB 50016' });
    expect(searched.total).toBeGreaterThan(3);
    expect(await listTasks(secretary, { q: 'GB 50016', pageSize: 1 }, now, 1)).toMatchObject({
      total: Math.min(searched.total, 10),
      exact: searched.total <= 10,
    });
  });

  it('stops the count statement itself at the bound, not after counting everything', async () => {
    const { count } = await taskListQueries(secretary, { q: 'GB 50016' }, now, 7);
    const { sql, params } = count.toSQL();
    expect(sql).toMatch(/^select count\(\*\) from \(select 1 .* limit \$\d+\) "matching"$/i);
    expect(params.at(-1)).toBe(8);
    expect(await count).toEqual([{ value: 8 }]);
  });

  it('reads at least the cap and ten pages past the page shown', () => {
    expect(countLimitOf({})).toBe(taskCountCap);
    expect(countLimitOf({ page: 500, pageSize: 25 }, 10_000)).toBe(499 * 25 + 250);
    expect(countLimitOf({ page: 3, pageSize: 10 }, 5)).toBe(120);
  });
});
