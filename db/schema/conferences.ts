import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import {
  agendaItemKind,
  attendance,
  conferenceFormat,
  conferenceKind,
  conferenceStatus,
  relayLevel,
  speakerRole,
  venueKind,
} from './enums';
import { departments, people, timestamps, users } from './organization';

export const conferences = pgTable(
  'conferences',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    kind: conferenceKind('kind').notNull().default('quarterly'),
    year: integer('year').notNull(),
    quarter: integer('quarter'),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    format: conferenceFormat('format').notNull().default('video_telephone'),
    convenedBy: text('convened_by'),
    convenedByEn: text('convened_by_en'),
    chairPersonId: integer('chair_person_id').references(() => people.id),
    relaysTitle: text('relays_title'),
    relaysTitleEn: text('relays_title_en'),
    relaysLevel: relayLevel('relays_level'),
    relaysDate: date('relays_date'),
    status: conferenceStatus('status').notNull().default('draft'),
    cancelReason: text('cancel_reason'),
    noticeText: text('notice_text'),
    noticeIssuedAt: timestamp('notice_issued_at', { withTimezone: true }),
    minutesText: text('minutes_text'),
    minutesPublishedAt: timestamp('minutes_published_at', { withTimezone: true }),
    /** Lets invited department heads record their own attendance. */
    allowSelfSignIn: boolean('allow_self_sign_in').notNull().default(false),
    createdById: integer('created_by_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('conferences_year_quarter_idx').on(t.year, t.quarter),
    index('conferences_status_idx').on(t.status),
    index('conferences_starts_at_idx').on(t.startsAt),
    index('conferences_chair_person_id_idx').on(t.chairPersonId),
    index('conferences_created_by_id_idx').on(t.createdById),
    check('conferences_quarter_range', sql`${t.quarter} IS NULL OR ${t.quarter} BETWEEN 1 AND 4`),
    check('conferences_quarterly_has_quarter', sql`${t.kind} <> 'quarterly' OR ${t.quarter} IS NOT NULL`),
    check('conferences_ends_after_start', sql`${t.endsAt} >= ${t.startsAt}`),
  ],
);

export const venues = pgTable(
  'venues',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    address: text('address'),
    kind: venueKind('kind').notNull().default('sub'),
    hostDepartmentId: integer('host_department_id').references(() => departments.id),
    connectionNotes: text('connection_notes'),
    position: integer('position').notNull().default(0),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('venues_conference_id_idx').on(t.conferenceId),
    index('venues_host_department_id_idx').on(t.hostDepartmentId),
    uniqueIndex('venues_one_main_per_conference')
      .on(t.conferenceId)
      .where(sql`${t.kind} = 'main' AND ${t.removedAt} IS NULL`),
  ],
);

export const conferenceInvitations = pgTable(
  'conference_invitations',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    departmentId: integer('department_id')
      .notNull()
      .references(() => departments.id),
    required: boolean('required').notNull().default(true),
    attendance: attendance('attendance').notNull().default('unknown'),
    attendeeNames: text('attendee_names'),
    venueId: integer('venue_id').references(() => venues.id),
    signedInAt: timestamp('signed_in_at', { withTimezone: true }),
    signedInById: integer('signed_in_by_id').references(() => users.id),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    unique('conference_invitations_conference_department').on(t.conferenceId, t.departmentId),
    index('conference_invitations_department_id_idx').on(t.departmentId),
    index('conference_invitations_venue_id_idx').on(t.venueId),
    index('conference_invitations_signed_in_by_id_idx').on(t.signedInById),
  ],
);

export const speakers = pgTable(
  'speakers',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    personId: integer('person_id')
      .notNull()
      .references(() => people.id),
    role: speakerRole('role').notNull(),
    position: integer('position').notNull(),
    topic: text('topic'),
    topicEn: text('topic_en'),
    summary: text('summary'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('speakers_conference_id_position_idx').on(t.conferenceId, t.position),
    index('speakers_person_id_idx').on(t.personId),
  ],
);

export const agendaItems = pgTable(
  'agenda_items',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    conferenceId: integer('conference_id')
      .notNull()
      .references(() => conferences.id),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    titleEn: text('title_en'),
    kind: agendaItemKind('kind').notNull().default('other'),
    presenterSpeakerId: integer('presenter_speaker_id').references(() => speakers.id),
    plannedMinutes: integer('planned_minutes').notNull().default(0),
    notes: text('notes'),
    removedAt: timestamp('removed_at', { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    index('agenda_items_conference_id_position_idx').on(t.conferenceId, t.position),
    index('agenda_items_presenter_speaker_id_idx').on(t.presenterSpeakerId),
    check('agenda_items_minutes_not_negative', sql`${t.plannedMinutes} >= 0`),
  ],
);

export type Conference = typeof conferences.$inferSelect;
export type NewConference = typeof conferences.$inferInsert;
export type Venue = typeof venues.$inferSelect;
export type ConferenceInvitation = typeof conferenceInvitations.$inferSelect;
export type Speaker = typeof speakers.$inferSelect;
export type AgendaItem = typeof agendaItems.$inferSelect;
