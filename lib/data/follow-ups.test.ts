import fs from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { migrationsFolder } from '@/db/migrate';
import { followUps, notifications, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createAction } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { postFollowUp } from './follow-ups';
import { listNotifications, markNotificationsRead, unreadCount } from './notifications';

const t = useTestDb();
let secretary: Actor;
let leader: Actor;
let head: Actor;
let otherHead: Actor;
let conferenceId: number;
const now = new Date('2019-03-18T10:00:00+08:00');
const later = (days: number) => new Date(now.getTime() + days * 86_400_000);

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  const other = await makeDepartment(t.db);
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', dept.id);
  otherHead = await makeActor(t.db, 'department_head', other.id);
  const { conference } = await createConference(secretary, {
    title: '会', kind: 'special', year: 2019, format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'), endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  conferenceId = conference.id;
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
  (globalThis as { deptId?: number }).deptId = dept.id;
});

async function newTask() {
  const deptId = (globalThis as { deptId?: number }).deptId!;
  const { tasks: made } = await createAction(
    secretary,
    { conferenceId, title: '隐患排查', defaultDueDate: '2019-06-30', assignments: [{ departmentId: deptId, role: 'lead' }] },
    now,
  );
  return made[0]!;
}

describe('the follow-up cycle', () => {
  it('runs acknowledge → progress → extension → submit → return → resubmit → verify, with counts and history', async () => {
    const task = await newTask();
    let v = task.version;
    const post = async (actor: Actor, input: Record<string, unknown>, days = 1) => {
      const result = await postFollowUp(actor, { taskId: task.id, version: v, ...input } as never, later(days));
      v = result.task.version;
      return result;
    };
    await post(head, { kind: 'acknowledge' });
    await post(head, { kind: 'progress', progress: 40, body: '已完成40%的排查' }, 2);
    await post(head, { kind: 'extension_request', newDueDate: '2019-07-31', body: '汛期影响现场排查' }, 3);
    const approved = await post(secretary, { kind: 'extension_approved' }, 4);
    expect(approved.task).toMatchObject({ dueDate: '2019-07-31', originalDueDate: '2019-06-30', extensionCount: 1, extensionRequestCount: 1 });
    await post(head, { kind: 'submit', body: '排查整改全部完成' }, 5);
    const returned = await post(secretary, { kind: 'return', body: '缺少整改台账' }, 6);
    expect(returned.task).toMatchObject({ status: 'in_progress', returnCount: 1, submittedAt: null, progress: 100 });
    await post(head, { kind: 'submit', body: '已补充整改台账' }, 7);
    const verified = await post(secretary, { kind: 'verify' }, 8);
    expect(verified.task).toMatchObject({ status: 'completed', version: 9 });
    await post(leader, { kind: 'instruction', body: '做得好，要总结推广' }, 9);
    const history = await t.db.select().from(followUps).where(eq(followUps.taskId, task.id)).orderBy(followUps.createdAt);
    expect(history.map((h) => `${h.kind}:${h.fromStatus ?? ''}>${h.toStatus}`)).toEqual([
      'assign:>assigned',
      'acknowledge:assigned>acknowledged',
      'progress:acknowledged>in_progress',
      'extension_request:in_progress>in_progress',
      'extension_approved:in_progress>in_progress',
      'submit:in_progress>submitted',
      'return:submitted>in_progress',
      'submit:in_progress>submitted',
      'verify:submitted>completed',
      'instruction:completed>completed',
    ]);
    expect(history[4]).toMatchObject({ previousDueDate: '2019-06-30', newDueDate: '2019-07-31' });
  });

  it('refuses a stale version, showing what is current, and writes nothing', async () => {
    const task = await newTask();
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    const error = await postFollowUp(secretary, { taskId: task.id, version: 1, kind: 'reminder', body: '请抓紧' }, later(1)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', details: { current: { status: 'acknowledged', version: 2 } } });
    expect(await t.db.select().from(followUps).where(eq(followUps.taskId, task.id))).toHaveLength(2);
  });

  it('creates one follow-up for a repeated idempotency key', async () => {
    const task = await newTask();
    const first = await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge', idempotencyKey: 'k-1' }, later(1));
    const again = await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge', idempotencyKey: 'k-1' }, later(1));
    expect(again).toMatchObject({ replayed: true, followUp: { id: first.followUp.id } });
    expect(await t.db.select().from(followUps).where(eq(followUps.taskId, task.id))).toHaveLength(2);
  });

  it('refuses a key reused for a different post, and keeps keys per author', async () => {
    const task = await newTask();
    const first = await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge', idempotencyKey: 'k-2' }, later(1));
    const reused = await postFollowUp(head, { taskId: task.id, version: 2, kind: 'comment', body: '已阅', idempotencyKey: 'k-2' }, later(1)).catch((e: unknown) => e);
    expect(reused).toMatchObject({ code: 'idempotency_key_reused', messageKey: 'idempotencyKeyReused' });
    expect(await t.db.select().from(followUps).where(eq(followUps.taskId, task.id))).toHaveLength(2);
    const theirs = await postFollowUp(leader, { taskId: task.id, version: 2, kind: 'comment', body: '已阅', idempotencyKey: 'k-2' }, later(1));
    expect(theirs).toMatchObject({ replayed: false, followUp: { authorId: leader.id, body: '已阅' } });
    expect(theirs.followUp.id).not.toBe(first.followUp.id);
  });

  it('tells posts apart by their evidence files too', async () => {
    const task = await newTask();
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    const file = (text: string) => ({ fileName: '台账.pdf', bytes: new TextEncoder().encode(`%PDF-1.7\n% ${text}\n%%EOF\n`) });
    const input = { taskId: task.id, version: 2, kind: 'comment', body: '附台账', idempotencyKey: 'k-files' };
    const first = await postFollowUp(head, input, later(1), [file('第一版')]);
    expect(await postFollowUp(head, input, later(1), [file('第一版')])).toMatchObject({ replayed: true, followUp: { id: first.followUp.id } });
    await expect(postFollowUp(head, input, later(1), [file('第二版')])).rejects.toMatchObject({ code: 'idempotency_key_reused' });
  });

  it('keeps keys written before migration 0007 meaning what they meant, for their author', async () => {
    const task = await newTask();
    const old = await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge', idempotencyKey: 'oa-old' }, later(1));
    // As 0006 stored it: "<task id>:<key>", no fingerprint.
    await t.db.update(followUps).set({ idempotencyKey: `${task.id}:oa-old`, idempotencyFingerprint: null }).where(eq(followUps.id, old.followUp.id));
    const migration = fs.readFileSync(path.join(migrationsFolder, '0007_idempotency_per_user_rate_window.sql'), 'utf8');
    await t.db.execute(sql.raw(migration.split('--> statement-breakpoint').at(-1)!));
    const [row] = await t.db.select().from(followUps).where(eq(followUps.id, old.followUp.id));
    expect(row).toMatchObject({ idempotencyKey: 'oa-old', idempotencyFingerprint: null });
    // Its author's retry gets it back, whatever the retry says (as before); another user's is new.
    expect(await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge', idempotencyKey: 'oa-old' }, later(1))).toMatchObject({
      replayed: true,
      followUp: { id: old.followUp.id },
    });
    expect((await postFollowUp(secretary, { taskId: task.id, version: 2, kind: 'reminder', body: '请抓紧', idempotencyKey: 'oa-old' }, later(1))).replayed).toBe(false);
    // The unique index holds one entry per task, author and key.
    const copy = { taskId: task.id, authorId: head.id, kind: 'comment' as const, body: 'x', idempotencyKey: 'oa-old' };
    await expect(t.db.insert(followUps).values(copy)).rejects.toThrow();
    await t.db.insert(followUps).values({ ...copy, authorId: null, idempotencyKey: 'by-script' });
    await expect(t.db.insert(followUps).values({ ...copy, authorId: null, idempotencyKey: 'by-script' })).rejects.toThrow();
  });

  it('refuses kinds the state or the role does not allow, and other departments', async () => {
    const task = await newTask();
    await expect(postFollowUp(head, { taskId: task.id, version: 1, kind: 'submit', body: 'x' }, later(1))).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(postFollowUp(head, { taskId: task.id, version: 1, kind: 'verify' }, later(1))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postFollowUp(leader, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1))).rejects.toMatchObject({ code: 'forbidden' });
    await expect(postFollowUp(otherHead, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1))).rejects.toMatchObject({ code: 'not_found' });
    await expect(postFollowUp(secretary, { taskId: task.id, version: 1, kind: 'extension_approved' }, later(1))).rejects.toMatchObject({ code: 'invalid_transition' });
  });

  it('refuses bad input with translated keys', async () => {
    const task = await newTask();
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    await expect(postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 140, body: 'x' }, later(1))).rejects.toMatchObject({
      fieldErrors: { progress: [{ key: 'tooBig', values: { max: 100 } }] },
    });
    await expect(postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 'abc' as never, body: 'x' }, later(1))).rejects.toMatchObject({ code: 'validation' });
    await expect(postFollowUp(head, { taskId: task.id, version: 2, kind: 'extension_request', newDueDate: '2019-03-01', body: 'x' }, later(1))).rejects.toMatchObject({
      fieldErrors: { newDueDate: [{ key: 'dateInPast' }] },
    });
    await expect(postFollowUp(head, { taskId: task.id, version: 2, kind: 'extension_request', newDueDate: '2019-06-01', body: 'x' }, later(1))).rejects.toMatchObject({
      fieldErrors: { newDueDate: [{ key: 'notAfterDueDate' }] },
    });
    await expect(postFollowUp(head, { taskId: task.id, version: 2, kind: 'submit' }, later(1))).rejects.toMatchObject({ fieldErrors: { body: [{ key: 'required' }] } });
    const [row] = await t.db.select().from(tasks).where(eq(tasks.id, task.id));
    expect(row).toMatchObject({ status: 'acknowledged', version: 2 });
  });
});

