import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { earlierPeriod, quarterPeriod, rangePeriod, yearPeriod } from '@/lib/domain/period';
import type { TaskStatus } from '@/lib/domain/task-state';
import { parseListQuery } from '@/lib/validation/list-query';
import { taskListConfig, toTaskListQuery } from '@/lib/validation/task-list';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import {
  type DashboardFigure,
  cityWeek,
  dashboard,
  dashboardCounts,
  dashboardFigures,
  dashboardLinks,
  dashboardTrend,
  departmentFigures,
  trendPeriod,
} from './dashboard';
import { defaultReportPeriod as dashboardDefaultPeriod } from './report-period';
import { listTasks } from './task-list';

// Today is Wednesday 2026-05-20 in the city: this week runs 18–24 May, the quarter April to June.
const t = useTestDb();
const now = new Date('2026-05-20T10:00:00+08:00');
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);
let a: number;
let b: number;
let headA: Actor;
let headB: Actor;
let secretary: Actor;
let leader: Actor;
const ids: Record<string, number> = {};

interface Spec {
  dept: 'a' | 'b';
  status: TaskStatus;
  due: string;
  completed?: Date;
  assigned?: Date;
}

const specs: Record<string, Spec> = {
  // Not acknowledged, due yesterday: open, this week, overdue, not acknowledged.
  newLate: { dept: 'a', status: 'assigned', due: '2026-05-19' },
  newLater: { dept: 'a', status: 'assigned', due: '2026-07-01' },
  ackOverdue: { dept: 'a', status: 'acknowledged', due: '2026-05-10', assigned: at('2025-11-20') },
  dueSunday: { dept: 'a', status: 'in_progress', due: '2026-05-24' },
  dueNextMonday: { dept: 'a', status: 'in_progress', due: '2026-05-25' },
  dueLastSunday: { dept: 'a', status: 'in_progress', due: '2026-05-17' },
  // Handed in after its due date on Monday: this week, not overdue (the office holds it).
  submitted: { dept: 'a', status: 'submitted', due: '2026-05-18' },
  // Verified at 00:30 on 1 April in the city (still 31 March in UTC): this quarter.
  doneFirstDay: { dept: 'a', status: 'completed', due: '2026-04-30', completed: at('2026-04-01', '00:30') },
  doneLastQuarter: { dept: 'a', status: 'completed', due: '2026-04-30', completed: at('2026-03-31', '23:30'), assigned: at('2025-11-20') },
  doneLastDay: { dept: 'a', status: 'completed', due: '2026-06-15', completed: at('2026-06-30', '23:59') },
  doneNextQuarter: { dept: 'a', status: 'completed', due: '2026-07-15', completed: at('2026-07-01', '00:10') },
  cancelled: { dept: 'a', status: 'cancelled', due: '2026-05-19' },
  otherDueToday: { dept: 'b', status: 'assigned', due: '2026-05-20' },
  otherDone: { dept: 'b', status: 'completed', due: '2026-05-31', completed: at('2026-05-01') },
};

const expected: Record<'all' | 'a' | 'b', Record<DashboardFigure, string[]>> = {
  all: {
    open: ['newLate', 'newLater', 'ackOverdue', 'dueSunday', 'dueNextMonday', 'dueLastSunday', 'submitted', 'otherDueToday'],
    dueThisWeek: ['newLate', 'dueSunday', 'submitted', 'otherDueToday'],
    overdue: ['newLate', 'ackOverdue', 'dueLastSunday'],
    notAcknowledged: ['newLate', 'newLater', 'otherDueToday'],
    awaitingVerification: ['submitted'],
    completedThisQuarter: ['doneFirstDay', 'doneLastDay', 'otherDone'],
  },
  a: {
    open: ['newLate', 'newLater', 'ackOverdue', 'dueSunday', 'dueNextMonday', 'dueLastSunday', 'submitted'],
    dueThisWeek: ['newLate', 'dueSunday', 'submitted'],
    overdue: ['newLate', 'ackOverdue', 'dueLastSunday'],
    notAcknowledged: ['newLate', 'newLater'],
    awaitingVerification: ['submitted'],
    completedThisQuarter: ['doneFirstDay', 'doneLastDay'],
  },
  b: {
    open: ['otherDueToday'],
    dueThisWeek: ['otherDueToday'],
    overdue: [],
    notAcknowledged: ['otherDueToday'],
    awaitingVerification: [],
    completedThisQuarter: ['otherDone'],
  },
};

