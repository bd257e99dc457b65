import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { followUpPolicy } from '@/lib/domain/task-state';
import { forbidden, notFound } from '@/lib/errors';
import { storageKeyFor } from '@/lib/storage';
import { readReceipt, receiptLifetimeMs, signReceipt } from '@/lib/uploads/receipt';
import { ValidationError, parseInput } from '@/lib/validation/common';
import { rowId } from '@/lib/validation/documents';
import { evidenceKinds } from '@/lib/validation/follow-ups';
import { type PreparedUpload, checkedFileName, receiveUpload } from './documents';
import { departmentScope } from './guard';

/** Evidence for a follow-up: bytes in hand (scripts, tests), or the receipt of a file uploaded first. */
export type EvidenceFile = { fileName: string; bytes: Uint8Array } | { receipt: string };

export interface StagedEvidence {
  receipt: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
}

/**
 * Receives one evidence file for a task ahead of the follow-up that will carry it: streamed to
 * staging under `UPLOAD_MAX_MB`, its type checked, answered with a signed receipt the follow-up
 * redeems. Only someone who may post evidence on this task gets that far: the task, the name
 * and the right are checked before a byte of the body is read.
 */
export async function stageEvidence(
  actor: Actor,
  input: { taskId: unknown; fileName: string },
  body: ReadableStream<Uint8Array> | null,
  now = new Date(),
): Promise<StagedEvidence> {
  const taskId = parseInput(rowId, input.taskId);
  checkedFileName(input.fileName, 'files');
  const db = await getDb();
  const [task] = await db
    .select({ id: tasks.id, departmentId: tasks.departmentId })
    .from(tasks)
    .where(and(eq(tasks.id, taskId), departmentScope(actor, 'task.read', tasks.departmentId)));
  if (!task) throw notFound(`task ${taskId}`);
  const mayAttach = [...evidenceKinds].some((kind) => can(actor, followUpPolicy[kind], { departmentId: task.departmentId }));
  if (!mayAttach) throw forbidden(`${actor.username} may not attach evidence to task ${taskId}`);
  const upload = await receiveUpload(body, input.fileName, 'files');
  const receipt = signReceipt({
    userId: actor.id,
    taskId,
    stagedId: upload.stagedId!,
    fileName: upload.fileName,
    mediaType: upload.mediaType,
    sizeBytes: upload.sizeBytes,
    sha256: upload.sha256,
    expiresAt: now.getTime() + receiptLifetimeMs,
  });
  return { receipt, fileName: upload.fileName, mediaType: upload.mediaType, sizeBytes: upload.sizeBytes };
}

/** The upload a receipt stands for, if it is this user's, for this task, and not expired. */
export function redeemReceipt(actor: Actor, taskId: number, token: string, now: Date): PreparedUpload {
  const receipt = readReceipt(token, now.getTime());
  if (!receipt || receipt.userId !== actor.id || receipt.taskId !== taskId) throw new ValidationError({ files: [{ key: 'uploadExpired' }] });
  return {
    fileName: receipt.fileName,
    mediaType: receipt.mediaType,
    sizeBytes: receipt.sizeBytes,
    sha256: receipt.sha256,
    storageKey: storageKeyFor(receipt.sha256),
    stagedId: receipt.stagedId,
  };
}