describe('progress and evidence rules', () => {
  it('lets progress go down only with words saying why', async () => {
    const task = await newTask();
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    await postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 60, body: '完成60%' }, later(2));
    await expect(postFollowUp(head, { taskId: task.id, version: 3, kind: 'progress', progress: 40 }, later(3))).rejects.toMatchObject({
      fieldErrors: { body: [{ key: 'progressDownReason' }] },
    });
    const lowered = await postFollowUp(head, { taskId: task.id, version: 3, kind: 'progress', progress: 40, body: '复查发现两处隐患需重新整改' }, later(3));
    expect(lowered.task).toMatchObject({ progress: 40, version: 4 });
  });

  it('refuses files on a kind that takes none, and too many files at once, writing nothing', async () => {
    const task = await newTask();
    const pdf = { fileName: 'a.pdf', bytes: new TextEncoder().encode('%PDF-1.4\n%%EOF\n') };
    await expect(postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1), [pdf])).rejects.toMatchObject({
      fieldErrors: { files: [{ key: 'evidenceNotAllowed' }] },
    });
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    await expect(
      postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 10, body: 'x' }, later(2), Array.from({ length: 11 }, () => pdf)),
    ).rejects.toMatchObject({ fieldErrors: { files: [{ key: 'tooManyFiles', values: { max: 10 } }] } });
    expect(await t.db.select().from(followUps).where(eq(followUps.taskId, task.id))).toHaveLength(2);
  });
});