beforeAll(async () => {
  a = (await makeDepartment(t.db, { sortOrder: 1 })).id;
  b = (await makeDepartment(t.db, { sortOrder: 2 })).id;
  headA = await makeActor(t.db, 'department_head', a);
  headB = await makeActor(t.db, 'department_head', b);
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  for (const [i, [name, s]] of Object.entries(specs).entries()) {
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: i + 1, number: `D-${i + 1}`, title: name }).returning();
    const [task] = await t.db
      .insert(tasks)
      .values({
        actionId: action!.id, conferenceId: conf!.id, departmentId: s.dept === 'a' ? a : b, status: s.status, dueDate: s.due, originalDueDate: s.due,
        assignedAt: s.assigned ?? at('2026-04-10'), completedAt: s.completed, cancelledAt: s.status === 'cancelled' ? at('2026-05-02') : undefined,
      })
      .returning();
    ids[name] = task!.id;
  }
});

const idsOf = (names: string[]) => names.map((n) => ids[n]).sort((x, y) => x! - y!);

describe('dashboard figures', () => {
  it('knows the city week from Monday to Sunday', () => {
    expect(cityWeek('2026-05-20')).toEqual({ from: '2026-05-18', to: '2026-05-24' });
    expect(cityWeek('2026-05-18')).toEqual({ from: '2026-05-18', to: '2026-05-24' });
    expect(cityWeek('2026-05-24')).toEqual({ from: '2026-05-18', to: '2026-05-24' });
    // A week across a year's end.
    expect(cityWeek('2027-01-01')).toEqual({ from: '2026-12-28', to: '2027-01-03' });
  });

  it('counts open, due this week, overdue, not acknowledged, awaiting verification and completed this quarter', async () => {
    const size = (scope: keyof typeof expected) => Object.fromEntries(dashboardFigures.map((f) => [f, expected[scope][f].length]));
    expect(await dashboardCounts(secretary, now)).toEqual(size('all'));
    expect(await dashboardCounts(leader, now)).toEqual(size('all'));
    expect(await dashboardCounts(headA, now)).toEqual(size('a'));
    expect(await dashboardCounts(headB, now)).toEqual(size('b'));
  });

  it('links each figure to task-table filters that select exactly its rows, for every role', async () => {
    const links = dashboardLinks(now);
    expect(links).toEqual({
      open: '/tasks?status=assigned%2Cacknowledged%2Cin_progress%2Csubmitted',
      dueThisWeek: '/tasks?status=assigned%2Cacknowledged%2Cin_progress%2Csubmitted&dueFrom=2026-05-18&dueTo=2026-05-24',
      overdue: '/tasks?overdue=1',
      notAcknowledged: '/tasks?status=assigned',
      awaitingVerification: '/tasks?status=submitted',
      completedThisQuarter: '/tasks?status=completed&completedFrom=2026-04-01&completedTo=2026-06-30',
    });
    for (const [actor, scope] of [[secretary, 'all'], [leader, 'all'], [headA, 'a'], [headB, 'b']] as const) {
      const counts = await dashboardCounts(actor, now);
      for (const figure of dashboardFigures) {
        const params = new URLSearchParams(links[figure].split('?')[1]);
        const table = await listTasks(actor, { ...toTaskListQuery(parseListQuery(taskListConfig, params)), pageSize: 100 }, now);
        expect(table.total, `${scope} ${figure}`).toBe(counts[figure]);
        expect(table.rows.map((r) => r.id).sort((x, y) => x - y), `${scope} ${figure}`).toEqual(idsOf(expected[scope][figure]));
      }
    }
  });

  it('gives a department head without a department nothing', async () => {
    const homeless = { ...headA, departmentId: null };
    expect(Object.values(await dashboardCounts(homeless, now)).every((n) => n === 0)).toBe(true);
  });
});

