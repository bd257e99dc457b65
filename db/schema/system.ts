import { sql } from 'drizzle-orm';
import {
  bigint,
  boolean,
  check,
  index,
  inet,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  unique,
} from 'drizzle-orm/pg-core';
import { conferences } from './conferences';
import { departments, timestamps, users } from './organization';
import { followUps, tasks } from './tasks';

/** A file attached to a conference (documents) or to a follow-up (evidence). */
export const attachments = pgTable(
  'attachments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id').references(() => conferences.id),
    followUpId: bigint('follow_up_id', { mode: 'number' }).references(() => followUps.id),
    fileName: text('file_name').notNull(),
    mediaType: text('media_type').notNull(),
    sizeBytes: bigint('size_bytes', { mode: 'number' }).notNull(),
    sha256: text('sha256').notNull(),
    storageKey: text('storage_key').notNull(),
    uploadedById: integer('uploaded_by_id').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('attachments_conference_id_idx').on(t.conferenceId),
    index('attachments_follow_up_id_idx').on(t.followUpId),
    index('attachments_uploaded_by_id_idx').on(t.uploadedById),
    check('attachments_one_owner', sql`(${t.conferenceId} IS NULL) <> (${t.followUpId} IS NULL)`),
  ],
);

export const auditLog = pgTable(
  'audit_log',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    actorId: integer('actor_id').references(() => users.id),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id'),
    before: jsonb('before'),
    after: jsonb('after'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    requestId: text('request_id'),
    ip: inet('ip'),
  },
  (t) => [
    index('audit_log_entity_idx').on(t.entityType, t.entityId),
    index('audit_log_actor_id_idx').on(t.actorId),
    index('audit_log_at_idx').on(t.at),
  ],
);

export const notifications = pgTable(
  'notifications',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    kind: text('kind').notNull(),
    taskId: integer('task_id').references(() => tasks.id),
    conferenceId: integer('conference_id').references(() => conferences.id),
    followUpId: bigint('follow_up_id', { mode: 'number' }).references(() => followUps.id),
    payload: jsonb('payload'),
    /** Makes scheduled reminders idempotent: one notice per user, task, kind and day. */
    dedupeKey: text('dedupe_key').unique(),
    readAt: timestamp('read_at', { withTimezone: true }),
    emailedAt: timestamp('emailed_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('notifications_user_id_read_at_idx').on(t.userId, t.readAt),
    // The bell's list, newest first (read backwards).
    index('notifications_user_id_created_at_idx').on(t.userId, t.createdAt, t.id),
    index('notifications_task_id_idx').on(t.taskId),
    index('notifications_conference_id_idx').on(t.conferenceId),
    index('notifications_follow_up_id_idx').on(t.followUpId),
  ],
);

/** E-mail waiting to be sent; drained with retries so a mail outage never blocks a user. */
export const emailOutbox = pgTable(
  'email_outbox',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    notificationId: bigint('notification_id', { mode: 'number' }).references(() => notifications.id),
    toAddress: text('to_address').notNull(),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    htmlBody: text('html_body'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('email_outbox_pending_idx').on(t.nextAttemptAt).where(sql`${t.sentAt} IS NULL`),
    index('email_outbox_notification_id_idx').on(t.notificationId),
  ],
);

export const safetyIndicators = pgTable(
  'safety_indicators',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    /** Null for the whole city; a district's own figures otherwise. */
    departmentId: integer('department_id').references(() => departments.id),
    accidents: integer('accidents').notNull().default(0),
    deaths: integer('deaths').notNull().default(0),
    injuries: integer('injuries').notNull().default(0),
    majorAccidents: integer('major_accidents').notNull().default(0),
    /** Direct economic loss in 10 000 yuan (万元). */
    directLoss: numeric('direct_loss', { precision: 14, scale: 2 }).notNull().default('0'),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('safety_indicators_period_department').on(t.year, t.month, t.departmentId).nullsNotDistinct(),
    index('safety_indicators_department_id_idx').on(t.departmentId),
    index('safety_indicators_created_by_id_idx').on(t.createdById),
    check('safety_indicators_month_range', sql`${t.month} BETWEEN 1 AND 12`),
    check(
      'safety_indicators_not_negative',
      sql`${t.accidents} >= 0 AND ${t.deaths} >= 0 AND ${t.injuries} >= 0 AND ${t.majorAccidents} >= 0 AND ${t.directLoss} >= 0`,
    ),
  ],
);

export const settings = pgTable(
  'settings',
  {
    key: text('key').primaryKey(),
    value: jsonb('value').notNull(),
    updatedById: integer('updated_by_id').references(() => users.id),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('settings_updated_by_id_idx').on(t.updatedById)],
);

export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull(),
    ip: text('ip'),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('login_attempts_username_at_idx').on(t.username, t.at), index('login_attempts_ip_at_idx').on(t.ip, t.at)],
);

export const apiTokens = pgTable(
  'api_tokens',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    name: text('name').notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text('token_hash').notNull().unique(),
    prefix: text('prefix').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [index('api_tokens_user_id_idx').on(t.userId)],
);

/**
 * Each API token's sliding rate-limit window: how many requests it was allowed in each of the
 * last 61 seconds (`counts[1]` is `second`, `counts[2]` the second before, …). One row per token,
 * updated by one statement per request, so every instance of the app shares one exact count.
 */
export const apiRateLimits = pgTable('api_rate_limits', {
  tokenId: integer('token_id')
    .primaryKey()
    .references(() => apiTokens.id),
  /** The newest second counted, in seconds since 1970. */
  second: bigint('second', { mode: 'number' }).notNull(),
  counts: integer('counts').array().notNull(),
  /** Whether the request that last wrote the row was refused (RETURNING sees only the new row). */
  refused: boolean('refused').notNull().default(false),
});

/** Per-user secret for the calendar subscription feed; revoking sets `revoked_at`. */
export const calendarFeeds = pgTable(
  'calendar_feeds',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    tokenHash: text('token_hash').notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('calendar_feeds_user_id_idx').on(t.userId), unique('calendar_feeds_token_hash').on(t.tokenHash)],
);

export type Attachment = typeof attachments.$inferSelect;
export type AuditEntry = typeof auditLog.$inferSelect;
export type NewAuditEntry = typeof auditLog.$inferInsert;
export type Notification = typeof notifications.$inferSelect;
export type SafetyIndicator = typeof safetyIndicators.$inferSelect;
export type Setting = typeof settings.$inferSelect;
