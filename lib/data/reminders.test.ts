import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, emailOutbox, notifications, requestedActions, tasks } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { setEnv, useSmtpServer } from '@/test/smtp';
import { runReminders, runRemindersAndSend } from './reminders';

const t = useTestDb();
const smtp = useSmtpServer();
let deptId: number;
let headId: number;
let conferenceId: number;
const now = new Date('2026-05-20T08:00:00+08:00');

async function addTask(departmentId: number, seq: number, spec: { status: 'assigned' | 'acknowledged' | 'in_progress' | 'submitted' | 'completed'; dueDate: string; acknowledgeBy?: string }) {
  const [action] = await t.db.insert(requestedActions).values({ conferenceId, seq, number: `R-${seq}`, title: `事项${seq}`, titleEn: `Item ${seq}` }).returning();
  const [task] = await t.db.insert(tasks).values({ conferenceId, departmentId, actionId: action!.id, originalDueDate: spec.dueDate, ...spec }).returning();
  return task!;
}

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  deptId = dept.id;
  headId = (await makeActor(t.db, 'department_head', dept.id)).id;
  await makeActor(t.db, 'secretary');
  const [conf] = await t.db.insert(conferences).values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') }).returning();
  conferenceId = conf!.id;
  const specs = [
    { status: 'in_progress', dueDate: '2026-05-10' }, // overdue
    { status: 'acknowledged', dueDate: '2026-05-22' }, // due soon
    { status: 'assigned', dueDate: '2026-07-30', acknowledgeBy: '2026-05-15' }, // not acknowledged
    { status: 'in_progress', dueDate: '2026-07-30' }, // fine
    { status: 'submitted', dueDate: '2026-05-10' }, // handed in: no reminder
    { status: 'completed', dueDate: '2026-05-10' },
  ] as const;
  for (const [i, spec] of specs.entries()) await addTask(dept.id, i + 1, spec);
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

  it('works through the late tasks in batches, missing none', async () => {
    // Batches of one task: the three candidates of 22 May take three rounds.
    const result = await runReminders(new Date('2026-05-22T08:00:00+08:00'), 3, 1);
    expect(result).toMatchObject({ candidates: 3, sent: 3 });
  });

  it('e-mails each new notice once: two runs at once and a third the same day send nothing twice', async () => {
    const withMail = await makeActor(t.db, 'department_head', deptId, { email: 'duty@city.example', locale: 'en' });
    const day = new Date('2026-05-25T07:00:00+08:00');
    const [a, b] = await Promise.all([runRemindersAndSend(day), runRemindersAndSend(day)]);
    // Overdue twice (one was due soon before) and not acknowledged, for each of the two heads.
    expect(a.notices + b.notices).toBe(6);
    expect(a.emails.queued + b.emails.queued).toBe(3);
    expect(a.emails.sent + b.emails.sent).toBe(3);
    const subjects = smtp.server.received.map((m) => m.subject).sort();
    expect(subjects).toEqual([
      '[Docket] Not acknowledged in time: R-3 Item 3',
      '[Docket] Overdue: R-1 Item 1',
      '[Docket] Overdue: R-2 Item 2',
    ]);
    expect(smtp.server.received.every((m) => m.envelopeTo[0] === 'duty@city.example')).toBe(true);
    expect(smtp.server.received[0]!.text).toMatch(/View in Docket: https:\/\/docket\.city\.example\/tasks\/\d+/);

    const again = await runRemindersAndSend(new Date('2026-05-25T18:00:00+08:00'));
    expect(again).toMatchObject({ notices: 0, emails: { queued: 0, sent: 0, failed: 0 } });
    expect(smtp.server.received).toHaveLength(3);
    const rows = await t.db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'duty@city.example'));
    expect(rows).toHaveLength(3);
    expect(rows.every((r) => r.sentAt !== null && r.attempts === 1)).toBe(true);
    expect((await t.db.select().from(notifications).where(eq(notifications.userId, withMail.id))).length).toBe(3);
  });

  it('takes the due-soon window from DUE_SOON_DAYS', async () => {
    const dept = await makeDepartment(t.db);
    const head = await makeActor(t.db, 'department_head', dept.id);
    await addTask(dept.id, 20, { status: 'in_progress', dueDate: '2026-06-08' });
    const dueSoon = () => t.db.select().from(notifications).where(and(eq(notifications.userId, head.id), eq(notifications.kind, 'reminder_due_soon')));
    await runReminders(new Date('2026-06-01T08:00:00+08:00'));
    expect(await dueSoon()).toHaveLength(0);
    setEnv({ DUE_SOON_DAYS: '7' });
    try {
      await runReminders(new Date('2026-06-01T09:00:00+08:00'));
    } finally {
      setEnv({ DUE_SOON_DAYS: undefined });
    }
    expect(await dueSoon()).toHaveLength(1);
  });
});
