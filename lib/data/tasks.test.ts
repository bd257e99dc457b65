import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { getTask } from './tasks';

const t = useTestDb();
let ownTaskId: number;
let otherTaskId: number;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  const own = await makeDepartment(t.db);
  const other = await makeDepartment(t.db);
  actors.admin = await makeActor(t.db, 'admin');
  actors.secretary = await makeActor(t.db, 'secretary');
  actors.leader = await makeActor(t.db, 'leader');
  actors.head = await makeActor(t.db, 'department_head', own.id);
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '第一季度会议', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 1, number: '2026-Q1-01', title: '危化品专项整治' }).returning();
  const rows = await t.db
    .insert(tasks)
    .values([
      { actionId: action!.id, conferenceId: conf!.id, departmentId: own.id, dueDate: '2026-06-30', originalDueDate: '2026-06-30' },
      { actionId: action!.id, conferenceId: conf!.id, departmentId: other.id, role: 'support', dueDate: '2026-06-30', originalDueDate: '2026-06-30' },
    ])
    .returning();
  ownTaskId = rows[0]!.id;
  otherTaskId = rows[1]!.id;
});

describe('getTask', () => {
  it('shows every task to secretaries, admins and leaders', async () => {
    for (const role of ['admin', 'secretary', 'leader']) {
      expect(await getTask(actors[role]!, otherTaskId)).toMatchObject({ id: otherTaskId, actionNumber: '2026-Q1-01' });
    }
  });

  it("shows a department head their own task and nothing of another department's", async () => {
    expect(await getTask(actors.head!, ownTaskId)).toMatchObject({ id: ownTaskId, actionTitle: '危化品专项整治' });
    expect(await getTask(actors.head!, otherTaskId)).toBeNull();
    expect(await getTask(actors.head!, 987_654)).toBeNull();
  });

  it('shows nothing to a department head without a department', async () => {
    expect(await getTask({ ...actors.head!, departmentId: null }, ownTaskId)).toBeNull();
  });
});
