import 'server-only';
import { and, count, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { notifications, requestedActions, tasks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { FollowUpKind } from '@/lib/domain/task-state';
import { writeAudit } from './audit';

/** Who hears of each follow-up: the task's department, or the committee office. */
const toDepartment: ReadonlySet<FollowUpKind> = new Set([
  'assign', 'return', 'extension_approved', 'extension_rejected', 'reminder', 'instruction', 'verify', 'due_date_change', 'cancel',
]);
const toOffice: ReadonlySet<FollowUpKind> = new Set(['acknowledge', 'submit', 'extension_request']);

export async function notifyFollowUp(
  tx: Tx,
  event: { kind: FollowUpKind; task: { id: number; departmentId: number }; followUpId: number; authorId: number; now: Date },
) {
  const audience = toDepartment.has(event.kind)
    ? and(eq(users.role, 'department_head'), eq(users.departmentId, event.task.departmentId))
    : toOffice.has(event.kind)
      ? eq(users.role, 'secretary')
      : undefined;
  if (!audience) return;
  const recipients = await tx
    .select({ id: users.id })
    .from(users)
    .where(and(audience, eq(users.active, true), ne(users.id, event.authorId)));
  if (!recipients.length) return;
  await tx.insert(notifications).values(
    recipients.map((r) => ({
      userId: r.id,
      kind: event.kind,
      taskId: event.task.id,
      followUpId: event.followUpId,
      createdAt: event.now,
    })),
  );
}

/** The bell's number. */
export async function unreadCount(actor: Actor): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .select({ value: count() })
    .from(notifications)
    .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt)));
  return row?.value ?? 0;
}

/** The actor's own notifications, newest first, with the task they are about. */
export async function listNotifications(actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      taskId: notifications.taskId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actionNumber: requestedActions.number,
      actionTitle: requestedActions.title,
      actionTitleEn: requestedActions.titleEn,
    })
    .from(notifications)
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .leftJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .where(and(eq(notifications.userId, actor.id), options.unreadOnly ? isNull(notifications.readAt) : undefined))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(options.limit ?? 50, 200));
}

/** Marks the given notifications (or all) of the actor as read; others' ids are ignored. */
export async function markNotificationsRead(actor: Actor, ids: number[] | 'all', now: Date = new Date()) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: now })
      .where(and(eq(notifications.userId, actor.id), isNull(notifications.readAt), ids === 'all' ? undefined : inArray(notifications.id, ids)))
      .returning({ id: notifications.id });
    if (marked.length) {
      await writeAudit(tx, { actorId: actor.id, action: 'notification.read', entityType: 'user', entityId: actor.id, after: { count: marked.length } });
    }
  });
}
