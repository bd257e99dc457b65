import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { attachments, conferences, followUps, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { detectFileType } from '@/lib/domain/file-type';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import { getStorage, storageKeyFor } from '@/lib/storage';
import { type FieldMessage, ValidationError, fieldErrorsOf, parseInput } from '@/lib/validation/common';
import { documentFileNameSchema, removeDocumentSchema, rowId } from '@/lib/validation/documents';
import { writeAudit } from './audit';
import { conferenceScope, editableConference } from './conference-scope';
import { assertCan, departmentScope } from './guard';

export interface UploadDocumentInput {
  conferenceId: number;
  fileName: string;
  bytes: Uint8Array;
}

const fileRefusal: Record<'disguised' | 'unsupported' | 'empty', string> = {
  disguised: 'fileDisguised',
  unsupported: 'fileUnsupported',
  empty: 'fileEmpty',
};

/** Every problem with the upload is reported on the form's `file` field. */
const fileError = (...messages: FieldMessage[]) => new ValidationError({ file: messages });

function parseFileName(fileName: unknown): string {
  const result = documentFileNameSchema.safeParse(fileName);
  if (result.success) return result.data;
  throw fileError(...Object.values(fieldErrorsOf(result.error)).flat());
}

/** The largest upload in bytes, from `UPLOAD_MAX_MB`. */
export function uploadMaxBytes(): number {
  return Math.floor(env().UPLOAD_MAX_MB * 1024 * 1024);
}

/**
 * Adds a document (notice, report, slides…) to a conference. The type is read from the
 * content; the bytes are stored once per SHA-256, whoever uploads them and however often.
 */
export async function uploadConferenceDocument(actor: Actor, input: UploadDocumentInput) {
  assertCan(actor, 'conference.manageDocuments');
  const conferenceId = parseInput(rowId, input.conferenceId);
  const fileName = parseFileName(input.fileName);
  const { bytes } = input;
  if (bytes.byteLength > uploadMaxBytes()) throw fileError({ key: 'fileTooLarge', values: { max: env().UPLOAD_MAX_MB } });
  const type = detectFileType(bytes, fileName);
  if (!type.ok) throw fileError({ key: fileRefusal[type.reason] });

  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  const storageKey = storageKeyFor(sha256);
  const storage = getStorage();
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, conferenceId);
    // Stored before the row so a row never points at a missing file; a rolled-back
    // upload leaves at most an unreferenced blob, which the same upload reuses.
    if (!(await storage.has?.(storageKey))) await storage.put(storageKey, bytes);
    const [row] = await tx
      .insert(attachments)
      .values({
        conferenceId,
        fileName,
        mediaType: type.mediaType,
        sizeBytes: bytes.byteLength,
        sha256,
        storageKey,
        uploadedById: actor.id > 0 ? actor.id : null,
      })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'document.upload', entityType: 'attachment', entityId: row!.id, after: row });
    return { id: row!.id, fileName: row!.fileName, mediaType: row!.mediaType, sizeBytes: row!.sizeBytes, sha256, createdAt: row!.createdAt };
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
 * whoever may read its task.
 */
export async function getDocumentForDownload(actor: Actor, attachmentId: number): Promise<{ fileName: string; mediaType: string; bytes: Uint8Array } | null> {
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
  return { fileName: row.fileName, mediaType: row.mediaType, bytes };
}
