import { beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditLog, conferenceInvitations, conferences } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { quarterPeriod, yearPeriod } from '@/lib/domain/period';
import { defaultScoreWeights } from '@/lib/domain/scoring';
import { AppError } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { useTestDb } from '@/test/db';
import { type FigureTaskSpec, insertFigureTasks } from '@/test/figure-tasks';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { defaultReportPeriod } from './report-period';
import {
  departmentScorecard,
  departmentScorecardByQuarter,
  departmentScorecards,
  scoreWeights,
  scorecardRanking,
  updateScoreWeights,
} from './scorecards';

// A small fixed city whose scorecards are worked out by hand below. Today is 10 July 2026.
const t = useTestDb();
const now = new Date('2026-07-10T10:00:00+08:00');
const q2 = quarterPeriod(2026, 2);
const at = (day: string, time = '09:00') => new Date(`${day}T${time}:00+08:00`);

type Code = 'a' | 'b' | 'c' | 'd' | 'office' | 'retired';
const ids = {} as Record<Code, number>;
let secretary: Actor;
let leader: Actor;
let admin: Actor;
let headA: Actor;
let headD: Actor;

type Spec = Omit<FigureTaskSpec, 'departmentId'> & { dept: Code };

const specs: Spec[] = [
  // Department A in Q2. On time: 1 day to acknowledge, 30 to complete.
  { dept: 'a', status: 'completed', assigned: at('2026-04-01'), acknowledged: at('2026-04-02'), completed: at('2026-05-01'), due: '2026-05-10' },
  // Late (verified after its due date), once returned: 3 days to acknowledge, 61 to complete.
  { dept: 'a', status: 'completed', assigned: at('2026-04-01'), acknowledged: at('2026-04-04'), completed: at('2026-06-01'), due: '2026-05-20', returns: 1 },
  // Extension requested and approved; verified before the new due date: on time. 1 and 61 days.
  {
    dept: 'a', status: 'completed', assigned: at('2026-04-10'), acknowledged: at('2026-04-11'), completed: at('2026-06-10'),
    due: '2026-06-15', originalDue: '2026-05-01', extensions: 1, requests: [at('2026-04-25')],
  },
  // Overdue now, returned once, its extension request refused. 1 day to acknowledge.
  { dept: 'a', status: 'in_progress', assigned: at('2026-04-15'), acknowledged: at('2026-04-16'), due: '2026-06-30', returns: 1, requests: [at('2026-06-20')] },
  // Cancelled: counts neither way, even its return and its request.
  { dept: 'a', status: 'cancelled', assigned: at('2026-04-05'), due: '2026-05-01', returns: 1, requests: [at('2026-04-20')] },
  // Department B in Q2: one on time (1 and 10 days), one not due yet (2 days to acknowledge).
  { dept: 'b', status: 'completed', assigned: at('2026-05-01'), acknowledged: at('2026-05-02'), completed: at('2026-05-11'), due: '2026-05-31' },
  { dept: 'b', status: 'acknowledged', assigned: at('2026-06-20'), acknowledged: at('2026-06-22'), due: '2026-08-31' },
  // Other quarters, for the department page: A in Q1 (on time) and Q3 (just assigned).
  { dept: 'a', status: 'completed', assigned: at('2026-03-02'), acknowledged: at('2026-03-03'), completed: at('2026-03-20'), due: '2026-03-31' },
  { dept: 'a', status: 'assigned', assigned: at('2026-07-01', '00:30'), due: '2026-09-30' },
];

type Mark = 'present' | 'absent' | 'excused' | 'unknown';
const meetings: { day: string; status: 'held' | 'minutes_published' | 'scheduled'; marks: Partial<Record<Code, Mark>> }[] = [
  { day: '2026-03-20', status: 'minutes_published', marks: { a: 'present', b: 'present' } },
  { day: '2026-04-17', status: 'minutes_published', marks: { a: 'present', b: 'absent', c: 'present', office: 'present' } },
  { day: '2026-06-19', status: 'held', marks: { a: 'excused', b: 'present', c: 'present' } },
  // Not held yet: its attendance does not count.
  { day: '2026-06-26', status: 'scheduled', marks: { a: 'present', b: 'absent', d: 'unknown' } },
];