describe('dashboard trend and departments', () => {
  it('shows eight quarters up to a chosen quarter, and a year or range as it is, empty quarters as zeros', async () => {
    expect(trendPeriod(quarterPeriod(2026, 2))).toEqual({ from: '2024-07-01', to: '2026-06-30' });
    expect(trendPeriod(yearPeriod(2026))).toEqual({ from: '2026-01-01', to: '2026-12-31' });
    expect(trendPeriod(rangePeriod('2025-11-01', '2026-05-20'))).toEqual({ from: '2025-11-01', to: '2026-05-20' });

    const trend = await dashboardTrend(secretary, quarterPeriod(2026, 2), now);
    expect(trend.map((p) => `${p.year}-Q${p.quarter}`)).toEqual(['2024-Q3', '2024-Q4', '2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2']);
    expect(trend.slice(0, 5).every((p) => p.assigned === 0 && p.completedOnTime === 0 && p.completedLate === 0 && p.overdueNow === 0)).toBe(true);
    // Assigned in November 2025: the overdue acknowledged task and the one verified on 31 March, before its due date.
    expect(trend[5]).toEqual({ year: 2025, quarter: 4, assigned: 2, completedOnTime: 1, completedLate: 0, overdueNow: 1 });
    expect(trend[6]).toEqual({ year: 2026, quarter: 1, assigned: 0, completedOnTime: 0, completedLate: 0, overdueNow: 0 });
    // Q2: twelve tasks, cancelled one left out; doneLastDay was verified after its due date.
    expect(trend[7]).toEqual({ year: 2026, quarter: 2, assigned: 11, completedOnTime: 3, completedLate: 1, overdueNow: 2 });

    const own = await dashboardTrend(headB, yearPeriod(2026), now);
    expect(own.map((p) => p.assigned)).toEqual([0, 2, 0, 0]);
  });

  it('lists each department’s period figures with its name, the most overdue first; a head sees their own', async () => {
    const rows = await departmentFigures(secretary, quarterPeriod(2026, 2), now);
    expect(rows.map((r) => [r.departmentId, r.assigned, r.completed, r.overdueNow])).toEqual([
      [a, 9, 3, 2],
      [b, 2, 1, 0],
    ]);
    expect(rows[0]).toMatchObject({ name: expect.stringMatching(/^部门 /), nameEn: expect.stringMatching(/^Department /), completionRate: 3 / 6, notDueYet: 3 });
    expect((await departmentFigures(headB, quarterPeriod(2026, 2), now)).map((r) => r.departmentId)).toEqual([b]);
    expect(await departmentFigures(secretary, quarterPeriod(2020, 1), now)).toEqual([]);
  });

  it('opens on the current quarter, or the one before while nothing visible is assigned in it yet', async () => {
    expect(await dashboardDefaultPeriod(secretary, now)).toEqual({ period: quarterPeriod(2026, 2), fellBack: false });
    expect(await dashboardDefaultPeriod(headB, now)).toEqual({ period: quarterPeriod(2026, 2), fellBack: false });
    const july = new Date('2026-07-15T10:00:00+08:00');
    expect(await dashboardDefaultPeriod(leader, july)).toEqual({ period: quarterPeriod(2026, 2), fellBack: true });
    // At 00:30 on 1 January in the city the year has just begun: the fourth quarter is the one before.
    expect(await dashboardDefaultPeriod(headA, new Date('2027-01-01T00:30:00+08:00'))).toEqual({ period: quarterPeriod(2026, 4), fellBack: true });
    expect(earlierPeriod(quarterPeriod(2026, 1))).toEqual(quarterPeriod(2025, 4));
    expect(earlierPeriod(yearPeriod(2026))).toEqual(yearPeriod(2025));
    expect(earlierPeriod(rangePeriod('2026-01-01', '2026-02-01'))).toBeNull();
  });

  it('puts it all together for a period', async () => {
    const all = await dashboard(headA, quarterPeriod(2026, 2), now);
    expect(all.counts.overdue).toBe(3);
    expect(all.figures).toMatchObject({ assigned: 9, completed: 3, overdueNow: 2 });
    expect(all.trend).toHaveLength(8);
    expect(all.departments.map((d) => d.departmentId)).toEqual([a]);
    expect(all.links.overdue).toBe('/tasks?overdue=1');
  });
});
