import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { quarterPeriod, yearPeriod } from '@/lib/domain/period';
import type { TaskStatus } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { conferenceProgress, progressActionLimit, progressConferenceLimit } from './dashboard';

// Today is 2026-05-20 in the city.
const t = useTestDb();
const now = new Date('2026-05-20T10:00:00+08:00');
const at = (day: string, time = '10:00') => new Date(`${day}T${time}:00+08:00`);
type Dept = 'a' | 'b' | 'c';
const dept: Record<Dept, { id: number; name: string; nameEn: string | null }> = {} as never;
let headA: Actor;
let secretary: Actor;
let leader: Actor;
const conf: Record<string, number> = {};

interface TaskSpec {
  dept: Dept;
  role?: 'lead' | 'support';
  status: TaskStatus;
  progress?: number;
  due?: string;
}

async function conference(name: string, startsAt: Date, status: 'scheduled' | 'held' | 'minutes_published', actions: TaskSpec[][]) {
  const [c] = await t.db
    .insert(conferences)
    .values({ title: `会议 ${name}`, titleEn: `Conference ${name}`, year: startsAt.getUTCFullYear(), quarter: 1, kind: 'special', status, startsAt, endsAt: startsAt })
    .returning();
  conf[name] = c!.id;
  for (const [i, taskSpecs] of actions.entries()) {
    const [action] = await t.db
      .insert(requestedActions)
      .values({ conferenceId: c!.id, seq: i + 1, number: `${name}-${String(i + 1).padStart(2, '0')}`, title: `事项 ${name}${i + 1}`, titleEn: `Item ${name}${i + 1}` })
      .returning();
    for (const s of taskSpecs) {
      const due = s.due ?? '2026-06-30';
      await t.db.insert(tasks).values({
        actionId: action!.id, conferenceId: c!.id, departmentId: dept[s.dept].id, role: s.role ?? 'lead', status: s.status, progress: s.progress ?? 0,
        dueDate: due, originalDueDate: due, assignedAt: startsAt,
      });
    }
  }
}

beforeAll(async () => {
  for (const [key, sortOrder, nameEn] of [['a', 1, 'Bureau A'], ['b', 2, 'Bureau B'], ['c', 3, null]] as const) {
    const row = await makeDepartment(t.db, { sortOrder, nameEn, name: `单位${key.toUpperCase()}` });
    dept[key] = { id: row.id, name: row.name, nameEn: row.nameEn };
  }
  headA = await makeActor(t.db, 'department_head', dept.a.id);
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');

  await conference('C1', at('2026-04-17'), 'minutes_published', [
    [
      { dept: 'a', status: 'in_progress', progress: 40, due: '2026-05-10' },
      { dept: 'b', role: 'support', status: 'completed', progress: 90 },
      { dept: 'c', role: 'support', status: 'assigned' },
    ],
    [{ dept: 'b', status: 'acknowledged', progress: 20 }],
    [{ dept: 'b', status: 'completed', progress: 100 }, { dept: 'a', role: 'support', status: 'cancelled' }],
  ]);
  // Met at 00:30 on 1 April in the city, 31 March in UTC: in the second quarter.
  await conference('C5', at('2026-04-01', '00:30'), 'held', [[{ dept: 'c', status: 'in_progress', progress: 50 }]]);
  await conference('C2', at('2026-01-16'), 'minutes_published', [[{ dept: 'a', status: 'completed', progress: 100 }]]);
  // Not held yet, actions without tasks, only a withdrawn task: none of them has progress to show.
  await conference('C3', at('2026-05-29'), 'scheduled', [[{ dept: 'a', status: 'assigned' }]]);
  await conference('C4', at('2026-06-05'), 'held', [[]]);
  await conference('C7', at('2026-06-10'), 'held', [[{ dept: 'c', status: 'cancelled' }]]);
  // More actions than the dashboard lists.
  await conference('C6', at('2025-06-20'), 'minutes_published', Array.from({ length: progressActionLimit + 2 }, () => [{ dept: 'c' as const, status: 'acknowledged' as const }]));
  // More conferences in a quarter than the dashboard lists.
  for (let i = 1; i <= progressConferenceLimit + 1; i++) {
    await conference(`M${i}`, at(`2024-08-${String(i).padStart(2, '0')}`), 'held', [[{ dept: 'c', status: 'completed' }]]);
  }
});

