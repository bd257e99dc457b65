'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, textOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { drainOutboxSoon } from '@/lib/data/email-outbox';
import { bulkChangeDueDate, bulkRemind } from '@/lib/data/task-bulk';
import { AppError } from '@/lib/errors';
import { bulkDueDateSchema, bulkRemindSchema } from '@/lib/validation/actions';

export type BulkState = FormState<{ op: 'dueDate' | 'remind'; count: number }>;

/** The selected rows, sent as `task=<id>:<version>` each. */
function selectedOf(formData: FormData) {
  return formData
    .getAll('task')
    .filter((v): v is string => typeof v === 'string')
    .map((v) => {
      const [id, version] = v.split(':');
      return { id, version };
    });
}

/**
 * The task table's bulk change: a new due date (with its reason) or a reminder (with its message)
 * on every selected task, all in one transaction. Leaders and department heads are refused by
 * the data layer whatever they post.
 */
export async function bulkTasksAction(_previous: BulkState, formData: FormData): Promise<BulkState> {
  const op = formData.get('op') === 'remind' ? 'remind' : 'dueDate';
  const values = { op, dueDate: textOf(formData, 'dueDate') ?? '', reason: textOf(formData, 'reason') ?? '', message: textOf(formData, 'message') ?? '' };
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const tasks = selectedOf(formData);
  let count: number;
  try {
    if (op === 'remind') {
      const parsed = bulkRemindSchema.safeParse({ tasks, message: values.message });
      if (!parsed.success) return { ...(await invalid(parsed.error)), values };
      count = (await bulkRemind(actor, parsed.data)).length;
    } else {
      const parsed = bulkDueDateSchema.safeParse({ tasks, dueDate: values.dueDate, reason: values.reason });
      if (!parsed.success) return { ...(await invalid(parsed.error)), values };
      count = (await bulkChangeDueDate(actor, parsed.data)).length;
    }
  } catch (error) {
    // A closed or stale task: refresh the rows so the table shows what is saved now.
    if (error instanceof AppError && error.code === 'validation') revalidatePath('/tasks');
    return { ...(await failure(error)), values };
  }
  revalidatePath('/tasks');
  drainOutboxSoon();
  return { ok: true, data: { op, count } };
}
