import { eq, inArray } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { emailOutbox, notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { deadSmtpUrl, setEnv, useSmtpServer } from '@/test/smtp';
import { createAction } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { drainOutbox, drainOutboxSoon, maxAttempts, retryDelayMs } from './email-outbox';
import { postFollowUp } from './follow-ups';

const t = useTestDb();
const smtp = useSmtpServer();
let secretary: Actor;
let head: Actor;
let deptId: number;
let conferenceId: number;
const now = new Date('2019-03-18T10:00:00+08:00');

beforeAll(async () => {
  const dept = await makeDepartment(t.db, { name: '市应急管理局', nameEn: 'Emergency Management Bureau' });
  deptId = dept.id;
  secretary = await makeActor(t.db, 'secretary', null, { email: 'office@city.example', displayName: '王秘书' });
  head = await makeActor(t.db, 'department_head', dept.id, { email: 'head@city.example', displayName: 'Li Ming', locale: 'en' });
  // A colleague without an address hears of it in the app only.
  await makeActor(t.db, 'department_head', dept.id);
  const { conference } = await createConference(secretary, {
    title: '会', kind: 'special', year: 2019, format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'), endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  conferenceId = conference.id;
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
});

beforeEach(async () => {
  // Each test starts with an empty outbox and mailbox.
  await drainOutbox({ now: new Date(Date.now() + 86_400_000) });
  smtp.server.received.length = 0;
});

async function assignTask(title = '隐患排查', titleEn = 'Hazard inspection') {
  const { tasks } = await createAction(
    secretary,
    { conferenceId, title, titleEn, defaultDueDate: '2019-06-30', assignments: [{ departmentId: deptId, role: 'lead' }] },
    now,
  );
  return tasks[0]!;
}

const outboxOf = async (taskId: number) => {
  const ids = (await t.db.select({ id: notifications.id }).from(notifications).where(eq(notifications.taskId, taskId))).map((n) => n.id);
  return ids.length ? t.db.select().from(emailOutbox).where(inArray(emailOutbox.notificationId, ids)) : [];
};

describe('notification e-mail', () => {
  it('queues one mail per recipient with an address, in their language, and the drain delivers it over SMTP', async () => {
    const task = await assignTask();
    const queued = await outboxOf(task.id);
    expect(queued.map((m) => m.toAddress)).toEqual(['head@city.example']);
    expect(smtp.server.received).toHaveLength(0);

    expect(await drainOutbox()).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    const [mail] = smtp.server.received;
    const link = `https://docket.city.example/tasks/${task.id}`;
    expect(mail!.envelopeTo).toEqual(['head@city.example']);
    expect(mail!.subject).toMatch(/^\[Docket\] New task assigned: .* Hazard inspection$/);
    expect(mail!.text).toContain('Dear Li Ming,');
    expect(mail!.text).toContain('Department: Emergency Management Bureau');
    expect(mail!.text).toContain('Due: 30 Jun 2019');
    expect(mail!.text).toContain(`View in Docket: ${link}`);
    expect(mail!.html).toContain(`<a href="${link}">View in Docket</a>`);
    expect(mail!.html).toContain('<html lang="en">');
    const [row] = await t.db.select().from(emailOutbox).where(eq(emailOutbox.id, queued[0]!.id));
    expect(row).toMatchObject({ attempts: 1, lastError: null });
    expect(row!.sentAt).toBeInstanceOf(Date);
    const [notice] = await t.db.select().from(notifications).where(eq(notifications.id, queued[0]!.notificationId!));
    expect(notice!.emailedAt).toBeInstanceOf(Date);
  });

  it('writes to a recipient without a saved language in Chinese, with the follow-up words', async () => {
    const task = await assignTask('汛期检查', 'Flood season check');
    await postFollowUp(head, { taskId: task.id, version: task.version, kind: 'acknowledge' }, now);
    const progress = await postFollowUp(head, { taskId: task.id, version: task.version + 1, kind: 'progress', progress: 40, body: '已完成<四成>' }, now);
    await postFollowUp(head, { taskId: task.id, version: progress.task.version, kind: 'submit', body: '全部完成' }, now);
    await drainOutbox();
    const toOffice = smtp.server.received.filter((m) => m.envelopeTo[0] === 'office@city.example');
    expect(toOffice.map((m) => m.subject)).toEqual([
      expect.stringMatching(/^【安委会督办】任务已签收：.* 汛期检查$/),
      expect.stringMatching(/^【安委会督办】提交办结，待审核：.* 汛期检查$/),
    ]);
    const submitted = toOffice[1]!;
    expect(submitted.text).toContain('王秘书，您好：');
    expect(submitted.text).toContain('承办单位：市应急管理局');
    expect(submitted.text).toContain('说明：全部完成');
    expect(submitted.text).toContain(`在 Docket 中查看：https://docket.city.example/tasks/${task.id}`);
    expect(submitted.html).toContain('<html lang="zh-CN">');
  });

  it('escapes what people typed in the HTML part', async () => {
    const task = await assignTask();
    await postFollowUp(secretary, { taskId: task.id, version: task.version, kind: 'reminder', body: '<script>alert(1)</script> 请尽快签收' }, now);
    await drainOutbox();
    const reminder = smtp.server.received.find((m) => m.subject.startsWith('[Docket] Reminder: '))!;
    expect(reminder.text).toContain('Note: <script>alert(1)</script> 请尽快签收');
    expect(reminder.html).toContain('Note: &lt;script&gt;alert(1)&lt;/script&gt; 请尽快签收');
    expect(reminder.html).not.toContain('<script>');
  });
});

describe('drainOutbox', () => {
  it('records a failure when the SMTP server is down, without throwing, and sends on a later retry', async () => {
    const good = smtp.server.url;
    setEnv({ SMTP_URL: await deadSmtpUrl() });
    try {
      const task = await assignTask();
      const before = new Date();
      expect(await drainOutbox({ now: before })).toEqual({ sent: 0, failed: 1, gaveUp: 0 });
      const [row] = await outboxOf(task.id);
      expect(row!.attempts).toBe(1);
      expect(row!.lastError).toMatch(/ECONNREFUSED|connect/i);
      expect(row!.sentAt).toBeNull();
      expect(row!.nextAttemptAt.getTime()).toBe(before.getTime() + retryDelayMs(1));
    } finally {
      setEnv({ SMTP_URL: good });
    }
    // Not due yet: nothing happens until the backoff has passed.
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    expect(await drainOutbox({ now: new Date(Date.now() + retryDelayMs(1)) })).toEqual({ sent: 1, failed: 0, gaveUp: 0 });
    expect(smtp.server.received).toHaveLength(1);
  });

  it('gives up after the last attempt and leaves the mail with its error', async () => {
    setEnv({ SMTP_URL: await deadSmtpUrl() });
    let clock = Date.now();
    let gaveUp = 0;
    try {
      const task = await assignTask();
      for (let attempt = 1; attempt <= maxAttempts + 1; attempt += 1) {
        gaveUp += (await drainOutbox({ now: new Date(clock) })).gaveUp;
        clock += retryDelayMs(attempt);
      }
      const [row] = await outboxOf(task.id);
      expect(row).toMatchObject({ attempts: maxAttempts, sentAt: null });
      expect(gaveUp).toBe(1);
    } finally {
      setEnv({ SMTP_URL: smtp.server.url });
    }
    expect(await drainOutbox({ now: new Date(clock + 86_400_000) })).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
  });

  // On PGlite the two drains take turns on one connection; on PostgreSQL they run at once.
  it('sends each mail once when two drains run at the same time', async () => {
    const made = [];
    for (let i = 0; i < 6; i += 1) made.push(await assignTask(`事项${i}`, `Item ${i}`));
    const [a, b] = await Promise.all([drainOutbox({ limit: 4 }), drainOutbox({ limit: 4 })]);
    expect(a.sent + b.sent).toBe(6);
    expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    const subjects = smtp.server.received.map((m) => m.subject);
    expect(new Set(subjects).size).toBe(6);
    for (const task of made) expect((await outboxOf(task.id))[0]!.attempts).toBe(1);
  });

  it('drainOutboxSoon returns at once and sends in the background when there is no request to wait for', async () => {
    const task = await assignTask();
    expect(drainOutboxSoon()).toBeUndefined();
    await vi.waitFor(async () => expect((await outboxOf(task.id))[0]!.sentAt).not.toBeNull(), { timeout: 10_000 });
    expect(smtp.server.received).toHaveLength(1);
  });

  it('queues nothing without SMTP_URL, while the notifications are still written', async () => {
    setEnv({ SMTP_URL: undefined, MAIL_FROM: undefined });
    try {
      const task = await assignTask();
      expect((await t.db.select().from(notifications).where(eq(notifications.taskId, task.id))).length).toBe(2);
      expect(await outboxOf(task.id)).toEqual([]);
      expect(await drainOutbox()).toEqual({ sent: 0, failed: 0, gaveUp: 0 });
    } finally {
      setEnv({ SMTP_URL: smtp.server.url, MAIL_FROM: 'Docket <docket@city.example>' });
    }
  });
});
