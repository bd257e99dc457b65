import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, notifications, requestedActions, tasks } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { runReminders } from './reminders';

const t = useTestDb();
let headId: number;
const now = new Date('2026-05-20T08:00:00+08:00');

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  headId = (await makeActor(t.db, 'department_head', dept.id)).id;
  await makeActor(t.db, 'secretary');
  const [conf] = await t.db.insert(conferences).values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') }).returning();
  const base = { conferenceId: conf!.id, departmentId: dept.id };
  const specs = [
    { status: 'in_progress', dueDate: '2026-05-10' }, // overdue
    { status: 'acknowledged', dueDate: '2026-05-22' }, // due soon
    { status: 'assigned', dueDate: '2026-07-30', acknowledgeBy: '2026-05-15' }, // not acknowledged
    { status: 'in_progress', dueDate: '2026-07-30' }, // fine
    { status: 'submitted', dueDate: '2026-05-10' }, // handed in: no reminder
    { status: 'completed', dueDate: '2026-05-10' },
  ] as const;
  for (const [i, spec] of specs.entries()) {
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: i + 1, number: `R-${i}`, title: `事项${i}` }).returning();
    await t.db.insert(tasks).values({ ...base, actionId: action!.id, originalDueDate: spec.dueDate, ...spec });
  }
});

describe('runReminders', () => {
  it('sends overdue, due-soon and not-acknowledged notices once per day, even when run twice at once', async () => {
    const [a, b] = await Promise.all([runReminders(now), runReminders(now)]);
    expect(a.sent + b.sent).toBe(3);
    const sent = await t.db.select().from(notifications).where(eq(notifications.userId, headId));
    expect(sent.map((n) => n.kind).sort()).toEqual(['reminder_due_soon', 'reminder_not_acknowledged', 'reminder_overdue']);
    expect((await runReminders(new Date('2026-05-20T22:00:00+08:00'))).sent).toBe(0);
    expect((await runReminders(new Date('2026-05-21T08:00:00+08:00'))).sent).toBe(3);
  });
});
