import { z } from 'zod';
import { priority, taskRole } from '@/db/schema/enums';
import { id, optionalId, optionalText, requiredText, version } from './common';

/** A calendar day `YYYY-MM-DD` that exists: `2099-09-31` would roll over to October in `Date`, and fail in the database. */
export const dateOnly = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidFormat')
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  }, 'invalidFormat');
const optionalDateOnly = z.preprocess((v) => (v === '' || v === null ? undefined : v), dateOnly.optional());

export const assignmentSchema = z.object({
  departmentId: id,
  role: z.enum(taskRole.enumValues),
  dueDate: optionalDateOnly,
  acknowledgeBy: optionalDateOnly,
});

export const createActionSchema = z
  .object({
    conferenceId: id,
    speakerId: optionalId,
    agendaItemId: optionalId,
    title: requiredText(300),
    titleEn: optionalText(400),
    details: optionalText(10_000),
    categoryCode: optionalText(40),
    priority: z.enum(priority.enumValues).default('normal'),
    defaultDueDate: dateOnly,
    assignments: z.array(assignmentSchema).max(500).default([]),
    /** Supporting shortcut: every active department of these kinds (the lead is never duplicated). */
    supportAllOf: z.array(z.enum(['department', 'district'])).max(2).default([]),
  })
  .superRefine((v, ctx) => {
    const leads = v.assignments.filter((a) => a.role === 'lead').length;
    if (leads !== 1) ctx.addIssue({ code: 'custom', message: 'oneLeadRequired', path: ['assignments'] });
    const seen = new Set<number>();
    v.assignments.forEach((a, i) => {
      if (seen.has(a.departmentId)) ctx.addIssue({ code: 'custom', message: 'duplicateDepartment', path: ['assignments', i, 'departmentId'] });
      seen.add(a.departmentId);
      const due = a.dueDate ?? v.defaultDueDate;
      if (a.acknowledgeBy && a.acknowledgeBy > due) ctx.addIssue({ code: 'custom', message: 'acknowledgeAfterDue', path: ['assignments', i, 'acknowledgeBy'] });
    });
  });
export type CreateActionInput = z.input<typeof createActionSchema>;

export const addAssignmentSchema = assignmentSchema.extend({ actionId: id, reason: optionalText(1000) });
export type AddAssignmentInput = z.input<typeof addAssignmentSchema>;

export const taskReasonSchema = z.object({ taskId: id, version, reason: requiredText(1000) });
export type TaskReasonInput = z.input<typeof taskReasonSchema>;
export const reassignSchema = taskReasonSchema.extend({ departmentId: id });
export type ReassignInput = z.input<typeof reassignSchema>;

/** Selected rows with the version each was shown at, so a row changed since is refused, not overwritten. */
const selectedTasks = z
  .array(z.object({ id, version }))
  .min(1)
  .max(500)
  .refine((rows) => new Set(rows.map((r) => r.id)).size === rows.length, 'duplicateTask');

export const bulkDueDateSchema = z.object({ tasks: selectedTasks, dueDate: dateOnly, reason: requiredText(1000) });
export type BulkDueDateInput = z.input<typeof bulkDueDateSchema>;
export const bulkRemindSchema = z.object({ tasks: selectedTasks, message: requiredText(1000) });
export type BulkRemindInput = z.input<typeof bulkRemindSchema>;
