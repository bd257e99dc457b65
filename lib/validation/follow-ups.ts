import { z } from 'zod';
import { type FollowUpKind, followUpKinds, taskStatuses } from '@/lib/domain/task-state';
import { dateOnly } from './actions';
import { id, optionalText, version } from './common';

/** Kinds a person posts on a task's timeline (assign and reassign come from other forms). */
export const postableKinds = followUpKinds.filter((k) => k !== 'assign' && k !== 'reassign');

export const followUpSchema = z.object({
  taskId: id,
  version,
  kind: z.enum(postableKinds as [string, ...string[]]).transform((k) => k as (typeof postableKinds)[number]),
  body: optionalText(5_000),
  progress: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(0).max(100).optional()),
  newDueDate: z.preprocess((v) => (v === '' || v === null ? undefined : v), dateOnly.optional()),
  idempotencyKey: optionalText(100),
});
export type FollowUpInput = z.input<typeof followUpSchema>;

/** Kinds whose text is required: a reason, a message or a summary. */
export const bodyRequired: ReadonlySet<string> = new Set([
  'progress', 'submit', 'return', 'extension_request', 'extension_rejected', 'due_date_change', 'reminder', 'instruction', 'comment', 'cancel',
]);

/** Kinds that may carry evidence files, and how many at once. */
export const evidenceKinds: ReadonlySet<FollowUpKind> = new Set(['progress', 'submit', 'extension_request', 'comment']);
export const maxEvidenceFiles = 10;

/**
 * What the follow-up form saw when it was rendered, sent back with it so a stale-version
 * conflict can say what changed since. Only ever used to describe; never trusted for a write.
 */
export const loadedTaskSchema = z.object({
  status: z.enum(taskStatuses),
  progress: z.number().int().min(0).max(100),
  dueDate: dateOnly,
  lastEntryId: z.number().int().min(0),
});
export type LoadedTask = z.infer<typeof loadedTaskSchema>;
