import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { notifications, tasks, users } from '@/db/schema';
import { cityDate } from '@/lib/domain/quarters';
import { defaultLightSettings } from '@/lib/domain/task-light';
import { writeAudit } from './audit';

export type ReminderKind = 'due_soon' | 'overdue' | 'not_acknowledged';

/**
 * Sends the day's reminders to each task's department: due soon, overdue, not acknowledged
 * in time. One notice per user, task, kind and day, enforced by a unique key in the
 * database, so running it twice, or on several instances at once, sends nothing twice.
 */
export async function runReminders(now: Date = new Date(), dueSoonDays = defaultLightSettings.dueSoonDays) {
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
    );
  let sent = 0;
  for (let i = 0; i < due.length; i += 500) {
    const batch = due.slice(i, i + 500);
    const inserted = await db
      .insert(notifications)
      .values(batch.map((r) => ({ userId: r.userId, kind: `reminder_${r.kind}`, taskId: r.taskId, dedupeKey: `${r.kind}:${r.taskId}:${r.userId}:${today}`, createdAt: now })))
      .onConflictDoNothing({ target: notifications.dedupeKey })
      .returning({ id: notifications.id });
    sent += inserted.length;
  }
  if (sent) await writeAudit(db, { actorId: null, action: 'reminders.run', entityType: 'notification', after: { day: today, sent } });
  return { day: today, candidates: due.length, sent };
}
