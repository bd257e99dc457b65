import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { attachments, conferences, followUps, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { detectFileType } from '@/lib/domain/file-type';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { getStorage, storageKeyFor } from '@/lib/storage';
import { UploadTooLarge, discardStaged, stageStream, stagedExists, stagedPath } from '@/lib/uploads/staging';
import { type FieldMessage, ValidationError, fieldErrorsOf, parseInput } from '@/lib/validation/common';
import { documentFileNameSchema, removeDocumentSchema, rowId } from '@/lib/validation/documents';
import { writeAudit } from './audit';
import { conferenceScope, editableConference } from './conference-scope';
import { assertCan, departmentScope } from './guard';

export interface UploadDocumentInput {
  conferenceId: number;
  fileName: string;
  /** In memory (scripts, tests), or the request body streamed to staging (the upload route). */
  bytes?: Uint8Array;
  body?: ReadableStream<Uint8Array>;
}

const fileRefusal: Record<'disguised' | 'unsupported' | 'empty', string> = {
  disguised: 'fileDisguised',
  unsupported: 'fileUnsupported',
  empty: 'fileEmpty',
};

/** The largest upload in bytes, from `UPLOAD_MAX_MB`. */
export function uploadMaxBytes(): number {
  return Math.floor(env().UPLOAD_MAX_MB * 1024 * 1024);
}

/** A file checked and hashed, ready to store and attach to a conference or a follow-up. */
export interface PreparedUpload {
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  /** The content: in memory, or a file streamed to the staging folder. */
  bytes?: Uint8Array;
  stagedId?: string;
}

const refusal = (field: string, ...messages: FieldMessage[]) => new ValidationError({ [field]: messages });
const tooLarge = (field: string) => refusal(field, { key: 'fileTooLarge', values: { max: env().UPLOAD_MAX_MB } });

/** The file name as stored (NFC, trimmed), or the form field's errors. Checked before any byte is read. */
export function checkedFileName(fileName: string, field = 'file'): string {
  const named = documentFileNameSchema.safeParse(fileName);
  if (!named.success) throw refusal(field, ...Object.values(fieldErrorsOf(named.error)).flat());
  return named.data;
}

/** Checks name, size and type (by content); problems are reported on the given form field. */
export function prepareUpload(input: { fileName: string; bytes: Uint8Array }, field = 'file'): PreparedUpload {
  const fileName = checkedFileName(input.fileName, field);
  const { bytes } = input;
  if (bytes.byteLength > uploadMaxBytes()) throw tooLarge(field);
  const type = detectFileType(bytes, fileName);
  if (!type.ok) throw refusal(field, { key: fileRefusal[type.reason] });
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  return { fileName, mediaType: type.mediaType, sizeBytes: bytes.byteLength, sha256, storageKey: storageKeyFor(sha256), bytes };
}

/**
 * Streams a request body to staging under `UPLOAD_MAX_MB` and checks it as `prepareUpload`
 * does, its type read from its first and last bytes. A refused file is removed at once.
 */
export async function receiveUpload(body: ReadableStream<Uint8Array> | null, fileName: string, field = 'file'): Promise<PreparedUpload> {
  const name = checkedFileName(fileName, field);
  if (!body) throw refusal(field, { key: 'fileEmpty' });
  const staged = await stageStream(body, uploadMaxBytes()).catch((error: unknown) => {
    throw error instanceof UploadTooLarge ? tooLarge(field) : error;
  });
  const type = detectFileType(staged.head, name, staged.tail);
  if (!type.ok) {
    await discardStaged(staged.stagedId);
    throw refusal(field, { key: fileRefusal[type.reason] });
  }
  return { fileName: name, mediaType: type.mediaType, sizeBytes: staged.sizeBytes, sha256: staged.sha256, storageKey: storageKeyFor(staged.sha256), stagedId: staged.stagedId };
}

/**
 * Stores the bytes once per SHA-256. Called before the row is written so a row never points
 * at a missing file; a rolled-back upload leaves at most an unreferenced blob, reused later.
 * A staged file is moved into place; one already gone (swept, or used by a post that got there
 * first) is refused as expired unless the same bytes are stored already.
 */
export async function storeUpload(upload: PreparedUpload, field = 'file'): Promise<void> {
  const storage = getStorage();
  if (await storage.has?.(upload.storageKey)) {
    if (upload.stagedId) await discardStaged(upload.stagedId);
    return;
  }
  if (upload.bytes) return storage.put(upload.storageKey, upload.bytes);
  if (!upload.stagedId || !(await stagedExists(upload.stagedId))) throw refusal(field, { key: 'uploadExpired' });
  if (storage.putFile) return storage.putFile(upload.storageKey, stagedPath(upload.stagedId));
  await storage.put(upload.storageKey, new Uint8Array(await fs.readFile(stagedPath(upload.stagedId))));
  await discardStaged(upload.stagedId);
}

/**
 * Adds a document (notice, report, slides…) to a conference. The type is read from the
 * content; the bytes are stored once per SHA-256, whoever uploads them and however often.
 */
export async function uploadConferenceDocument(actor: Actor, input: UploadDocumentInput) {
  assertCan(actor, 'conference.manageDocuments');
  const conferenceId = parseInput(rowId, input.conferenceId);
  const db = await getDb();
  let upload: PreparedUpload;
  if (input.body) {
    checkedFileName(input.fileName);
    // Refused before a byte is read: a conference this person may not change, or cancelled.
    await editableConference(db, actor, conferenceId);
    upload = await receiveUpload(input.body, input.fileName);
  } else {
    upload = prepareUpload({ fileName: input.fileName, bytes: input.bytes ?? new Uint8Array() });
  }
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, conferenceId);
    await storeUpload(upload);
    const [row] = await tx
      .insert(attachments)
      .values({
        conferenceId,
        fileName: upload.fileName,
        mediaType: upload.mediaType,
        sizeBytes: upload.sizeBytes,
        sha256: upload.sha256,
        storageKey: upload.storageKey,
        uploadedById: actor.id > 0 ? actor.id : null,
      })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'document.upload', entityType: 'attachment', entityId: row!.id, after: row });
    return { id: row!.id, fileName: row!.fileName, mediaType: row!.mediaType, sizeBytes: row!.sizeBytes, sha256: upload.sha256, createdAt: row!.createdAt };
  });
}

