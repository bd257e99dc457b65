import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { setEnv } from '@/test/smtp';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { listTasks } from './task-list';
import { getTask } from './tasks';

const t = useTestDb();
const now = new Date('2026-06-01T09:00:00+08:00');
let secretary: Actor;
let taskId: number;

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  secretary = await makeActor(t.db, 'secretary');
  const [conf] = await t.db.insert(conferences).values({ title: '会', year: 2026, quarter: 2, startsAt: new Date('2026-04-20T01:00:00Z'), endsAt: new Date('2026-04-20T03:00:00Z') }).returning();
  const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 1, number: 'L-1', title: '事项', titleEn: 'Item' }).returning();
  // Due in five days, on track: green with the default three days, yellow when "due soon" is seven.
  const [task] = await t.db
    .insert(tasks)
    .values({ conferenceId: conf!.id, departmentId: dept.id, actionId: action!.id, status: 'in_progress', progress: 95, dueDate: '2026-06-06', originalDueDate: '2026-06-06', assignedAt: new Date('2026-05-01T09:00:00+08:00') })
    .returning();
  taskId = task!.id;
});

async function lights() {
  const one = await getTask(secretary, taskId, now);
  const listed = (await listTasks(secretary, {}, now)).rows.find((r) => r.id === taskId);
  return [one?.light, listed?.light];
}

describe('DUE_SOON_DAYS', () => {
  it('moves the yellow threshold of the task page and the task table alike', async () => {
    expect(await lights()).toEqual(['green', 'green']);
    setEnv({ DUE_SOON_DAYS: '7' });
    try {
      expect(await lights()).toEqual(['yellow', 'yellow']);
    } finally {
      setEnv({ DUE_SOON_DAYS: undefined });
    }
  });
});
