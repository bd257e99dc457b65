import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, followUps } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { resetEnvForTests } from '@/lib/env';
import { LocalDiskStorage, getStorage, setStorageForTests } from '@/lib/storage';
import { stagingDir } from '@/lib/uploads/staging';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createAction } from './actions';
import { changeConferenceStatus, createConference } from './conferences';
import { uploadConferenceDocument } from './documents';
import { stageEvidence } from './evidence-uploads';
import { postFollowUp } from './follow-ups';

const t = useTestDb();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-evidence-'));
const previousDataDir = process.env.DATA_DIR;
let secretary: Actor;
let leader: Actor;
let head: Actor;
let otherHead: Actor;
let conferenceId: number;
let deptId: number;
const now = new Date('2019-03-18T10:00:00+08:00');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

/** A PDF of about `size` bytes, different each time. */
const pdf = (size = 4096) => {
  const bytes = crypto.randomBytes(size);
  bytes.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
  return new Uint8Array(bytes);
};
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** The bytes as a request body arrives: in 64 KB chunks, nothing read until someone pulls. */
function bodyOf(bytes: Uint8Array) {
  const pulled = { count: 0 };
  let at = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 64 * 1024));
        at += 64 * 1024;
        pulled.count += 1;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled };
}

const stagedCount = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()).length : 0);
const followUpCount = async () => (await t.db.select({ n: sql<number>`count(*)::int` }).from(followUps))[0]!.n;

async function newTask() {
  const { tasks: made } = await createAction(
    secretary,
    { conferenceId, title: '隐患排查', defaultDueDate: '2019-06-30', assignments: [{ departmentId: deptId, role: 'lead' }] },
    now,
  );
  const task = made[0]!;
  const { task: acknowledged } = await postFollowUp(head, { taskId: task.id, version: task.version, kind: 'acknowledge' }, now);
  return acknowledged;
}

