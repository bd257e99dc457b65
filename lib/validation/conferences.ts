import { z } from 'zod';
import { attendance, conferenceFormat, conferenceKind, conferenceStatus, relayLevel, speakerRole, agendaItemKind, venueKind } from '@/db/schema/enums';
import { id, optionalId, optionalText, requiredText, version } from './common';
import { personSchema } from './people';

const dateTime = z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.date());
const optionalDate = z.preprocess(
  (v) => (v === '' || v === null ? undefined : v),
  z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'invalidFormat').optional(),
);
const checkbox = z.preprocess((v) => v === true || v === 'on' || v === 'true', z.boolean());

export const yearSchema = z.coerce.number().int().min(2000).max(2100);
export const scheduleYearSchema = z.object({ year: yearSchema });

export const conferenceFields = {
  title: requiredText(200),
  titleEn: optionalText(300),
  kind: z.enum(conferenceKind.enumValues),
  year: yearSchema,
  quarter: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.coerce.number().int().min(1).max(4).optional()),
  startsAt: dateTime,
  endsAt: dateTime,
  format: z.enum(conferenceFormat.enumValues),
  convenedBy: optionalText(200),
  chairPersonId: optionalId,
  relaysTitle: optionalText(300),
  relaysLevel: z.preprocess((v) => (v === '' || v === null ? undefined : v), z.enum(relayLevel.enumValues).optional()),
  relaysDate: optionalDate,
  noticeText: optionalText(20_000),
  allowSelfSignIn: checkbox.optional(),
};

/** Rules that involve several fields; the quarter check needs the city's calendar. */
function conferenceRules<T extends { kind: string; quarter?: number; startsAt: Date; endsAt: Date }>(schema: z.ZodType<T>) {
  return schema
    .refine((v) => v.endsAt >= v.startsAt, { message: 'endBeforeStart', path: ['endsAt'] })
    .refine((v) => v.kind !== 'quarterly' || v.quarter !== undefined, { message: 'quarterRequired', path: ['quarter'] });
}

export const createConferenceSchema = conferenceRules(z.object(conferenceFields));
export type CreateConferenceInput = z.input<typeof createConferenceSchema>;

/**
 * The conference as the editor loaded it, sent with a save so that a stale save can name the
 * fields someone else changed meanwhile. Only a hint: when it does not parse it is left out.
 */
export const loadedConferenceSchema = z
  .object({ ...conferenceFields, status: z.enum(conferenceStatus.enumValues) })
  .partial()
  .optional()
  .catch(undefined);

export const updateConferenceSchema = conferenceRules(z.object({ id, version, ...conferenceFields, loaded: loadedConferenceSchema }));
export type UpdateConferenceInput = z.input<typeof updateConferenceSchema>;
export type UpdateConferenceOutput = z.output<typeof updateConferenceSchema>;

export const changeConferenceStatusSchema = z
  .object({ id, version, to: z.enum(conferenceStatus.enumValues), reason: optionalText(1000) })
  .refine((v) => v.to !== 'cancelled' || !!v.reason, { message: 'reasonRequired', path: ['reason'] });

export const publishMinutesSchema = z.object({ id, version, minutesText: requiredText(100_000) });

export const venueSchema = z.object({
  conferenceId: id,
  name: requiredText(200),
  nameEn: optionalText(300),
  address: optionalText(300),
  kind: z.enum(venueKind.enumValues),
  hostDepartmentId: optionalId,
  connectionNotes: optionalText(1000),
});
export const updateVenueSchema = venueSchema.extend({ id });

export const inviteDepartmentsSchema = z.object({
  conferenceId: id,
  departmentIds: z.array(id).max(500).default([]),
  /** Shortcuts: every active department of a kind. */
  allOf: z.array(z.enum(['department', 'district'])).max(2).default([]),
  required: checkbox.default(true),
});

export const attendanceSchema = z.object({
  conferenceId: id,
  departmentId: id,
  version,
  attendance: z.enum(attendance.enumValues),
  attendeeNames: optionalText(500),
  venueId: optionalId,
});

export const speakerSchema = z
  .object({
    conferenceId: id,
    personId: optionalId,
    /** A person created on the spot when none is picked. */
    newPerson: personSchema.optional(),
    role: z.enum(speakerRole.enumValues),
    topic: optionalText(300),
    topicEn: optionalText(400),
    summary: optionalText(5000),
  })
  .refine((v) => v.personId !== undefined || v.newPerson !== undefined, { message: 'personRequired', path: ['personId'] });

export const moveSchema = z.object({ id, direction: z.enum(['up', 'down']) });

export const agendaItemSchema = z.object({
  conferenceId: id,
  title: requiredText(300),
  titleEn: optionalText(400),
  kind: z.enum(agendaItemKind.enumValues),
  presenterSpeakerId: optionalId,
  plannedMinutes: z.coerce.number().int().min(0).max(24 * 60),
  notes: optionalText(2000),
});
export const updateAgendaItemSchema = agendaItemSchema.extend({ id });
