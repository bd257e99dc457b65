import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { attachments, auditLog, followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { LocalDiskStorage, getStorage, setStorageForTests } from '@/lib/storage';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { inviteDepartments } from './conference-parts';
import { getConferenceDetail } from './conference-detail';
import { changeConferenceStatus, createConference } from './conferences';
import { getDocumentForDownload, removeConferenceDocument, uploadConferenceDocument } from './documents';

const t = useTestDb();
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-documents-'));
let secretary: Actor;
let admin: Actor;
let leader: Actor;
let head: Actor;
let otherHead: Actor;
let deptA: number;
let deptB: number;

const pdf = (text = '会议通知') => new Uint8Array([...new TextEncoder().encode(`%PDF-1.7\n% ${text}\n`), ...new TextEncoder().encode('%%EOF\n')]);
const sha256 = (bytes: Uint8Array) => crypto.createHash('sha256').update(bytes).digest('hex');

/** Every file under the storage root, as paths relative to it. */
const storedFiles = () => (fs.readdirSync(root, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((d) => d.isFile()).map((d) => d.name);

async function conference(invite: number[] = [], title = '2019年第一季度安全生产委员会全体会议') {
  const { conference } = await createConference(secretary, {
    title,
    kind: 'special',
    year: 2019,
    startsAt: new Date('2019-03-15T09:00:00+08:00'),
    endsAt: new Date('2019-03-15T11:00:00+08:00'),
    format: 'video_telephone',
  });
  if (invite.length) await inviteDepartments(secretary, { conferenceId: conference.id, departmentIds: invite });
  return conference;
}

beforeAll(async () => {
  setStorageForTests(new LocalDiskStorage(root));
  deptA = (await makeDepartment(t.db)).id;
  deptB = (await makeDepartment(t.db)).id;
  secretary = await makeActor(t.db, 'secretary');
  admin = await makeActor(t.db, 'admin');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', deptA);
  otherHead = await makeActor(t.db, 'department_head', deptB);
});

afterAll(() => {
  setStorageForTests(undefined);
  fs.rmSync(root, { recursive: true, force: true });
});

describe('uploading a conference document', () => {
  it('stores the bytes by SHA-256, records the row with its Chinese name and audits it', async () => {
    const c = await conference([deptA]);
    const bytes = pdf();
    const doc = await uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '  2019年第一季度会议通知.pdf ', bytes });
    expect(doc).toMatchObject({ fileName: '2019年第一季度会议通知.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: sha256(bytes) });

    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, doc.id));
    expect(row).toMatchObject({ conferenceId: c.id, followUpId: null, sha256: sha256(bytes), uploadedById: secretary.id, removedAt: null });
    expect(row!.storageKey).toBe(`${row!.sha256.slice(0, 2)}/${row!.sha256.slice(2, 4)}/${row!.sha256}`);
    expect(await getStorage().get(row!.storageKey)).toEqual(bytes);

    const download = await getDocumentForDownload(secretary, doc.id);
    expect(download).toEqual({ fileName: '2019年第一季度会议通知.pdf', mediaType: 'application/pdf', bytes });
    const detail = await getConferenceDetail(head, c.id);
    expect(detail!.documents.map((d) => d.fileName)).toEqual(['2019年第一季度会议通知.pdf']);
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attachment'), eq(auditLog.entityId, String(doc.id))));
    expect(audit.map((a) => [a.action, a.actorId])).toEqual([
      ['document.upload', secretary.id],
      ['document.download', secretary.id],
    ]);
  });

  it('stores the same file once however often it is uploaded', async () => {
    const c = await conference();
    const bytes = pdf('同一份文件');
    const first = await uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '通知.pdf', bytes });
    const second = await uploadConferenceDocument(admin, { conferenceId: c.id, fileName: '通知（副本）.pdf', bytes });
    expect(second.id).not.toBe(first.id);
    expect(storedFiles().filter((name) => name === sha256(bytes))).toHaveLength(1);
  });

  it('refuses an oversize file and writes nothing', async () => {
    const c = await conference();
    const before = storedFiles().length;
    const max = env().UPLOAD_MAX_MB;
    const big = new Uint8Array(Math.floor(max * 1024 * 1024) + 1);
    big.set(pdf());
    await expect(uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '大文件.pdf', bytes: big })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { file: [{ key: 'fileTooLarge', values: { max } }] },
    });
    expect(storedFiles()).toHaveLength(before);
    expect(await t.db.select().from(attachments).where(eq(attachments.conferenceId, c.id))).toEqual([]);
  });

  it('refuses an .exe renamed .pdf, an empty file, an unsupported type and a name with a path', async () => {
    const c = await conference();
    const before = storedFiles().length;
    const exe = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
    const cases: [string, Uint8Array, unknown][] = [
      ['会议通知.pdf', exe, [{ key: 'fileDisguised' }]],
      ['空白.pdf', new Uint8Array(), [{ key: 'fileEmpty' }]],
      ['说明.txt', new TextEncoder().encode('纯文本'), [{ key: 'fileUnsupported' }]],
      ['../../etc/通知.pdf', pdf(), [{ key: 'fileName' }]],
      ['   ', pdf(), [{ key: 'required' }]],
      [`${'长'.repeat(252)}.pdf`, pdf(), [{ key: 'tooLong', values: { max: 255 } }]],
    ];
    for (const [fileName, bytes, errors] of cases) {
      await expect(uploadConferenceDocument(secretary, { conferenceId: c.id, fileName, bytes })).rejects.toMatchObject({ fieldErrors: { file: errors } });
    }
    expect(storedFiles()).toHaveLength(before);
    expect(await t.db.select().from(attachments).where(eq(attachments.conferenceId, c.id))).toEqual([]);
  });

  it('refuses leaders and department heads, an unknown conference and a cancelled one', async () => {
    const c = await conference([deptA]);
    for (const actor of [leader, head]) {
      await expect(uploadConferenceDocument(actor, { conferenceId: c.id, fileName: '通知.pdf', bytes: pdf() })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(uploadConferenceDocument(secretary, { conferenceId: 987_654, fileName: '通知.pdf', bytes: pdf() })).rejects.toMatchObject({ code: 'not_found' });
    await changeConferenceStatus(secretary, { id: c.id, version: 1, to: 'cancelled', reason: '改期' });
    await expect(uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '通知.pdf', bytes: pdf() })).rejects.toMatchObject({
      code: 'conflict',
      messageKey: 'conferenceCancelled',
    });
    expect(await t.db.select().from(attachments).where(eq(attachments.conferenceId, c.id))).toEqual([]);
  });
});

