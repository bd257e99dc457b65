import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import { cityDate } from '@/lib/domain/quarters';
import { isOverdue, trafficLight } from '@/lib/domain/task-light';
import { taskStatuses } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeDepartment } from '@/test/fixtures';
import { lightFilterSql, overdueSql, statusInSql, trafficLightSql } from './task-light-sql';

const t = useTestDb();

/** A small deterministic generator, so a failure can be reproduced. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}
const addDays = (date: string, n: number) => new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '会', year: 2026, quarter: 2, startsAt: new Date('2026-04-10T01:00:00Z'), endsAt: new Date('2026-04-10T03:00:00Z') })
    .returning();
  const rand = random(42);
  const pick = <T,>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)]!;
  const rows = [];
  for (let i = 0; i < 400; i++) {
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: i + 1, number: `T-${i}`, title: `事项 ${i}` }).returning();
    const assigned = addDays('2026-04-01', Math.floor(rand() * 60));
    const due = addDays(assigned, Math.floor(rand() * 90) - 5);
    rows.push({
      actionId: action!.id,
      conferenceId: conf!.id,
      departmentId: dept.id,
      status: pick(taskStatuses),
      progress: Math.floor(rand() * 101),
      // Late evening in the city: the calendar day must be read in Asia/Shanghai, not UTC.
      assignedAt: new Date(`${assigned}T${pick(['00:30', '09:00', '23:30'])}:00+08:00`),
      dueDate: due,
      originalDueDate: due,
      acknowledgeBy: rand() < 0.2 ? null : addDays(assigned, Math.floor(rand() * 5)),
    });
  }
  await t.db.insert(tasks).values(rows);
});

describe('trafficLightSql and overdueSql', () => {
  for (const today of ['2026-04-15', '2026-05-20', '2026-06-30', '2026-08-01']) {
    it(`agree with lib/domain on 400 generated tasks (today ${today})`, async () => {
      const rows = await t.db
        .select({
          status: tasks.status,
          dueDate: tasks.dueDate,
          acknowledgeBy: tasks.acknowledgeBy,
          assignedAt: tasks.assignedAt,
          progress: tasks.progress,
          light: trafficLightSql(today),
          overdue: overdueSql(today),
        })
        .from(tasks)
        .where(eq(tasks.conferenceId, tasks.conferenceId));
      expect(rows).toHaveLength(400);
      const lights = new Set<string | null>();
      for (const row of rows) {
        const input = { ...row, assignedDate: cityDate(row.assignedAt) };
        expect({ ...input, light: row.light, overdue: row.overdue }).toEqual({ ...input, light: trafficLight(input, today), overdue: isOverdue(input, today) });
        lights.add(row.light);
      }
      if (today === '2026-05-20') expect([...lights].sort()).toEqual(['green', 'red', 'yellow', null].sort());
    });
  }
});

describe('lightFilterSql and statusInSql', () => {
  const lightSets = [['red'], ['yellow'], ['green'], ['red', 'yellow'], ['green', 'red'], ['green', 'yellow', 'red']] as const;
  for (const today of ['2026-04-15', '2026-05-20', '2026-08-01']) {
    it(`select exactly the tasks whose light is one of those asked (today ${today})`, async () => {
      const rows = await t.db.select({ id: tasks.id, light: trafficLightSql(today) }).from(tasks);
      for (const lights of lightSets) {
        const picked = await t.db.select({ id: tasks.id }).from(tasks).where(lightFilterSql(lights, today));
        const expected = rows.filter((r) => r.light !== null && (lights as readonly string[]).includes(r.light));
        expect(picked.map((r) => r.id).sort()).toEqual(expected.map((r) => r.id).sort());
      }
      expect(await t.db.select({ id: tasks.id }).from(tasks).where(lightFilterSql([], today))).toEqual([]);
    });
  }

  it('writes only known statuses into the SQL', async () => {
    const all = await t.db.select({ status: tasks.status }).from(tasks);
    const picked = await t.db.select({ status: tasks.status }).from(tasks).where(statusInSql(['submitted', "x') OR true --" as never]));
    expect(picked.length).toBe(all.filter((r) => r.status === 'submitted').length);
    expect(await t.db.select({ id: tasks.id }).from(tasks).where(statusInSql([]))).toEqual([]);
  });
});
