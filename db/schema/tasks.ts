import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  smallint,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { agendaItems, conferences, speakers } from './conferences';
import { followUpKind, priority, taskRole, taskStatus } from './enums';
import { departments, people, timestamps, users } from './organization';

/** The managed list of action categories (危险化学品, 消防, …). */
export const actionCategories = pgTable('action_categories', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  nameEn: text('name_en'),
  sortOrder: integer('sort_order').notNull().default(0),
  active: boolean('active').notNull().default(true),
  ...timestamps,
});

export const requestedActions = pgTable(
  'requested_actions',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    speakerId: integer('speaker_id').references(() => speakers.id),
    requestedByPersonId: integer('requested_by_person_id').references(() => people.id),
    agendaItemId: integer('agenda_item_id').references(() => agendaItems.id),
    /** Position within the conference; `number` is its display form, e.g. 2018-Q1-03. */
    seq: integer('seq').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    details: text('details'),
    categoryCode: text('category_code').references(() => actionCategories.code),
    priority: priority('priority').notNull().default('normal'),
    defaultDueDate: date('default_due_date'),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('requested_actions_conference_seq').on(t.conferenceId, t.seq),
    index('requested_actions_speaker_id_idx').on(t.speakerId),
    index('requested_actions_requested_by_person_id_idx').on(t.requestedByPersonId),
    index('requested_actions_agenda_item_id_idx').on(t.agendaItemId),
    index('requested_actions_category_code_idx').on(t.categoryCode),
    index('requested_actions_created_by_id_idx').on(t.createdById),
    // The task table's search, `ILIKE '%…%'` over these three, Chinese included (pg_trgm).
    index('requested_actions_title_trgm_idx').using('gin', t.title.op('gin_trgm_ops')),
    index('requested_actions_details_trgm_idx').using('gin', t.details.op('gin_trgm_ops')),
    index('requested_actions_number_trgm_idx').using('gin', t.number.op('gin_trgm_ops')),
    // The task table sorted by action number.
    index('requested_actions_number_idx').on(t.number),
  ],
);

export const tasks = pgTable(
  'tasks',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    actionId: integer('action_id')
      .notNull()
      .references(() => requestedActions.id),
    /** Copied from the action so task lists filter by conference without a join. */
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    role: taskRole('role').notNull().default('lead'),
    dueDate: date('due_date').notNull(),
    originalDueDate: date('original_due_date').notNull(),
    acknowledgeBy: date('acknowledge_by'),
    status: taskStatus('status').notNull().default('assigned'),
    progress: smallint('progress').notNull().default(0),
    assignedAt: timestamp('assigned_at', { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp('acknowledged_at', { withTimezone: true }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    /** Approved extensions. */
    extensionCount: integer('extension_count').notNull().default(0),
    /** Extension requests made, whatever was decided: counted here so the ranking need not read follow-ups. */
    extensionRequestCount: integer('extension_request_count').notNull().default(0),
    returnCount: integer('return_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('tasks_action_department').on(t.actionId, t.departmentId),
    index('tasks_department_id_idx').on(t.departmentId),
    index('tasks_conference_id_idx').on(t.conferenceId),
    index('tasks_status_due_date_idx').on(t.status, t.dueDate),
    index('tasks_due_date_idx').on(t.dueDate),
    index('tasks_department_status_due_idx').on(t.departmentId, t.status, t.dueDate),
    // A department's open work by due date is the most frequent list.
    index('tasks_open_department_due_idx')
      .on(t.departmentId, t.dueDate)
      .where(sql`${t.status} IN ('assigned', 'acknowledged', 'in_progress', 'submitted')`),
    // The task table's pages and counts. Open tasks by due date, holding every column the
    // status, light and overdue filters read, so those lists are index-only scans of a small index.
    index('tasks_open_due_id_idx')
      .on(t.dueDate, t.id, t.status, t.acknowledgeBy, t.assignedAt, t.progress, t.departmentId)
      .where(sql`${t.status} IN ('assigned', 'acknowledged', 'in_progress', 'submitted')`),
    // One department's tasks by due date, and the other sortable columns; the id makes each order total.
    index('tasks_department_due_id_idx').on(t.departmentId, t.dueDate, t.id),
    index('tasks_progress_id_idx').on(t.progress, t.id),
    index('tasks_status_id_idx').on(t.status, t.id),
    // The oversight figures read the tasks assigned in a period: every column they aggregate is
    // in the index, so a quarter's or a year's figures are an index-only range scan.
    index('tasks_assigned_figures_idx').on(
      t.assignedAt, t.departmentId, t.status, t.dueDate, t.completedAt, t.acknowledgedAt, t.returnCount, t.extensionCount, t.extensionRequestCount,
    ),
    // "Completed this quarter" on the dashboard.
    index('tasks_completed_at_idx').on(t.completedAt, t.departmentId).where(sql`${t.status} = 'completed'`),
    // The open tasks of earlier conferences, for the carry-over review.
    index('tasks_open_conference_idx')
      .on(t.conferenceId, t.departmentId)
      .where(sql`${t.status} IN ('assigned', 'acknowledged', 'in_progress', 'submitted')`),
    check('tasks_progress_range', sql`${t.progress} BETWEEN 0 AND 100`),
  ],
);

export const followUps = pgTable(
  'follow_ups',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    taskId: integer('task_id')
      .notNull()
      .references(() => tasks.id),
    authorId: integer('author_id').references(() => users.id),
    kind: followUpKind('kind').notNull(),
    body: text('body'),
    progress: smallint('progress'),
    requestedDueDate: date('requested_due_date'),
    previousDueDate: date('previous_due_date'),
    newDueDate: date('new_due_date'),
    fromStatus: taskStatus('from_status'),
    toStatus: taskStatus('to_status'),
    /** Client-chosen key, per task and author; a repeated post with the same key returns the first follow-up. */
    idempotencyKey: text('idempotency_key'),
    /** SHA-256 of what was posted with the key, so the key cannot be reused for a different post. Null before migration 0007. */
    idempotencyFingerprint: text('idempotency_fingerprint'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('follow_ups_task_id_created_at_idx').on(t.taskId, t.createdAt),
    index('follow_ups_author_id_idx').on(t.authorId),
    index('follow_ups_kind_created_at_idx').on(t.kind, t.createdAt),
    // One entry per task, author and key (the system actor has no author: 0).
    uniqueIndex('follow_ups_idempotency_key_idx')
      .on(t.taskId, sql`coalesce(${t.authorId}, 0)`, t.idempotencyKey)
      .where(sql`${t.idempotencyKey} IS NOT NULL`),
    check('follow_ups_progress_range', sql`${t.progress} IS NULL OR ${t.progress} BETWEEN 0 AND 100`),
  ],
);

export type ActionCategory = typeof actionCategories.$inferSelect;
export type RequestedAction = typeof requestedActions.$inferSelect;
export type NewRequestedAction = typeof requestedActions.$inferInsert;
export type Task = typeof tasks.$inferSelect;
export type NewTask = typeof tasks.$inferInsert;
export type FollowUp = typeof followUps.$inferSelect;
export type NewFollowUp = typeof followUps.$inferInsert;
