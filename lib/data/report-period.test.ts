import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { quarterPeriod } from '@/lib/domain/period';
import { useTestDb } from '@/test/db';
import { insertFigureTasks } from '@/test/figure-tasks';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { reportPeriod } from './report-period';

// Tasks of department A are assigned in Q3 2026 only; department B has one in Q4, past due, and one
// not due yet (which alone would not make Q4 the default: lib/data/scorecards.test.ts).
const t = useTestDb();
const now = new Date('2026-11-28T10:00:00+08:00');
let headA: Actor;
let headB: Actor;

beforeAll(async () => {
  const a = (await makeDepartment(t.db)).id;
  const b = (await makeDepartment(t.db)).id;
  headA = await makeActor(t.db, 'department_head', a);
  headB = await makeActor(t.db, 'department_head', b);
  await insertFigureTasks(t.db, [
    { departmentId: a, status: 'in_progress', assigned: new Date('2026-09-20T09:00:00+08:00'), due: '2026-12-31' },
    { departmentId: b, status: 'assigned', assigned: new Date('2026-10-09T09:00:00+08:00'), due: '2026-11-20' },
    { departmentId: b, status: 'assigned', assigned: new Date('2026-10-09T09:00:00+08:00'), due: '2026-12-31' },
  ]);
});

describe('reportPeriod', () => {
  it('opens on the quarter before while nothing the reader sees in the current one is due or done', async () => {
    expect(await reportPeriod(headA, {}, now)).toEqual({ period: quarterPeriod(2026, 3), param: '2026-Q3', fellBackFrom: quarterPeriod(2026, 4) });
    expect(await reportPeriod(headB, {}, now)).toEqual({ period: quarterPeriod(2026, 4), param: '2026-Q4' });
  });

  it('keeps the period asked for, and names a refused one', async () => {
    expect(await reportPeriod(headA, { period: '2026-Q4' }, now)).toEqual({ period: quarterPeriod(2026, 4), param: '2026-Q4' });
    expect(await reportPeriod(headA, new URLSearchParams('from=2026-05-01&to=2026-04-01'), now)).toMatchObject({ param: '2026-Q4', error: { key: 'periodEndBeforeStart' } });
  });
});