beforeAll(async () => {
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
  setStorageForTests(new LocalDiskStorage(path.join(dataDir, 'files')));
  deptId = (await makeDepartment(t.db)).id;
  const other = await makeDepartment(t.db);
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', deptId);
  otherHead = await makeActor(t.db, 'department_head', other.id);
  const { conference } = await createConference(secretary, {
    title: '会', kind: 'special', year: 2019, format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'), endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  conferenceId = conference.id;
  await changeConferenceStatus(secretary, { id: conferenceId, version: 1, to: 'scheduled' });
});

afterAll(() => {
  setStorageForTests(undefined);
  if (previousDataDir === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previousDataDir;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('evidence uploaded ahead of its follow-up', () => {
  it('streams to staging, and the follow-up that redeems the receipt stores the file with the entry', async () => {
    const task = await newTask();
    const bytes = pdf(1_500_000);
    const staged = await stageEvidence(head, { taskId: task.id, fileName: ' 排查台账.pdf ' }, bodyOf(bytes).body, now);
    expect(staged).toMatchObject({ fileName: '排查台账.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length });
    expect(stagedCount()).toBe(1);

    const { followUp } = await postFollowUp(head, { taskId: task.id, version: task.version, kind: 'progress', progress: 40, body: '附台账' }, minutes(5), [{ receipt: staged.receipt }]);
    const rows = await t.db.select().from(attachments).where(eq(attachments.followUpId, followUp.id));
    // The stored file is checked against a hash of the bytes sent, not against the code's own.
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ fileName: '排查台账.pdf', sizeBytes: bytes.length, sha256: sha256(bytes), uploadedById: head.id });
    expect(sha256((await getStorage().get(rows[0]!.storageKey))!)).toBe(sha256(bytes));
    expect(stagedCount()).toBe(0);
  });

  it('lets the office and leaders attach evidence to any task (a comment), and nobody to a task they cannot see', async () => {
    const task = await newTask();
    for (const actor of [secretary, leader]) {
      const staged = await stageEvidence(actor, { taskId: task.id, fileName: '督办意见.pdf' }, bodyOf(pdf()).body, now);
      expect(staged.receipt).toContain('.');
    }
    const { body, pulled } = bodyOf(pdf());
    await expect(stageEvidence(otherHead, { taskId: task.id, fileName: 'a.pdf' }, body, now)).rejects.toMatchObject({ code: 'not_found' });
    // Refused before a byte was read.
    expect(pulled.count).toBe(0);
    await expect(stageEvidence(head, { taskId: 9_999_999, fileName: 'a.pdf' }, bodyOf(pdf()).body, now)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('refuses a bad name unread, a file past UPLOAD_MAX_MB as soon as it is, and a disguised file, keeping none', async () => {
    const task = await newTask();
    const before = stagedCount();
    const named = bodyOf(pdf());
    await expect(stageEvidence(head, { taskId: task.id, fileName: '../台账.pdf' }, named.body, now)).rejects.toMatchObject({ fieldErrors: { files: expect.any(Array) } });
    expect(named.pulled.count).toBe(0);

    const large = bodyOf(new Uint8Array(50 * 1024 * 1024));
    await expect(stageEvidence(head, { taskId: task.id, fileName: '录像.pdf' }, large.body, now)).rejects.toMatchObject({
      fieldErrors: { files: [{ key: 'fileTooLarge', values: { max: 20 } }] },
    });
    // 20 MB in 64 KB chunks is 320; reading stopped at the first chunk past it.
    expect(large.pulled.count).toBe(321);

    const exe = new Uint8Array([0x4d, 0x5a, ...crypto.randomBytes(2000)]);
    await expect(stageEvidence(head, { taskId: task.id, fileName: '证明.pdf' }, bodyOf(exe).body, now)).rejects.toMatchObject({
      fieldErrors: { files: [{ key: 'fileDisguised' }] },
    });
    expect(stagedCount()).toBe(before);
  });

  it('honours a receipt only for its own user and task, within 30 minutes; a refused one writes nothing', async () => {
    const task = await newTask();
    const otherTask = await newTask();
    const staged = await stageEvidence(head, { taskId: task.id, fileName: '台账.pdf' }, bodyOf(pdf()).body, now);
    const count = await followUpCount();
    const expired = { fieldErrors: { files: [{ key: 'uploadExpired' }] } };
    const progress = (taskId: number, version: number) => ({ taskId, version, kind: 'comment', body: '附件' });
    await expect(postFollowUp(secretary, progress(task.id, task.version), minutes(1), [{ receipt: staged.receipt }])).rejects.toMatchObject(expired);
    await expect(postFollowUp(head, progress(otherTask.id, otherTask.version), minutes(1), [{ receipt: staged.receipt }])).rejects.toMatchObject(expired);
    await expect(postFollowUp(head, progress(task.id, task.version), minutes(31), [{ receipt: staged.receipt }])).rejects.toMatchObject(expired);
    await expect(postFollowUp(head, progress(task.id, task.version), minutes(1), [{ receipt: `${staged.receipt}x` }])).rejects.toMatchObject(expired);
    expect(await followUpCount()).toBe(count);
    // Within its time, by its user, on its task: it goes through.
    await postFollowUp(head, progress(task.id, task.version), minutes(29), [{ receipt: staged.receipt }]);
    expect(await followUpCount()).toBe(count + 1);
  });

  it('a repeated post under its idempotency key records one entry, whether the staged file is still there or not', async () => {
    const task = await newTask();
    const staged = await stageEvidence(head, { taskId: task.id, fileName: '台账.pdf' }, bodyOf(pdf()).body, now);
    const input = { taskId: task.id, version: task.version, kind: 'comment', body: '附件', idempotencyKey: 'evidence-once' };
    const first = await postFollowUp(head, input, minutes(1), [{ receipt: staged.receipt }]);
    const again = await postFollowUp(head, input, minutes(2), [{ receipt: staged.receipt }]);
    expect(again).toMatchObject({ replayed: true, followUp: { id: first.followUp.id } });
    expect(await t.db.select().from(attachments).where(eq(attachments.followUpId, first.followUp.id))).toHaveLength(1);
  });
});

describe('a conference document streamed to storage', () => {
  it('is stored and recorded; a department head is refused before a byte is read', async () => {
    const before = stagedCount();
    const bytes = pdf(900_000);
    const doc = await uploadConferenceDocument(secretary, { conferenceId, fileName: '会议通知.pdf', body: bodyOf(bytes).body });
    expect(doc).toMatchObject({ fileName: '会议通知.pdf', sizeBytes: bytes.length, sha256: sha256(bytes) });
    expect(sha256((await getStorage().get((await t.db.select().from(attachments).where(eq(attachments.id, doc.id)))[0]!.storageKey))!)).toBe(sha256(bytes));
    const { body, pulled } = bodyOf(pdf());
    await expect(uploadConferenceDocument(head, { conferenceId, fileName: 'a.pdf', body })).rejects.toMatchObject({ code: 'forbidden' });
    expect(pulled.count).toBe(0);
    expect(stagedCount()).toBe(before);
  });
});
