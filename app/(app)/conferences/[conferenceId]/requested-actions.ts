'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createAction } from '@/lib/data/actions';
import { drainOutboxSoon } from '@/lib/data/email-outbox';
import { addAssignment, cancelTask, reassignTask } from '@/lib/data/task-assignments';
import { AppError } from '@/lib/errors';
import { addAssignmentSchema, createActionSchema, reassignSchema, taskReasonSchema } from '@/lib/validation/actions';
import { id } from '@/lib/validation/common';

export type RecordActionState = FormState<{ number: string; tasks: number }>;
export type TaskChangeState = FormState<{ taskId: number }>;

/** After a change: the conference page, its minutes and the task table show actions and their tasks. */
function afterActionsChanged(conferenceId: number) {
  revalidatePath(`/conferences/${conferenceId}`);
  revalidatePath(`/conferences/${conferenceId}/minutes`);
  revalidatePath('/tasks');
  // Every change here notifies departments; their mail goes out after the response.
  drainOutboxSoon();
}

/** The assignment rows as the form numbers them (`assignments.0.departmentId`, …); a row without a department is refused next to it. */
function assignmentsOf(formData: FormData) {
  const rows = [];
  for (let i = 0; i < 500 && formData.has(`assignments.${i}.role`); i++) {
    rows.push({
      departmentId: textOf(formData, `assignments.${i}.departmentId`),
      role: textOf(formData, `assignments.${i}.role`),
      dueDate: textOf(formData, `assignments.${i}.dueDate`),
      acknowledgeBy: textOf(formData, `assignments.${i}.acknowledgeBy`),
    });
  }
  return rows;
}

/** Records a requested action and assigns it: one task per department, in one transaction. */
export async function recordActionAction(_previous: RecordActionState, formData: FormData): Promise<RecordActionState> {
  const values = valuesOf(formData);
  // Ticked shortcuts share one name; kept comma-joined so the form can tick them again.
  const supportAllOf = formData.getAll('supportAllOf').filter((v): v is string => typeof v === 'string');
  values.supportAllOf = supportAllOf.join(',');
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = createActionSchema.safeParse({
    conferenceId: textOf(formData, 'conferenceId'),
    speakerId: textOf(formData, 'speakerId'),
    agendaItemId: textOf(formData, 'agendaItemId'),
    title: textOf(formData, 'title'),
    details: textOf(formData, 'details'),
    categoryCode: textOf(formData, 'categoryCode'),
    priority: textOf(formData, 'priority'),
    defaultDueDate: textOf(formData, 'defaultDueDate'),
    assignments: assignmentsOf(formData),
    supportAllOf,
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let created: Awaited<ReturnType<typeof createAction>>;
  try {
    created = await createAction(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  afterActionsChanged(parsed.data.conferenceId);
  return { ok: true, data: { number: created.action.number, tasks: created.tasks.length } };
}

/** Shared by the three later changes: parse, call, refresh the page; what was typed is kept on failure. */
async function changeTask<T>(
  formData: FormData,
  parse: (formData: FormData) => z.ZodSafeParseResult<T>,
  run: (actor: NonNullable<Awaited<ReturnType<typeof getActor>>>, data: T) => Promise<{ id: number }>,
): Promise<TaskChangeState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const conference = id.safeParse(textOf(formData, 'conferenceId'));
  const parsed = parse(formData);
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let task: { id: number };
  try {
    task = await run(actor, parsed.data);
  } catch (error) {
    // Someone changed the task first: show what is saved now, keep what was typed here.
    if (conference.success && error instanceof AppError && (error.code === 'conflict' || error.code === 'invalid_transition')) afterActionsChanged(conference.data);
    return { ...(await failure(error)), values };
  }
  if (conference.success) afterActionsChanged(conference.data);
  return { ok: true, data: { taskId: task.id } };
}

export async function addAssignmentAction(_previous: TaskChangeState, formData: FormData): Promise<TaskChangeState> {
  return changeTask(
    formData,
    (f) =>
      addAssignmentSchema.safeParse({
        actionId: textOf(f, 'actionId'),
        departmentId: textOf(f, 'departmentId'),
        role: textOf(f, 'role'),
        dueDate: textOf(f, 'dueDate'),
        acknowledgeBy: textOf(f, 'acknowledgeBy'),
        reason: textOf(f, 'reason'),
      }),
    (actor, data) => addAssignment(actor, data),
  );
}

export async function reassignTaskAction(_previous: TaskChangeState, formData: FormData): Promise<TaskChangeState> {
  return changeTask(
    formData,
    (f) => reassignSchema.safeParse({ taskId: textOf(f, 'taskId'), version: textOf(f, 'version'), departmentId: textOf(f, 'departmentId'), reason: textOf(f, 'reason') }),
    async (actor, data) => (await reassignTask(actor, data)).task,
  );
}

export async function cancelTaskAction(_previous: TaskChangeState, formData: FormData): Promise<TaskChangeState> {
  return changeTask(
    formData,
    (f) => taskReasonSchema.safeParse({ taskId: textOf(f, 'taskId'), version: textOf(f, 'version'), reason: textOf(f, 'reason') }),
    (actor, data) => cancelTask(actor, data),
  );
}