describe('removing a document', () => {
  it('marks it removed, audits it, and it can no longer be downloaded', async () => {
    const c = await conference();
    const doc = await uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '讲话稿.pdf', bytes: pdf('讲话稿') });
    await expect(removeConferenceDocument(leader, { conferenceId: c.id, id: doc.id })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(removeConferenceDocument(secretary, { conferenceId: c.id + 1, id: doc.id })).rejects.toMatchObject({ code: 'not_found' });
    await removeConferenceDocument(secretary, { conferenceId: c.id, id: doc.id });
    const [row] = await t.db.select().from(attachments).where(eq(attachments.id, doc.id));
    expect(row!.removedAt).toBeInstanceOf(Date);
    expect(await getDocumentForDownload(secretary, doc.id)).toBeNull();
    expect((await getConferenceDetail(secretary, c.id))!.documents).toEqual([]);
    await expect(removeConferenceDocument(secretary, { conferenceId: c.id, id: doc.id })).rejects.toMatchObject({ code: 'not_found' });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'document.remove'), eq(auditLog.entityId, String(doc.id))));
    expect(audit).toHaveLength(1);
  });
});

describe('who may download', () => {
  it("gives a conference's documents to readers of the conference only", async () => {
    const invited = await conference([deptA], '邀请了甲单位的会');
    const notInvited = await conference([deptB], '没有邀请甲单位的会');
    const mine = await uploadConferenceDocument(secretary, { conferenceId: invited.id, fileName: '甲.pdf', bytes: pdf('甲') });
    const theirs = await uploadConferenceDocument(secretary, { conferenceId: notInvited.id, fileName: '乙.pdf', bytes: pdf('乙') });
    expect(await getDocumentForDownload(head, mine.id)).toMatchObject({ fileName: '甲.pdf' });
    expect(await getDocumentForDownload(head, theirs.id)).toBeNull();
    expect(await getDocumentForDownload(otherHead, theirs.id)).toMatchObject({ fileName: '乙.pdf' });
    expect(await getDocumentForDownload(leader, theirs.id)).toMatchObject({ fileName: '乙.pdf' });
    expect(await getDocumentForDownload({ ...head, departmentId: null }, mine.id)).toBeNull();
    expect(await getDocumentForDownload(secretary, 987_654)).toBeNull();
    expect(await getDocumentForDownload(secretary, 99_999_999_999)).toBeNull();
    expect(await getDocumentForDownload(secretary, -1)).toBeNull();
  });

  it('audits each download handed out: who, which file, from where; a refused one is not', async () => {
    const c = await conference([deptA], '下载审计的会');
    const doc = await uploadConferenceDocument(secretary, { conferenceId: c.id, fileName: '工作报告.pdf', bytes: pdf('工作报告') });
    await getDocumentForDownload(head, doc.id, { ip: '10.0.0.7' });
    await getDocumentForDownload(leader, doc.id);
    expect(await getDocumentForDownload(otherHead, doc.id)).toBeNull();
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'document.download'), eq(auditLog.entityId, String(doc.id)))).orderBy(auditLog.id);
    expect(audit.map((a) => [a.actorId, a.ip, a.after])).toEqual([
      [head.id, '10.0.0.7', { fileName: '工作报告.pdf', conferenceId: c.id, followUpId: null }],
      [leader.id, null, { fileName: '工作报告.pdf', conferenceId: c.id, followUpId: null }],
    ]);
  });

  it("gives a follow-up's evidence to readers of its task only", async () => {
    const c = await conference([deptA, deptB]);
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: c.id, seq: 1, number: '2019-Q1-01', title: '危化品专项整治' }).returning();
    const [task] = await t.db
      .insert(tasks)
      .values({ actionId: action!.id, conferenceId: c.id, departmentId: deptA, dueDate: '2019-06-30', originalDueDate: '2019-06-30' })
      .returning();
    const [followUp] = await t.db.insert(followUps).values({ taskId: task!.id, authorId: head.id, kind: 'progress', progress: 50, body: '已完成排查' }).returning();
    const bytes = pdf('整改报告');
    const key = `${sha256(bytes).slice(0, 2)}/${sha256(bytes).slice(2, 4)}/${sha256(bytes)}`;
    await getStorage().put(key, bytes);
    const [evidence] = await t.db
      .insert(attachments)
      .values({ followUpId: followUp!.id, fileName: '整改报告.pdf', mediaType: 'application/pdf', sizeBytes: bytes.length, sha256: sha256(bytes), storageKey: key, uploadedById: head.id })
      .returning();
    expect(await getDocumentForDownload(head, evidence!.id)).toEqual({ fileName: '整改报告.pdf', mediaType: 'application/pdf', bytes });
    expect(await getDocumentForDownload(otherHead, evidence!.id)).toBeNull();
    for (const actor of [secretary, leader, admin]) expect(await getDocumentForDownload(actor, evidence!.id)).not.toBeNull();
  });

  it('reports a row whose file has gone missing as a fault, not as not-found', async () => {
    const c = await conference();
    const [row] = await t.db
      .insert(attachments)
      .values({ conferenceId: c.id, fileName: '丢失.pdf', mediaType: 'application/pdf', sizeBytes: 1, sha256: 'f'.repeat(64), storageKey: `ff/ff/${'f'.repeat(64)}` })
      .returning();
    await expect(getDocumentForDownload(secretary, row!.id)).rejects.toThrow(/missing/);
  });
});
