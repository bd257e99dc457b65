import 'server-only';
import { type SQL, and, count, desc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { conferences, followUps, notifications, requestedActions, tasks, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { FollowUpKind } from '@/lib/domain/task-state';
import { notFound } from '@/lib/errors';
import { writeAudit } from './audit';
import { enqueueNotificationEmails } from './email-outbox';
import { pageOf } from './list-query';

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
  const inserted = await tx
    .insert(notifications)
    .values(
      recipients.map((r) => ({
        userId: r.id,
        kind: event.kind,
        taskId: event.task.id,
        followUpId: event.followUpId,
        createdAt: event.now,
      })),
    )
    .returning({ id: notifications.id });
  await enqueueNotificationEmails(tx, inserted.map((n) => n.id));
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

/** The actor's own notifications (optionally only the unread ones). */
const ownNotifications = (actor: Actor, unreadOnly?: boolean) =>
  and(eq(notifications.userId, actor.id), unreadOnly ? isNull(notifications.readAt) : undefined);

/** Notifications newest first, with what they are about: the task's action or the conference, and the follow-up's words and author. */
async function notificationRows(where: SQL | undefined, limit: number, offset = 0) {
  const db = await getDb();
  return db
    .select({
      id: notifications.id,
      kind: notifications.kind,
      taskId: notifications.taskId,
      conferenceId: notifications.conferenceId,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
      actionNumber: requestedActions.number,
      actionTitle: requestedActions.title,
      actionTitleEn: requestedActions.titleEn,
      conferenceTitle: conferences.title,
      conferenceTitleEn: conferences.titleEn,
      body: followUps.body,
      authorName: users.displayName,
    })
    .from(notifications)
    .leftJoin(tasks, eq(tasks.id, notifications.taskId))
    .leftJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .leftJoin(conferences, eq(conferences.id, notifications.conferenceId))
    .leftJoin(followUps, eq(followUps.id, notifications.followUpId))
    .leftJoin(users, eq(users.id, followUps.authorId))
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(limit)
    .offset(offset);
}
export type NotificationRow = Awaited<ReturnType<typeof notificationRows>>[number];

/** The actor's own notifications, newest first, with the task they are about. */
export async function listNotifications(actor: Actor, options: { unreadOnly?: boolean; limit?: number } = {}) {
  return notificationRows(ownNotifications(actor, options.unreadOnly), Math.min(options.limit ?? 50, 200));
}

/** One page of the actor's notifications, paged in SQL, with how many there are and how many unread. */
export async function listNotificationPage(actor: Actor, query: { page?: number; pageSize?: number; unreadOnly?: boolean } = {}) {
  const { limit, offset } = pageOf(query);
  const db = await getDb();
  const [rows, [counts]] = await Promise.all([
    notificationRows(ownNotifications(actor, query.unreadOnly), limit, offset),
    db
      .select({ all: count(), unread: sql<number>`count(*) FILTER (WHERE ${notifications.readAt} IS NULL)`.mapWith(Number) })
      .from(notifications)
      .where(ownNotifications(actor)),
  ]);
  const all = counts?.all ?? 0;
  const unread = counts?.unread ?? 0;
  return { rows, total: query.unreadOnly ? unread : all, unread };
}

/** Where a notification leads: its task, else its conference. */
export function notificationHref(n: { taskId: number | null; conferenceId: number | null }): string {
  return n.taskId ? `/tasks/${n.taskId}` : n.conferenceId ? `/conferences/${n.conferenceId}` : '/notifications';
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

/** Marks one of the actor's own notifications read and says where it leads; anyone else's is not found. */
export async function openNotification(actor: Actor, id: number, now: Date = new Date(), markRead = true): Promise<string> {
  const db = await getDb();
  const [row] = await db
    .select({ taskId: notifications.taskId, conferenceId: notifications.conferenceId })
    .from(notifications)
    .where(and(eq(notifications.id, id), eq(notifications.userId, actor.id)));
  if (!row) throw notFound(`notification ${id}`);
  if (markRead) await markNotificationsRead(actor, [id], now);
  return notificationHref(row);
}
