import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { notifications, tasks, users } from '@/db/schema';
import { cityDate } from '@/lib/domain/quarters';
import { lightSettings } from './light-settings';
import { writeAudit } from './audit';
import { drainOutbox, enqueueNotificationEmails } from './email-outbox';

export type ReminderKind = 'due_soon' | 'overdue' | 'not_acknowledged';

/**
 * Sends the day's reminders to each task's department: due soon, overdue, not acknowledged
 * in time. One notice per user, task, kind and day, enforced by a unique key in the
 * database, so running it twice, or on several instances at once, sends nothing twice.
 * Each new notice queues its e-mail (see email-outbox.ts); the caller drains the outbox.
 */
export async function runReminders(now: Date = new Date(), dueSoonDays = lightSettings().dueSoonDays) {
  const today = cityDate(now);
  const db = await getDb();
  const day = sql`${today}::date`;
  const kindSql = sql<ReminderKind>`CASE
    WHEN ${tasks.dueDate} < ${day} THEN 'overdue'
    WHEN ${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} < ${day} THEN 'not_acknowledged'
    ELSE 'due_soon' END`;
  const due = await db
    .select({ taskId: tasks.id, userId: users.id, kind: kindSql })
    .from(tasks)
    .innerJoin(users, and(eq(users.departmentId, tasks.departmentId), eq(users.role, 'department_head'), eq(users.active, true)))
    .where(
      sql`${tasks.status} IN ('assigned', 'acknowledged', 'in_progress') AND (
        ${tasks.dueDate} < ${day}
        OR (${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} < ${day})
        OR ${tasks.dueDate} - ${day} <= ${dueSoonDays}::int)`,
    )
    // One order for every run: concurrent runs then take the same keys in turn and cannot deadlock.
    .orderBy(tasks.id, users.id);
  let sent = 0;
  let emails = 0;
  for (let i = 0; i < due.length; i += 500) {
    const batch = due.slice(i, i + 500);
    // A notice and its e-mail are written together: only a notice new today gets one.
    await db.transaction(async (tx) => {
      const inserted = await tx
        .insert(notifications)
        .values(batch.map((r) => ({ userId: r.userId, kind: `reminder_${r.kind}`, taskId: r.taskId, dedupeKey: `${r.kind}:${r.taskId}:${r.userId}:${today}`, createdAt: now })))
        .onConflictDoNothing({ target: notifications.dedupeKey })
        .returning({ id: notifications.id });
      sent += inserted.length;
      emails += await enqueueNotificationEmails(tx, inserted.map((n) => n.id));
    });
  }
  if (sent) await writeAudit(db, { actorId: null, action: 'reminders.run', entityType: 'notification', after: { day: today, sent, emails } });
  return { day: today, candidates: due.length, sent, emails };
}

const drainBatch = 50;

/**
 * What the reminders command and route do: today's notices, then the outbox (their mail and
 * any left from earlier), in batches until nothing more is due.
 */
export async function runRemindersAndSend(now: Date = new Date()) {
  const { day, candidates, sent, emails } = await runReminders(now);
  const mail = { queued: emails, sent: 0, failed: 0, gaveUp: 0 };
  // Bounded so a scheduler's request ends; what is left goes out on the next run.
  for (let batch = 0; batch < 20; batch += 1) {
    const drained = await drainOutbox({ limit: drainBatch });
    mail.sent += drained.sent;
    mail.failed += drained.failed;
    mail.gaveUp += drained.gaveUp;
    if (drained.sent + drained.failed < drainBatch) break;
  }
  return { day, candidates, notices: sent, emails: mail };
}
