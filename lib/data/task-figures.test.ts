import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { quarterPeriod, yearPeriod } from '@/lib/domain/period';
import { useTestDb } from '@/test/db';
import { type FigureTaskSpec, insertFigureTasks } from '@/test/figure-tasks';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { taskFigures, taskFiguresByDepartment, taskFiguresByDepartmentAndQuarter, taskFiguresByQuarter } from './task-figures';

// A small fixed set whose figures are worked out by hand below. Today is 2026-07-10.
const t = useTestDb();
const now = new Date('2026-07-10T10:00:00+08:00');
const q2 = quarterPeriod(2026, 2);
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);
let a: number;
let b: number;
let headA: Actor;
let secretary: Actor;
let leader: Actor;

type Spec = Omit<FigureTaskSpec, 'departmentId'> & { dept: 'a' | 'b' };

const specs: Record<string, Spec> = {
  // Assigned at 00:30 on 1 April in the city: still Q2 (it is 31 March in UTC). 1 day to acknowledge, 30 to complete.
  onTime: { dept: 'a', status: 'completed', assigned: at('2026-04-01', '00:30'), acknowledged: at('2026-04-02', '00:30'), completed: at('2026-05-01', '00:30'), due: '2026-05-10' },
  // Verified after its due date, once returned: 3 days to acknowledge, 61 to complete.
  late: { dept: 'a', status: 'completed', assigned: at('2026-04-01'), acknowledged: at('2026-04-04'), completed: at('2026-06-01'), due: '2026-05-20', returns: 1 },
  // An approved extension moved the due date; verified before the new one: on time.
  extended: {
    dept: 'a', status: 'completed', assigned: at('2026-04-10'), acknowledged: at('2026-04-11'), completed: at('2026-06-10'),
    due: '2026-06-15', originalDue: '2026-05-01', extensions: 1, requests: [at('2026-04-25')],
  },
  // Working, past due; its extension request was rejected. Half a day to acknowledge.
  overdue: { dept: 'a', status: 'in_progress', assigned: at('2026-04-15'), acknowledged: at('2026-04-15', '21:00'), due: '2026-06-30', requests: [at('2026-06-20')] },
  notDue: { dept: 'a', status: 'acknowledged', assigned: at('2026-06-20'), acknowledged: at('2026-06-22'), due: '2026-08-31' },
  // Submitted after its due date: due, not overdue (the office holds it), not completed.
  submittedLate: { dept: 'a', status: 'submitted', assigned: at('2026-05-01'), acknowledged: at('2026-05-03'), due: '2026-06-01' },
  // Cancelled: counts neither way, even its return.
  cancelled: { dept: 'a', status: 'cancelled', assigned: at('2026-04-05'), due: '2026-05-01', returns: 1, requests: [at('2026-04-20')] },
  // Outside Q2 on either side, in the city's calendar.
  firstQuarter: { dept: 'a', status: 'completed', assigned: at('2026-03-31', '23:00'), acknowledged: at('2026-04-01'), completed: at('2026-04-20'), due: '2026-04-30' },
  thirdQuarter: { dept: 'a', status: 'assigned', assigned: at('2026-07-01', '00:30'), due: '2026-09-30' },
  otherDepartment: { dept: 'b', status: 'completed', assigned: at('2026-05-01'), acknowledged: at('2026-05-02'), completed: at('2026-05-11'), due: '2026-05-31' },
};

beforeAll(async () => {
  a = (await makeDepartment(t.db)).id;
  b = (await makeDepartment(t.db)).id;
  headA = await makeActor(t.db, 'department_head', a);
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  await insertFigureTasks(t.db, Object.entries(specs).map(([title, { dept, ...s }]) => ({ ...s, title, departmentId: dept === 'a' ? a : b })));
});

const departmentA = {
  // notDue weighs nothing: both rates are over the 5 tasks completed or past their due date.
  assigned: 6, completed: 3, completedOnTime: 2, completedLate: 1, open: 3, overdueNow: 1, dueOrDone: 5, notDueYet: 1,
  returns: 1, dueOrDoneReturns: 1, extensionsRequested: 2, extensionsApproved: 1,
  onTimeRate: 2 / 5, completionRate: 3 / 5,
};