beforeAll(async () => {
  ids.a = (await makeDepartment(t.db, { name: '应急管理局', nameEn: 'Emergency Management Bureau', sortOrder: 10 })).id;
  ids.b = (await makeDepartment(t.db, { name: '交通运输局', nameEn: 'Transport Bureau', sortOrder: 20 })).id;
  ids.c = (await makeDepartment(t.db, { name: '中山区', nameEn: 'Zhongshan District', kind: 'district', sortOrder: 10 })).id;
  ids.d = (await makeDepartment(t.db, { name: '西岗区', nameEn: 'Xigang District', kind: 'district', sortOrder: 20 })).id;
  ids.office = (await makeDepartment(t.db, { name: '安委办', nameEn: 'Committee Office', kind: 'office', sortOrder: 1 })).id;
  ids.retired = (await makeDepartment(t.db, { name: '已撤销局', kind: 'department', sortOrder: 5, active: false })).id;
  secretary = await makeActor(t.db, 'secretary', ids.office);
  leader = await makeActor(t.db, 'leader');
  admin = await makeActor(t.db, 'admin');
  headA = await makeActor(t.db, 'department_head', ids.a);
  headD = await makeActor(t.db, 'department_head', ids.d);

  await insertFigureTasks(t.db, specs.map(({ dept, ...s }) => ({ ...s, departmentId: ids[dept] })));
  for (const m of meetings) {
    const [c] = await t.db
      .insert(conferences)
      .values({ title: `${m.day} 会议`, kind: 'special', year: 2026, startsAt: at(m.day), endsAt: at(m.day, '11:00'), status: m.status })
      .returning();
    for (const [code, attendance] of Object.entries(m.marks)) {
      await t.db.insert(conferenceInvitations).values({ conferenceId: c!.id, departmentId: ids[code as Code], attendance });
    }
  }
});

/*
 * Q2 2026 by hand (default weights: on time 50, completion 30, attendance 20, overdue 30, returns 10):
 * A: 4 assigned (the cancelled one left out), 3 completed, 2 on time, 1 late, 1 open and overdue,
 *    4 done or due → on time 2/4, completion 3/4; 2 returns, 2 requests, 1 approved;
 *    acknowledge (1+3+1+1)/4 = 1.5 days, complete (30+61+61)/3; attendance 1 of 2 (once excused).
 *    Score 25 + 22.5 + 10 − 30·1/4 − 10·2/4 = 45.
 * B: 2 assigned, 1 on time, 1 not yet due (未到期: it weighs nothing) → on time 1/1,
 *    completion 1/1; attendance 1 of 2. Score 50 + 30 + 10 = 90.
 * Ranked: B first, then A. Not ranked, listed after them in department order (districts, then the
 * office): C (district), invited twice and present twice but with no task — attendance alone does
 * not rank —, D (district) with nothing in Q2, and the office (present once). The retired
 * department: nothing, not listed.
 */
const rowA = {
  assigned: 4, completed: 3, completedOnTime: 2, completedLate: 1, open: 1, overdueNow: 1, dueOrDone: 4, notDueYet: 0,
  returns: 2, extensionsRequested: 2, extensionsApproved: 1, onTimeRate: 0.5, completionRate: 0.75,
  invited: 2, present: 1, attendanceRate: 0.5, score: 45, rank: 2, name: '应急管理局', nameEn: 'Emergency Management Bureau', kind: 'department',
};
const rowB = {
  assigned: 2, completed: 1, completedOnTime: 1, completedLate: 0, open: 1, overdueNow: 0, dueOrDone: 1, notDueYet: 1,
  returns: 0, extensionsRequested: 0, extensionsApproved: 0, onTimeRate: 1, completionRate: 1, avgDaysToAcknowledge: 1.5, avgDaysToComplete: 10,
  invited: 2, present: 1, attendanceRate: 0.5, score: 90, rank: 1,
};
const rowC = { assigned: 0, onTimeRate: null, completionRate: null, avgDaysToAcknowledge: null, invited: 2, present: 2, attendanceRate: 1, score: null, rank: null, kind: 'district' };