describe('conferenceProgress', () => {
  it('shows each conference held in the period, latest first, with a bar’s figures per action in order', async () => {
    for (const actor of [secretary, leader]) {
      const { conferences: shown, more } = await conferenceProgress(actor, quarterPeriod(2026, 2), now);
      expect(more).toBe(false);
      expect(shown.map((c) => c.id)).toEqual([conf.C1, conf.C5]);
      const [c1] = shown;
      expect(c1).toMatchObject({ title: '会议 C1', titleEn: 'Conference C1', beforePeriod: false, actionCount: 3, total: 5, completed: 2, overdue: 1 });
      expect(c1!.actions.map((a) => a.number)).toEqual(['C1-01', 'C1-02', 'C1-03']);
      const [first, second, third] = c1!.actions;
      expect(first).toMatchObject({
        title: '事项 C11', titleEn: 'Item C11', leadNames: ['单位A'], leadNamesEn: ['Bureau A'], leadCount: 1,
        // Department C has no English name: its Chinese one stands in.
        supportNames: ['单位B', '单位C'], supportNamesEn: ['Bureau B', '单位C'], supportCount: 2,
        total: 3, completed: 1, overdue: 1,
      });
      // A completed task counts as 100 %, whatever its last reported progress.
      expect(first!.meanProgress).toBeCloseTo(140 / 3, 6);
      expect(second).toMatchObject({ leadNames: ['单位B'], supportNames: [], supportCount: 0, total: 1, completed: 0, overdue: 0, meanProgress: 20 });
      // The withdrawn supporting task is neither named nor counted.
      expect(third).toMatchObject({ leadNames: ['单位B'], supportNames: [], supportCount: 0, total: 1, completed: 1, meanProgress: 100 });
      expect(shown[1]).toMatchObject({ title: '会议 C5', actionCount: 1, total: 1, completed: 0 });
    }
  });

  it('gives a department head the actions that concern them and only their own task’s figures', async () => {
    const { conferences: shown } = await conferenceProgress(headA, quarterPeriod(2026, 2), now);
    expect(shown.map((c) => c.id)).toEqual([conf.C1]);
    expect(shown[0]).toMatchObject({ actionCount: 1, total: 1, completed: 0, overdue: 1 });
    // Who shares the action is the assignment, which the department may read; how the others are doing is not.
    expect(shown[0]!.actions).toHaveLength(1);
    expect(shown[0]!.actions[0]).toMatchObject({ number: 'C1-01', leadNames: ['单位A'], supportNames: ['单位B', '单位C'], total: 1, completed: 0, overdue: 1, meanProgress: 40 });
  });

  it('shows the latest conference before the period when none with tasks met in it', async () => {
    const { conferences: shown } = await conferenceProgress(secretary, quarterPeriod(2026, 3), now);
    expect(shown.map((c) => [c.id, c.beforePeriod])).toEqual([[conf.C1, true]]);
    // Met at 00:30 on 1 April in the city: not the first quarter's.
    expect((await conferenceProgress(secretary, quarterPeriod(2026, 1), now)).conferences.map((c) => [c.id, c.beforePeriod])).toEqual([[conf.C2, false]]);
    expect((await conferenceProgress(headA, quarterPeriod(2026, 3), now)).conferences.map((c) => c.id)).toEqual([conf.C1]);
    expect((await conferenceProgress(secretary, quarterPeriod(2023, 1), now)).conferences).toEqual([]);
  });

  it('covers a year, and bounds the conferences and their actions it lists', async () => {
    expect((await conferenceProgress(secretary, yearPeriod(2026), now)).conferences.map((c) => c.id)).toEqual([conf.C1, conf.C5, conf.C2]);
    const many = await conferenceProgress(secretary, quarterPeriod(2024, 3), now);
    expect(many.more).toBe(true);
    expect(many.conferences.map((c) => c.id)).toEqual([conf.M6, conf.M5, conf.M4, conf.M3, conf.M2]);
    const [long] = (await conferenceProgress(secretary, quarterPeriod(2025, 2), now)).conferences;
    expect(long).toMatchObject({ id: conf.C6, actionCount: progressActionLimit + 2, total: progressActionLimit + 2 });
    expect(long!.actions).toHaveLength(progressActionLimit);
    expect(long!.actions.at(-1)!.number).toBe(`C6-${progressActionLimit}`);
  });
});