/** Takes a document off the conference; the row and the file are kept, marked removed. */
export async function removeConferenceDocument(actor: Actor, input: { conferenceId: number; id: number }) {
  assertCan(actor, 'conference.manageDocuments');
  const data = parseInput(removeDocumentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    const [row] = await tx
      .update(attachments)
      .set({ removedAt: new Date() })
      .where(and(eq(attachments.id, data.id), eq(attachments.conferenceId, data.conferenceId), isNull(attachments.removedAt)))
      .returning({ id: attachments.id, fileName: attachments.fileName, removedAt: attachments.removedAt });
    if (!row) throw notFound(`document ${data.id} of conference ${data.conferenceId}`);
    await writeAudit(tx, { actorId: actor.id, action: 'document.remove', entityType: 'attachment', entityId: row.id, after: row });
    return row;
  });
}

/**
 * A file to download, or null when it is missing, removed or not the actor's to see: a
 * conference document goes to whoever may read the conference, a follow-up's evidence to
 * whoever may read its task. Each download handed out is written to the audit log.
 */
export async function getDocumentForDownload(
  actor: Actor,
  attachmentId: number,
  request: { ip?: string | null } = {},
): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
  const parsed = rowId.safeParse(attachmentId);
  if (!parsed.success) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      fileName: attachments.fileName,
      mediaType: attachments.mediaType,
      storageKey: attachments.storageKey,
      conferenceId: attachments.conferenceId,
      followUpId: attachments.followUpId,
    })
    .from(attachments)
    .where(and(eq(attachments.id, parsed.data), isNull(attachments.removedAt)));
  if (!row) return null;

  let visible: unknown[] = [];
  if (row.conferenceId !== null) {
    visible = await db
      .select({ id: conferences.id })
      .from(conferences)
      .where(and(eq(conferences.id, row.conferenceId), conferenceScope(actor)));
  } else if (row.followUpId !== null) {
    visible = await db
      .select({ id: followUps.id })
      .from(followUps)
      .innerJoin(tasks, eq(tasks.id, followUps.taskId))
      .where(and(eq(followUps.id, row.followUpId), departmentScope(actor, 'task.read', tasks.departmentId)));
  }
  if (!visible.length) return null;

  const bytes = await getStorage().get(row.storageKey);
  // The row says the file exists: its absence is a fault to report, not a 404.
  if (!bytes) throw new Error(`attachment ${parsed.data}: stored file ${row.storageKey} is missing`);
  await writeAudit(db, {
    actorId: actor.id,
    action: 'document.download',
    entityType: 'attachment',
    entityId: parsed.data,
    after: { fileName: row.fileName, conferenceId: row.conferenceId, followUpId: row.followUpId },
    ip: request.ip,
  });
  return { fileName: row.fileName, mediaType: row.mediaType, bytes };
}
