import 'server-only';
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import { executeRows } from '@/db/client';
import { getDb } from '@/db/runtime';
import { notifications, tasks, users } from '@/db/schema';
import { cityDate } from '@/lib/domain/quarters';
import { lightSettings } from './light-settings';
import { writeAudit } from './audit';
import { drainOutbox, enqueueNotificationEmails } from './email-outbox';

export type ReminderKind = 'due_soon' | 'overdue' | 'not_acknowledged';

const reminderBatch = 500;

/**
 * Sends the day's reminders to each task's department: due soon, overdue, not acknowledged
 * in time. One notice per user, task, kind and day, enforced by a unique key in the
 * database, so running it twice, or on several instances at once, sends nothing twice.
 * Each new notice queues its e-mail (see email-outbox.ts); the caller drains the outbox.
 */
export async function runReminders(now: Date = new Date(), dueSoonDays = lightSettings().dueSoonDays, batchSize = reminderBatch) {
  const today = cityDate(now);
  const db = await getDb();
  const day = sql`${today}::date`;
  const kindSql = sql<ReminderKind>`CASE
    WHEN ${tasks.dueDate} < ${day} THEN 'overdue'
    WHEN ${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} < ${day} THEN 'not_acknowledged'
    ELSE 'due_soon' END`;
  const candidate = sql`${tasks.status} IN ('assigned', 'acknowledged', 'in_progress') AND (
    ${tasks.dueDate} < ${day}
    OR (${tasks.status} = 'assigned' AND ${tasks.acknowledgeBy} < ${day})
    OR ${tasks.dueDate} - ${day} <= ${dueSoonDays}::int)`;
  const heads = and(eq(users.departmentId, tasks.departmentId), eq(users.role, 'department_head'), eq(users.active, true));
  let candidates = 0;
  let sent = 0;
  let emails = 0;
  // Keyset batches of tasks, so memory stays flat however many are late; ascending ids also give
  // concurrent runs one order of keys, so they take them in turn and cannot deadlock.
  for (let after = 0; ; ) {
    const batch = await db.select({ id: tasks.id }).from(tasks).where(and(candidate, gt(tasks.id, after))).orderBy(asc(tasks.id)).limit(batchSize);
    if (!batch.length) break;
    after = batch.at(-1)!.id;
    const ids = batch.map((b) => b.id);
    // A notice and its e-mail are written together: only a notice new today gets one.
    await db.transaction(async (tx) => {
      const pairs = sql`FROM ${tasks} JOIN ${users} ON ${heads} WHERE ${inArray(tasks.id, ids)}`;
      const [{ value } = { value: 0 }] = await executeRows<{ value: number }>(tx, sql`SELECT count(*)::int AS value ${pairs}`);
      candidates += Number(value);
      const inserted = await executeRows<{ id: number }>(
        tx,
        sql`INSERT INTO ${notifications} (user_id, kind, task_id, dedupe_key, created_at)
          SELECT ${users.id}, 'reminder_' || ${kindSql}, ${tasks.id}, ${kindSql} || ':' || ${tasks.id} || ':' || ${users.id} || ':' || ${today}, ${now.toISOString()}::timestamptz
          ${pairs} ORDER BY ${tasks.id}, ${users.id}
          ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
      );
      sent += inserted.length;
      emails += await enqueueNotificationEmails(tx, inserted.map((n) => Number(n.id)));
    });
    if (batch.length < batchSize) break;
  }
  if (sent) await writeAudit(db, { actorId: null, action: 'reminders.run', entityType: 'notification', after: { day: today, sent, emails } });
  return { day: today, candidates, sent, emails };
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
