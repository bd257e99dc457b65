import { beforeAll, describe, expect, it } from 'vitest';
import { actionCategories, conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { taskFilterOptions } from './task-filter-options';

const t = useTestDb();
let secretary: Actor;
let head: Actor;
let leader: Actor;
const confIds: number[] = [];

beforeAll(async () => {
  const [own, other] = [await makeDepartment(t.db), await makeDepartment(t.db)];
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', own.id);
  // Three conferences: one with the head's task, one with another department's, one without actions.
  for (const [i, quarter] of [1, 2, 3].entries()) {
    const [conf] = await t.db
      .insert(conferences)
      .values({ title: `会议${quarter}`, titleEn: `Meeting ${quarter}`, year: 2026, quarter, startsAt: new Date(`2026-0${quarter * 3}-10T01:00:00Z`), endsAt: new Date(`2026-0${quarter * 3}-10T03:00:00Z`) })
      .returning();
    confIds.push(conf!.id);
    if (i === 2) continue;
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 1, number: `F-${i}`, title: '事项' }).returning();
    await t.db.insert(tasks).values({ conferenceId: conf!.id, actionId: action!.id, departmentId: i === 0 ? own.id : other.id, dueDate: '2026-12-31', originalDueDate: '2026-12-31' });
  }
  await t.db.insert(actionCategories).values({ code: 'zz_retired', name: '已停用类别', active: false, sortOrder: 999 }).onConflictDoNothing();
});

describe('taskFilterOptions', () => {
  it('offers the conferences with tasks, newest first, and every category including retired ones', async () => {
    for (const actor of [secretary, leader]) {
      const options = await taskFilterOptions(actor);
      expect(options.conferences.map((c) => c.id)).toEqual([confIds[1], confIds[0]]);
      expect(options.categories.map((c) => c.code)).toContain('zz_retired');
    }
  });

  it("offers a department head only conferences with their own department's tasks", async () => {
    expect((await taskFilterOptions(head)).conferences.map((c) => c.id)).toEqual([confIds[0]]);
  });
});