describe('taskFigures', () => {
  it('counts a period’s tasks by their state today, leaving cancelled tasks out', async () => {
    const figures = await taskFigures(secretary, q2, { departmentId: a, now });
    expect(figures).toMatchObject(departmentA);
    // (1 + 3 + 1 + 0.5 + 2 + 2) / 6 days to acknowledge; (30 + 61 + 61) / 3 to complete.
    expect(figures.avgDaysToAcknowledge).toBeCloseTo(9.5 / 6, 6);
    expect(figures.avgDaysToComplete).toBeCloseTo(152 / 3, 6);
  });

  it('adds up every department for the office and the leaders', async () => {
    for (const actor of [secretary, leader]) {
      expect(await taskFigures(actor, q2, { now })).toMatchObject({
        assigned: 7, completed: 4, completedOnTime: 3, completedLate: 1, open: 3, overdueNow: 1, dueOrDone: 6, notDueYet: 1,
        returns: 1, extensionsRequested: 2, extensionsApproved: 1, onTimeRate: 3 / 6, completionRate: 4 / 6,
      });
    }
  });

  it('gives a department head their own department only, whatever they ask for', async () => {
    expect(await taskFigures(headA, q2, { now })).toMatchObject(departmentA);
    expect(await taskFigures(headA, q2, { departmentId: b, now })).toMatchObject({ assigned: 0, onTimeRate: null, completionRate: null, avgDaysToComplete: null });
    expect((await taskFiguresByDepartment(headA, q2, { now })).map((r) => r.departmentId)).toEqual([a]);
  });

  it('groups by department and by quarter of assignment', async () => {
    const byDepartment = await taskFiguresByDepartment(secretary, q2, { now });
    expect(byDepartment.find((r) => r.departmentId === a)).toMatchObject(departmentA);
    expect(byDepartment.find((r) => r.departmentId === b)).toMatchObject({ assigned: 1, completedOnTime: 1, onTimeRate: 1, extensionsRequested: 0 });

    const byQuarter = await taskFiguresByQuarter(secretary, yearPeriod(2026), { departmentId: a, now });
    expect(byQuarter.map(({ year, quarter, assigned, completedOnTime, extensionsRequested }) => ({ year, quarter, assigned, completedOnTime, extensionsRequested }))).toEqual([
      { year: 2026, quarter: 1, assigned: 1, completedOnTime: 1, extensionsRequested: 0 },
      { year: 2026, quarter: 2, assigned: 6, completedOnTime: 2, extensionsRequested: 2 },
      { year: 2026, quarter: 3, assigned: 1, completedOnTime: 0, extensionsRequested: 0 },
    ]);
  });

  it('groups by department and quarter together, within what the actor may see', async () => {
    const key = (r: { departmentId: number; year: number; quarter: number; assigned: number; extensionsRequested: number }) =>
      [r.departmentId === a ? 'a' : 'b', `${r.year}-Q${r.quarter}`, r.assigned, r.extensionsRequested].join(' ');
    const rows = await taskFiguresByDepartmentAndQuarter(secretary, yearPeriod(2026), { now });
    expect(rows.map(key).sort()).toEqual(['a 2026-Q1 1 0', 'a 2026-Q2 6 2', 'a 2026-Q3 1 0', 'b 2026-Q2 1 0']);
    expect(rows.find((r) => r.departmentId === a && r.quarter === 2)).toMatchObject(departmentA);
    expect((await taskFiguresByDepartmentAndQuarter(headA, yearPeriod(2026), { now })).map(key).sort()).toEqual(['a 2026-Q1 1 0', 'a 2026-Q2 6 2', 'a 2026-Q3 1 0']);
  });

  it('answers with zeros for a period without tasks', async () => {
    expect(await taskFigures(secretary, quarterPeriod(2020, 1), { now })).toEqual({
      assigned: 0, completed: 0, completedOnTime: 0, completedLate: 0, open: 0, overdueNow: 0, dueOrDone: 0, notDueYet: 0, returns: 0, dueOrDoneReturns: 0,
      extensionsRequested: 0, extensionsApproved: 0, avgDaysToAcknowledge: null, avgDaysToComplete: null, onTimeRate: null, completionRate: null,
    });
  });
});