describe('departmentScorecards', () => {
  it('gives every figure of the period per department, ranked best first', async () => {
    const rows = await departmentScorecards(secretary, q2, now);
    expect(rows.map((r) => [r.departmentId, r.rank, r.score])).toEqual([
      [ids.b, 1, 90],
      [ids.a, 2, 45],
      [ids.c, null, null],
      [ids.d, null, null],
      [ids.office, null, null],
    ]);
    const byId = new Map(rows.map((r) => [r.departmentId, r]));
    expect(byId.get(ids.a)).toMatchObject(rowA);
    expect(byId.get(ids.a)!.avgDaysToAcknowledge).toBeCloseTo(1.5, 6);
    expect(byId.get(ids.a)!.avgDaysToComplete).toBeCloseTo(152 / 3, 6);
    expect(byId.get(ids.b)).toMatchObject(rowB);
    expect(byId.get(ids.c)).toMatchObject(rowC);
    expect(byId.get(ids.office)).toMatchObject({ assigned: 0, invited: 1, present: 1, attendanceRate: 1, score: null, rank: null, kind: 'office' });
    expect(byId.get(ids.d)).toMatchObject({ assigned: 0, invited: 0, attendanceRate: null, onTimeRate: null, score: null, rank: null });
  });

  it('shows leaders and admins every department', async () => {
    for (const actor of [leader, admin]) expect((await departmentScorecards(actor, q2, now)).map((r) => r.departmentId)).toEqual([ids.b, ids.a, ids.c, ids.d, ids.office]);
    expect((await scorecardRanking(leader, q2, now)).ranked).toBe(2);
  });

  it("gives a department head their own row, with its rank among all departments", async () => {
    expect(await departmentScorecards(headA, q2, now)).toEqual([expect.objectContaining({ departmentId: ids.a, ...rowA })]);
    const own = await scorecardRanking(headD, q2, now);
    expect(own.rows).toEqual([expect.objectContaining({ departmentId: ids.d, rank: null })]);
    expect(own.ranked).toBe(2);
  });

  it('opens on the quarter before while the current one has tasks but none due or done yet', async () => {
    // On 10 July, A's only Q3 task (assigned 1 July) is due 30 September: Q3 would rank nobody.
    expect(await defaultReportPeriod(secretary, now)).toEqual({ period: q2, fellBack: true });
    // Still so on its due date; on 1 October the fourth quarter is empty and Q3 is the one before.
    expect(await defaultReportPeriod(secretary, at('2026-09-30', '23:00'))).toEqual({ period: q2, fellBack: true });
    expect(await defaultReportPeriod(secretary, at('2026-10-01', '00:30'))).toEqual({ period: quarterPeriod(2026, 3), fellBack: true });
    // A Q2 task verified in Q2 weighs: the quarter is shown as soon as one task is done.
    expect(await defaultReportPeriod(secretary, at('2026-05-01', '12:00'))).toEqual({ period: q2, fellBack: false });
  });

  it('lists a department with nothing in a period without a score', async () => {
    const rows = await departmentScorecards(secretary, quarterPeriod(2024, 1), now);
    expect(rows.map((r) => r.departmentId).sort()).toEqual([ids.a, ids.b, ids.c, ids.d].sort());
    expect(rows.every((r) => r.score === null && r.rank === null && r.assigned === 0)).toBe(true);
  });
});

describe('one department', () => {
  it('gives its scorecard for a period with its rank, or null when unknown or not the reader’s', async () => {
    const card = await departmentScorecard(secretary, ids.b, q2, now);
    expect(card).toMatchObject({ department: { id: ids.b, name: '交通运输局' }, row: rowB, ranked: 2, weights: defaultScoreWeights });
    // The retired department is not listed in the ranking, but its own page still opens, empty.
    expect((await departmentScorecard(leader, ids.retired, q2, now))?.row).toMatchObject({ assigned: 0, score: null, rank: null });
    expect(await departmentScorecard(headA, ids.a, q2, now)).toMatchObject({ row: rowA });
    expect(await departmentScorecard(headA, ids.b, q2, now)).toBeNull();
    expect(await departmentScorecard(secretary, 2_000_000_000, q2, now)).toBeNull();
  });

  it('ranks it in each of the last quarters, each among the departments of that quarter', async () => {
    const card = await departmentScorecardByQuarter(secretary, ids.a, { quarters: 4, now });
    expect(card!.department).toMatchObject({ id: ids.a, name: '应急管理局' });
    expect(card!.quarters.map((q) => [`${q.year}-Q${q.quarter}`, q.assigned, q.score, q.rank, q.ranked])).toEqual([
      ['2025-Q4', 0, null, null, 0],
      // B was present too but had no task: only A is ranked.
      ['2026-Q1', 1, 100, 1, 1],
      ['2026-Q2', 4, 45, 2, 2],
      // Assigned on 1 July, due 30 September: not due yet (未到期), so no score and nobody ranked.
      ['2026-Q3', 1, null, null, 0],
    ]);
    expect(card!.quarters[2]).toMatchObject({ ...rowA, period: q2 });
    const b = await departmentScorecardByQuarter(leader, ids.b, { period: yearPeriod(2026), now });
    expect(b!.quarters.map((q) => [q.quarter, q.score, q.rank, q.attendanceRate])).toEqual([
      [1, null, null, 1],
      [2, 90, 1, 0.5],
      [3, null, null, null],
      [4, null, null, null],
    ]);
  });

  it('is not found for an unknown department or another department’s head', async () => {
    expect(await departmentScorecardByQuarter(headA, ids.a, { quarters: 2, now })).not.toBeNull();
    expect(await departmentScorecardByQuarter(headA, ids.b, { quarters: 2, now })).toBeNull();
    expect(await departmentScorecardByQuarter(secretary, 2_000_000_000, { quarters: 2, now })).toBeNull();
  });
});

