import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, conferences, followUps, notifications, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { listNotificationPage, markNotificationsRead, notificationHref, openNotification, unreadCount } from './notifications';

const t = useTestDb();
let head: Actor;
let secretary: Actor;
let leader: Actor;
let admin: Actor;
let taskId: number;
let conferenceId: number;
let reminderId: number;
let conferenceNoticeId: number;
let secretaryNoticeId: number;
const at = (minutes: number) => new Date(Date.parse('2026-05-20T08:00:00+08:00') + minutes * 60_000);

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  head = await makeActor(t.db, 'department_head', dept.id);
  secretary = await makeActor(t.db, 'secretary', null, { displayName: '罗秘书' });
  leader = await makeActor(t.db, 'leader');
  admin = await makeActor(t.db, 'admin');
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '第一季度会议', titleEn: 'Q1 conference', year: 2026, quarter: 1, startsAt: at(-90_000), endsAt: at(-89_900) })
    .returning();
  conferenceId = conf!.id;
  const [action] = await t.db.insert(requestedActions).values({ conferenceId, seq: 1, number: '2026-Q1-01', title: '隐患排查', titleEn: 'Hazard survey' }).returning();
  const [task] = await t.db.insert(tasks).values({ actionId: action!.id, conferenceId, departmentId: dept.id, dueDate: '2026-06-30', originalDueDate: '2026-06-30' }).returning();
  taskId = task!.id;
  const [reminder] = await t.db
    .insert(followUps)
    .values({ taskId, authorId: secretary.id, kind: 'reminder', body: '请于本周内报送进展', fromStatus: 'assigned', toStatus: 'assigned', createdAt: at(30) })
    .returning();
  // Twelve for the head, oldest first: an assignment, ten daily reminders, the secretary's reminder, a conference notice.
  const rows = await t.db
    .insert(notifications)
    .values([
      { userId: head.id, kind: 'assign', taskId, createdAt: at(0) },
      ...Array.from({ length: 10 }, (_, i) => ({ userId: head.id, kind: 'reminder_due_soon', taskId, createdAt: at(1 + i) })),
      { userId: head.id, kind: 'reminder', taskId, followUpId: reminder!.id, createdAt: at(30) },
      { userId: head.id, kind: 'conference', conferenceId, createdAt: at(40) },
      { userId: secretary.id, kind: 'acknowledge', taskId, createdAt: at(50) },
    ])
    .returning({ id: notifications.id });
  reminderId = rows[11]!.id;
  conferenceNoticeId = rows[12]!.id;
  secretaryNoticeId = rows[13]!.id;
});

describe('notifications, read side', () => {
  it('pages the actor’s own notifications newest first, with totals and what each is about', async () => {
    const first = await listNotificationPage(head, { pageSize: 5 });
    expect(first).toMatchObject({ total: 13, unread: 13 });
    expect(first.rows.map((r) => r.id)).toEqual([conferenceNoticeId, reminderId, ...first.rows.slice(2).map((r) => r.id)]);
    expect(first.rows[0]).toMatchObject({ kind: 'conference', taskId: null, conferenceId, conferenceTitle: '第一季度会议', conferenceTitleEn: 'Q1 conference', readAt: null });
    expect(first.rows[1]).toMatchObject({ kind: 'reminder', taskId, actionNumber: '2026-Q1-01', actionTitle: '隐患排查', actionTitleEn: 'Hazard survey', body: '请于本周内报送进展', authorName: '罗秘书' });
    const last = await listNotificationPage(head, { page: 3, pageSize: 5 });
    expect(last.rows.map((r) => r.kind)).toEqual(['reminder_due_soon', 'reminder_due_soon', 'assign']);
    const seen = new Set([...first.rows, ...(await listNotificationPage(head, { page: 2, pageSize: 5 })).rows, ...last.rows].map((r) => r.id));
    expect(seen.size).toBe(13);
    expect(seen.has(secretaryNoticeId)).toBe(false);
  });

  it('gives every role its own list and bell count', async () => {
    expect(await unreadCount(secretary)).toBe(1);
    expect((await listNotificationPage(secretary)).rows.map((r) => r.id)).toEqual([secretaryNoticeId]);
    for (const actor of [leader, admin]) {
      expect(await unreadCount(actor)).toBe(0);
      expect(await listNotificationPage(actor)).toEqual({ rows: [], total: 0, unread: 0 });
    }
  });

  it('opens a notification: marks it read and leads to its task or conference', async () => {
    // Followed from another site (markRead false): it leads there but stays unread.
    expect(await openNotification(head, reminderId, at(59), false)).toBe(`/tasks/${taskId}`);
    expect(await unreadCount(head)).toBe(13);
    expect(await openNotification(head, reminderId, at(60))).toBe(`/tasks/${taskId}`);
    expect(await openNotification(head, conferenceNoticeId, at(61))).toBe(`/conferences/${conferenceId}`);
    expect(await unreadCount(head)).toBe(11);
    const page = await listNotificationPage(head, { pageSize: 2 });
    expect(page.rows.map((r) => r.readAt)).toEqual([at(61), at(60)]);
    expect(page).toMatchObject({ total: 13, unread: 11 });
    expect((await listNotificationPage(head, { unreadOnly: true, pageSize: 50 })).rows).toHaveLength(11);
    // Opening it again changes nothing.
    await openNotification(head, reminderId, at(90));
    expect((await listNotificationPage(head, { pageSize: 2 })).rows[1]!.readAt).toEqual(at(60));
    expect(notificationHref({ taskId: null, conferenceId: null })).toBe('/notifications');
  });

  it('never opens or marks another user’s notification', async () => {
    await expect(openNotification(head, secretaryNoticeId)).rejects.toMatchObject({ code: 'not_found' });
    await markNotificationsRead(head, [secretaryNoticeId]);
    expect(await unreadCount(secretary)).toBe(1);
  });

  it('marks one, then all, read, with an audit row', async () => {
    const [newest] = (await listNotificationPage(head, { unreadOnly: true, pageSize: 1 })).rows;
    await markNotificationsRead(head, [newest!.id]);
    expect(await unreadCount(head)).toBe(10);
    await markNotificationsRead(head, 'all');
    expect(await unreadCount(head)).toBe(0);
    expect(await unreadCount(secretary)).toBe(1);
    const audits = await t.db.select().from(auditLog).where(eq(auditLog.actorId, head.id));
    expect(audits.filter((a) => a.action === 'notification.read').length).toBeGreaterThanOrEqual(4);
  });
});
