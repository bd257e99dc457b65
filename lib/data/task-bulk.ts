import 'server-only';
import { asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { cityDate } from '@/lib/domain/quarters';
import { followUpPolicy, nextStatus } from '@/lib/domain/task-state';
import { type BulkDueDateInput, type BulkRemindInput, bulkDueDateSchema, bulkRemindSchema } from '@/lib/validation/actions';
import { type FieldErrors, ValidationError, parseInput } from '@/lib/validation/common';
import { assertCan } from './guard';
import { applyFollowUp } from './follow-ups';

type BulkChange =
  | { kind: 'due_date_change'; tasks: { id: number; version: number }[]; dueDate: string; body: string }
  | { kind: 'reminder'; tasks: { id: number; version: number }[]; body: string };

/**
 * One follow-up of the same kind on every selected task, all or nothing: when any task is
 * missing, closed or changed since it was shown, nothing is written and each such task is
 * named in the error (`tasks.<id>`), so the office can deselect or refresh it.
 */
async function applyToAll(actor: Actor, change: BulkChange, now: Date) {
  assertCan(actor, followUpPolicy[change.kind]);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const ids = change.tasks.map((t) => t.id);
    // Locked in id order, so two bulk changes over overlapping rows cannot deadlock.
    const rows = await tx
      .select({ task: tasks, number: requestedActions.number })
      .from(tasks)
      .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
      .where(inArray(tasks.id, ids))
      .orderBy(asc(tasks.id))
      .for('update', { of: tasks });
    const errors: FieldErrors = {};
    for (const selected of change.tasks) {
      const row = rows.find((r) => r.task.id === selected.id);
      const field = `tasks.${selected.id}`;
      if (!row) errors[field] = [{ key: 'taskMissing', values: { id: selected.id } }];
      // A reminder or a new date means nothing to a task that is finished or withdrawn.
      else if (nextStatus({ status: row.task.status, extensionPending: false }, change.kind) === null) errors[field] = [{ key: 'taskClosed', values: { number: row.number } }];
      else if (row.task.version !== selected.version) errors[field] = [{ key: 'taskStale', values: { number: row.number } }];
    }
    if (change.kind === 'due_date_change' && change.dueDate < cityDate(now)) errors.dueDate = [{ key: 'dateInPast' }];
    if (Object.keys(errors).length) throw new ValidationError(errors);

    const results = [];
    for (const { task } of rows) {
      const newDueDate = change.kind === 'due_date_change' ? change.dueDate : null;
      // Neither kind moves the status; applyFollowUp records from → to all the same.
      const applied = await applyFollowUp(tx, actor, task, { kind: change.kind, to: task.status, body: change.body, newDueDate, audit: { bulk: ids.length } }, now);
      results.push(applied.task);
    }
    return results;
  });
}

/** A new due date with its reason on every selected task (a `due_date_change` follow-up each). */
export async function bulkChangeDueDate(actor: Actor, input: BulkDueDateInput, now: Date = new Date()) {
  assertCan(actor, 'task.changeDueDate');
  const data = parseInput(bulkDueDateSchema, input);
  return applyToAll(actor, { kind: 'due_date_change', tasks: data.tasks, dueDate: data.dueDate, body: data.reason }, now);
}

/** A reminder with its message on every selected task (a `reminder` follow-up each). */
export async function bulkRemind(actor: Actor, input: BulkRemindInput, now: Date = new Date()) {
  assertCan(actor, 'task.remind');
  const data = parseInput(bulkRemindSchema, input);
  return applyToAll(actor, { kind: 'reminder', tasks: data.tasks, body: data.message }, now);
}