describe('score weights', () => {
  const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: unknown) => (e instanceof AppError ? e.code : String(e)));
  const audits = async () => t.db.select().from(auditLog).where(and(eq(auditLog.action, 'settings.update'), eq(auditLog.entityId, 'ranking.weights')));
  const noAttendance = { ...defaultScoreWeights, attendance: 0 };

  it('are the defaults until an admin saves others', async () => {
    expect(await scoreWeights()).toEqual({ weights: defaultScoreWeights, updatedAt: null });
  });

  it('may be changed by an admin only, and nothing is written otherwise', async () => {
    for (const actor of [secretary, leader, headA]) expect(await code(updateScoreWeights(actor, noAttendance, null))).toBe('forbidden');
    expect(await scoreWeights()).toEqual({ weights: defaultScoreWeights, updatedAt: null });
    expect(await audits()).toHaveLength(0);
  });

  it('refuses weights out of range, missing, or with no rate that counts, with a message per field', async () => {
    const fields = async (input: Record<string, unknown>) =>
      updateScoreWeights(admin, input as never, null).then(
        () => null,
        (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e),
      );
    expect(await fields({ ...defaultScoreWeights, overdue: -1, returns: 101 })).toEqual({ overdue: [{ key: 'tooSmall', values: { min: 0 } }], returns: [{ key: 'tooBig', values: { max: 100 } }] });
    expect(await fields({ ...defaultScoreWeights, onTime: '', completion: 'x' })).toEqual({ onTime: [{ key: 'required' }], completion: [{ key: 'invalidFormat' }] });
    expect(await fields({ ...defaultScoreWeights, onTime: 0, completion: 0, attendance: 0 })).toEqual({ rewards: [{ key: 'scoreWeightsNoReward' }] });
    expect((await scoreWeights()).updatedAt).toBeNull();
  });

  it('rank by the saved weights, refuse a save over a newer one, and are audited', async () => {
    const first = await updateScoreWeights(admin, { onTime: '50', completion: '30', attendance: '0', overdue: '30', returns: '10' }, null, at('2026-07-10', '10:00'));
    expect(first.weights).toEqual(noAttendance);
    expect(await scoreWeights()).toEqual({ weights: noAttendance, updatedAt: at('2026-07-10', '10:00') });

    // Attendance no longer counts: C and the office have nothing weighted left.
    // B: 100 × (50 + 30) / 80 = 100; A: 100 × (25 + 22.5 − 7.5 − 5) / 80 = 43.75 → 43.8.
    const rows = await departmentScorecards(secretary, q2, now);
    expect(rows.map((r) => [r.departmentId, r.score, r.rank])).toEqual([
      [ids.b, 100, 1],
      [ids.a, 43.8, 2],
      [ids.c, null, null],
      [ids.d, null, null],
      [ids.office, null, null],
    ]);

    // A second admin who loaded the defaults saves after the first: refused, told what is saved now.
    const stale = await updateScoreWeights(admin, defaultScoreWeights, null).catch((e: unknown) => e);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: noAttendance } });
    const older = await updateScoreWeights(admin, defaultScoreWeights, at('2026-07-01')).catch((e: unknown) => e);
    expect(older).toMatchObject({ code: 'conflict' });
    expect((await scoreWeights()).weights).toEqual(noAttendance);

    const second = await updateScoreWeights(admin, { ...noAttendance, returns: 20 }, first.updatedAt, at('2026-07-10', '11:00'));
    expect(second.updatedAt).toEqual(at('2026-07-10', '11:00'));
    expect((await audits()).map((a) => [a.actorId, a.before, a.after])).toEqual([
      [admin.id, null, noAttendance],
      [admin.id, noAttendance, { ...noAttendance, returns: 20 }],
    ]);
  });
});