describe('notifications', () => {
  it('tell the department of assignments and the office of submissions; each user marks their own read', async () => {
    const before = await unreadCount(head);
    const task = await newTask();
    expect(await unreadCount(head)).toBe(before + 1);
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    const office = await listNotifications(secretary, { unreadOnly: true });
    expect(office.find((n) => n.taskId === task.id)).toMatchObject({ kind: 'acknowledge', actionTitle: '隐患排查' });
    await markNotificationsRead(otherHead, office.map((n) => n.id));
    expect(await unreadCount(secretary)).toBe(office.length);
    await markNotificationsRead(secretary, 'all');
    expect(await unreadCount(secretary)).toBe(0);
    expect((await t.db.select().from(notifications).where(eq(notifications.userId, otherHead.id))).length).toBe(0);
  });
});

describe('evidence and the timeline', () => {
  it('stores evidence files with the follow-up and shows them on the timeline; a disguised file writes nothing', async () => {
    const { getTaskTimeline, allowedFollowUps, getTaskSiblings } = await import('./tasks');
    const task = await newTask();
    await postFollowUp(head, { taskId: task.id, version: 1, kind: 'acknowledge' }, later(1));
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    await expect(
      postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 40, body: '进展' }, later(2), [{ fileName: '证明.pdf', bytes: exe }]),
    ).rejects.toMatchObject({ fieldErrors: { files: [{ key: 'fileDisguised' }] } });
    await postFollowUp(head, { taskId: task.id, version: 2, kind: 'progress', progress: 40, body: '完成40%' }, later(2), [{ fileName: '排查台账.pdf', bytes: pdf }]);
    const timeline = await getTaskTimeline(head, task.id);
    // Newest first: the entry to act on is the one at the top.
    expect(timeline!.map((e) => [e.kind, e.files.map((f) => f.fileName)])).toEqual([
      ['progress', ['排查台账.pdf']],
      ['acknowledge', []],
      ['assign', []],
    ]);
    expect(timeline![0]).toMatchObject({ authorName: head.name, authorDepartmentName: expect.stringMatching(/^部门 /), progress: 40 });
    expect(await getTaskTimeline(otherHead, task.id)).toBeNull();
    expect(await allowedFollowUps(head, { id: task.id, status: 'in_progress', departmentId: (globalThis as { deptId?: number }).deptId! })).toEqual([
      'progress', 'submit', 'extension_request', 'comment',
    ]);
    expect(await allowedFollowUps(leader, { id: task.id, status: 'in_progress', departmentId: (globalThis as { deptId?: number }).deptId! })).toEqual(['instruction', 'comment']);
    expect(await getTaskSiblings(otherHead, task.id)).toBeNull();
  });
});
