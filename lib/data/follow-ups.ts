import 'server-only';
import crypto from 'node:crypto';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { attachments, followUps, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import { type FollowUpKind, type TaskStatus, followUpPolicy, nextStatus } from '@/lib/domain/task-state';
import { AppError, conflict, notFound } from '@/lib/errors';
import { type FieldErrors, ValidationError, parseInput } from '@/lib/validation/common';
import { type FollowUpInput, bodyRequired, evidenceKinds, followUpSchema, maxEvidenceFiles } from '@/lib/validation/follow-ups';
import { writeAudit } from './audit';
import { departmentScope, assertCan } from './guard';
import { type PreparedUpload, prepareUpload, storeUpload } from './documents';
import { type EvidenceFile, redeemReceipt } from './evidence-uploads';
import { notifyFollowUp } from './notifications';

type Task = typeof tasks.$inferSelect;
type ParsedFollowUp = Pick<z.output<typeof followUpSchema>, 'kind' | 'body' | 'progress' | 'newDueDate'>;

/**
 * Whether an extension request awaits the office's decision. A reassignment closes it: the new
 * department did not ask, and approving would give them the old department's date.
 */
export async function extensionPending(tx: Tx | Db, taskId: number): Promise<{ pending: boolean; requested: string | null }> {
  const [last] = await tx
    .select({ kind: followUps.kind, requestedDueDate: followUps.requestedDueDate })
    .from(followUps)
    .where(and(eq(followUps.taskId, taskId), inArray(followUps.kind, ['extension_request', 'extension_approved', 'extension_rejected', 'reassign'])))
    .orderBy(desc(followUps.createdAt), desc(followUps.id))
    .limit(1);
  return { pending: last?.kind === 'extension_request', requested: last?.kind === 'extension_request' ? last.requestedDueDate : null };
}

/** What each kind requires beyond the shared schema; all problems at once, by field. */
function checkFields(kind: FollowUpKind, data: { body?: string; progress?: number; newDueDate?: string }, task: Task, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (bodyRequired.has(kind) && !data.body) errors.body = [{ key: 'required' }];
  if (kind === 'progress') {
    if (data.progress === undefined) errors.progress = [{ key: 'required' }];
    // Progress may go down, but only with words saying why (the body is the reason then).
    else if (data.progress < task.progress && !data.body) errors.body = [{ key: 'progressDownReason' }];
  }
  if (kind === 'extension_request' || kind === 'due_date_change') {
    if (!data.newDueDate) errors.newDueDate = [{ key: 'required' }];
    else if (data.newDueDate < today) errors.newDueDate = [{ key: 'dateInPast' }];
    else if (kind === 'extension_request' && data.newDueDate <= task.dueDate) errors.newDueDate = [{ key: 'notAfterDueDate' }];
  }
  return errors;
}

/**
 * What a post under an idempotency key asked for: the task, the entry and its files, after
 * parsing (so `" 过半 "` and `"过半"` are the same post). Not the version: that is a precondition
 * (it may come as `If-Match` instead), and a retry may name the version it has read since.
 */
export function followUpFingerprint(taskId: number, data: ParsedFollowUp, uploads: PreparedUpload[]): string {
  const canonical = JSON.stringify([
    'follow-up',
    taskId,
    data.kind,
    data.body ?? null,
    data.progress ?? null,
    data.newDueDate ?? null,
    uploads.map((u) => [u.fileName, u.sha256]),
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

/** Who a follow-up is by: the system actor (scripts) is no user. */
const authorOf = (actor: Actor) => (actor.id > 0 ? actor.id : null);

/** The earlier entry this author posted on the task under the key, if any. */
async function entryUnderKey(tx: Tx, taskId: number, actor: Actor, key: string) {
  const [earlier] = await tx
    .select()
    .from(followUps)
    .where(and(eq(followUps.taskId, taskId), sql`coalesce(${followUps.authorId}, 0) = ${authorOf(actor) ?? 0}`, eq(followUps.idempotencyKey, key)));
  return earlier;
}

export interface PostFollowUpResult {
  followUp: typeof followUps.$inferSelect;
  task: Task;
  /** True when the idempotency key had been used: nothing new was written. */
  replayed: boolean;
}

/**
 * Posts one entry on a task's timeline and applies its effect, in one transaction with the
 * audit row and the notifications. A stale version is refused. An idempotency key belongs to
 * the task and the author: repeating the same post under it returns the first entry and writes
 * nothing; a different post under it is refused (`idempotency_key_reused`).
 */
export async function postFollowUp(
  actor: Actor,
  input: FollowUpInput,
  now: Date = new Date(),
  files: EvidenceFile[] = [],
): Promise<PostFollowUpResult> {
  const data = parseInput(followUpSchema, input);
  const kind = data.kind as FollowUpKind;
  if (files.length && !evidenceKinds.has(kind)) throw new ValidationError({ files: [{ key: 'evidenceNotAllowed' }] });
  if (files.length > maxEvidenceFiles) throw new ValidationError({ files: [{ key: 'tooManyFiles', values: { max: maxEvidenceFiles } }] });
  // Checked before the transaction: a refused file writes nothing.
  const uploads = files.map((file) => ('receipt' in file ? redeemReceipt(actor, data.taskId, file.receipt, now) : prepareUpload(file, 'files')));
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [task] = await tx
      .select()
      .from(tasks)
      .where(and(eq(tasks.id, data.taskId), departmentScope(actor, 'task.read', tasks.departmentId)))
      .for('update');
    if (!task) throw notFound(`task ${data.taskId}`);

    // The task's row lock above makes a concurrent post with the same key wait here and then
    // find the first one; the unique index on (task, author, key) is the backstop.
    const key = data.idempotencyKey ?? null;
    const fingerprint = key ? followUpFingerprint(task.id, data, uploads) : null;
    if (key) {
      const earlier = await entryUnderKey(tx, task.id, actor, key);
      // Entries from before migration 0007 have no fingerprint: any repeat gets them, as then.
      if (earlier && earlier.idempotencyFingerprint !== null && earlier.idempotencyFingerprint !== fingerprint) {
        throw new AppError('idempotency_key_reused', 'idempotencyKeyReused', `key ${key} on task ${task.id}`);
      }
      if (earlier) return { followUp: earlier, task, replayed: true };
    }
    assertCan(actor, followUpPolicy[kind], { departmentId: task.departmentId });
    if (task.version !== data.version) {
      const since = await tx.select().from(followUps).where(eq(followUps.taskId, task.id)).orderBy(desc(followUps.createdAt), desc(followUps.id)).limit(5);
      throw conflict('stale task', { current: { status: task.status, progress: task.progress, dueDate: task.dueDate, version: task.version }, recent: since });
    }
    const extension = await extensionPending(tx, task.id);
    const to = nextStatus({ status: task.status, extensionPending: extension.pending }, kind);
    if (to === null) throw new AppError('invalid_transition', 'followUpNotAllowed', `${kind} on ${task.status}`);
    const today = cityDate(now);
    const errors = checkFields(kind, data, task, today);
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const applied = await applyFollowUp(tx, actor, task, {
      kind,
      to,
      body: data.body ?? null,
      progress: data.progress,
      newDueDate: kind === 'extension_approved' ? extension.requested! : kind === 'due_date_change' ? data.newDueDate! : null,
      requestedDueDate: kind === 'extension_request' ? data.newDueDate! : null,
      idempotencyKey: key,
      idempotencyFingerprint: fingerprint,
      uploads,
    }, now);
    return { ...applied, replayed: false };
  });
}

export interface FollowUpChange {
  kind: FollowUpKind;
  /** The status after it, from `nextStatus`. */
  to: TaskStatus;
  body: string | null;
  progress?: number;
  /** The task's new due date (extension approved, direct change), or null. */
  newDueDate: string | null;
  requestedDueDate?: string | null;
  idempotencyKey?: string | null;
  idempotencyFingerprint?: string | null;
  uploads?: PreparedUpload[];
  /** Extra facts for the audit row (e.g. the size of a bulk change). */
  audit?: Record<string, unknown>;
}

/**
 * Writes one checked follow-up inside the caller's transaction: the task's new state, the
 * timeline row, evidence files, the audit row and the notifications. The caller has locked the
 * task, checked policy, version and transition; bulk changes call this once per task.
 */
export async function applyFollowUp(tx: Tx, actor: Actor, task: Task, c: FollowUpChange, now: Date) {
  const { kind, to, newDueDate } = c;
  const uploads = c.uploads ?? [];
  const change: Partial<Task> = { status: to, version: task.version + 1, updatedAt: now };
  if (newDueDate) change.dueDate = newDueDate;
  switch (kind) {
    case 'acknowledge':
      change.acknowledgedAt = now;
      break;
    case 'progress':
      change.progress = c.progress!;
      break;
    case 'submit':
      change.progress = 100;
      change.submittedAt = now;
      break;
    case 'verify':
      change.completedAt = now;
      break;
    case 'return':
      change.returnCount = task.returnCount + 1;
      change.submittedAt = null;
      break;
    case 'extension_request':
      change.extensionRequestCount = task.extensionRequestCount + 1;
      break;
    case 'extension_approved':
      change.extensionCount = task.extensionCount + 1;
      break;
    case 'cancel':
      change.cancelledAt = now;
      break;
    default:
      break;
  }
  const [after] = await tx.update(tasks).set(change).where(eq(tasks.id, task.id)).returning();
  const [followUp] = await tx
    .insert(followUps)
    .values({
      taskId: task.id,
      authorId: authorOf(actor),
      kind,
      body: c.body,
      progress: kind === 'progress' ? c.progress! : kind === 'submit' ? 100 : null,
      requestedDueDate: c.requestedDueDate ?? null,
      previousDueDate: newDueDate ? task.dueDate : null,
      newDueDate,
      fromStatus: task.status as TaskStatus,
      toStatus: to,
      idempotencyKey: c.idempotencyKey ?? null,
      idempotencyFingerprint: c.idempotencyFingerprint ?? null,
      createdAt: now,
    })
    .returning();
  for (const upload of uploads) {
    await storeUpload(upload, 'files');
    await tx.insert(attachments).values({
      followUpId: followUp!.id,
      fileName: upload.fileName,
      mediaType: upload.mediaType,
      sizeBytes: upload.sizeBytes,
      sha256: upload.sha256,
      storageKey: upload.storageKey,
      uploadedById: actor.id > 0 ? actor.id : null,
    });
  }
  await writeAudit(tx, {
    actorId: actor.id,
    action: `task.${kind}`,
    entityType: 'task',
    entityId: task.id,
    before: { status: task.status, progress: task.progress, dueDate: task.dueDate, version: task.version },
    after: {
      status: after!.status,
      progress: after!.progress,
      dueDate: after!.dueDate,
      version: after!.version,
      followUpId: followUp!.id,
      files: uploads.map((u) => u.fileName),
      ...c.audit,
    },
  });
  await notifyFollowUp(tx, { kind, task: after!, followUpId: followUp!.id, authorId: actor.id, now });
  return { followUp: followUp!, task: after! };
}

