import type { Conference } from '@/db/schema';
import { conferenceFormat, conferenceKind, conferenceStatus, relayLevel } from '@/db/schema/enums';
import { getConferenceDetail } from '@/lib/data/conference-detail';
import { changeConferenceStatus, createConference, listConferencesAfter, saveMinutes, scheduleYear, updateConference } from '@/lib/data/conferences';
import { notFound } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { conferenceListQuery } from '@/lib/validation/conference-list';
import { changeConferenceStatusSchema, conferenceFields as uiConferenceFields, publishMinutesSchema } from '@/lib/validation/conferences';
import { dayFilter, enumFilter } from '@/lib/validation/list-query';
import { etagOf, preconditioned, writeVersion } from '../etag';
import { defineOperation, reply } from '../operation';
import { keysetPage, offsetPage } from '../pagination';
import { apiBasePath } from '../paths';
import { cursorParam, idParam, isoDate, isoDateTime, limitParam, listOf, listParam, toIsoDateTime } from '../schemas';
import { described, z } from '../zod';

// Shared building blocks of the conference operations ---------------------------------------

/** A record id in a JSON body (the UI's `id` coerces form text; JSON sends a number). */
export const apiId = z.number().int().positive().max(2_147_483_647);
/** The version a write is made against, in the body; or `If-Match` instead. */
export const bodyVersion = apiId.optional().openapi({ description: 'The version this is made against (from the GET); required unless `If-Match` is sent.' });
/** A calendar day in a JSON body: `YYYY-MM-DD`, a day that exists. */
export const apiDay = described(dayFilter, { format: 'date', example: '2019-06-30' });

export const conferenceParams = z.object({ id: idParam });

/**
 * A page of a short list read whole (a conference's venues, speakers, agenda, invitations and
 * actions, or the ranking's one row per department), in its order; the cursor is the offset into it.
 */
export async function pageOfRows<T>(rows: T[], query: { limit: number; cursor?: string }): Promise<{ data: T[]; nextCursor: string | null }> {
  const { rows: data, nextCursor } = await offsetPage(query, async ({ page, pageSize }) => ({ rows: rows.slice((page - 1) * pageSize, page * pageSize), total: rows.length }));
  return { data, nextCursor };
}

/** The conference the actor may see, with its parts, or 404. */
export async function visibleConference(actor: Parameters<typeof getConferenceDetail>[0], id: number) {
  const detail = await getConferenceDetail(actor, id);
  if (!detail) throw notFound(`conference ${id}`);
  return detail;
}

/**
 * Runs a data function with the API's names for fields the data layer names otherwise, so a 422
 * points at what the client sent (`dueDate`, not `defaultDueDate`).
 */
export async function withFieldNames<T>(names: Record<string, string>, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const renamed = Object.fromEntries(
      Object.entries(error.fieldErrors).map(([field, messages]) => {
        const [head, ...rest] = field.split('.');
        return [[names[head!] ?? head, ...rest].join('.'), messages];
      }),
    );
    throw new ValidationError(renamed);
  }
}

// Schemas ------------------------------------------------------------------------------------

export const conferenceSchema = z
  .object({
    id: z.number().int(),
    title: z.string(),
    titleEn: z.string().nullable(),
    kind: z.enum(conferenceKind.enumValues).openapi({ description: '`quarterly` (with `quarter`) or `special`.' }),
    year: z.number().int(),
    quarter: z.number().int().min(1).max(4).nullable(),
    startsAt: isoDateTime,
    endsAt: isoDateTime,
    format: z.enum(conferenceFormat.enumValues),
    convenedBy: z.string().nullable(),
    convenedByEn: z.string().nullable(),
    chairPersonId: z.number().int().nullable(),
    relaysTitle: z.string().nullable().openapi({ description: 'The higher-level conference this one relays.' }),
    relaysTitleEn: z.string().nullable(),
    relaysLevel: z.enum(relayLevel.enumValues).nullable(),
    relaysDate: isoDate.nullable(),
    status: z.enum(conferenceStatus.enumValues),
    cancelReason: z.string().nullable(),
    noticeIssuedAt: isoDateTime.nullable(),
    minutesPublishedAt: isoDateTime.nullable(),
    allowSelfSignIn: z.boolean().openapi({ description: 'Invited department heads may record their own attendance.' }),
    version: z.number().int(),
    createdAt: isoDateTime,
    updatedAt: isoDateTime,
  })
  .strict()
  .openapi('Conference');

export const conferenceDetailSchema = conferenceSchema
  .extend({
    noticeText: z.string().nullable().openapi({ description: 'The notice (Markdown).' }),
    minutesText: z.string().nullable().openapi({ description: 'The minutes (Markdown). Until they are published, `null` for readers who may not see drafts (department heads).' }),
    chair: z
      .object({ name: z.string(), nameEn: z.string().nullable(), position: z.string().nullable(), positionEn: z.string().nullable() })
      .strict()
      .nullable(),
  })
  .strict()
  .openapi('ConferenceDetail');

type ConferenceRow = Omit<Conference, 'noticeText' | 'minutesText' | 'createdById'> & { createdById?: number | null };

export function toApiConference(row: ConferenceRow): z.infer<typeof conferenceSchema> {
  return {
    id: row.id,
    title: row.title,
    titleEn: row.titleEn,
    kind: row.kind,
    year: row.year,
    quarter: row.quarter,
    startsAt: toIsoDateTime(row.startsAt),
    endsAt: toIsoDateTime(row.endsAt),
    format: row.format,
    convenedBy: row.convenedBy,
    convenedByEn: row.convenedByEn,
    chairPersonId: row.chairPersonId,
    relaysTitle: row.relaysTitle,
    relaysTitleEn: row.relaysTitleEn,
    relaysLevel: row.relaysLevel,
    relaysDate: row.relaysDate,
    status: row.status,
    cancelReason: row.cancelReason,
    noticeIssuedAt: toIsoDateTime(row.noticeIssuedAt),
    minutesPublishedAt: toIsoDateTime(row.minutesPublishedAt),
    allowSelfSignIn: row.allowSelfSignIn,
    version: row.version,
    createdAt: toIsoDateTime(row.createdAt),
    updatedAt: toIsoDateTime(row.updatedAt),
  };
}

type Detail = Awaited<ReturnType<typeof visibleConference>>;

function toApiConferenceDetail(detail: Detail): z.infer<typeof conferenceDetailSchema> {
  const { conference } = detail;
  return {
    ...toApiConference(conference),
    noticeText: conference.noticeText,
    minutesText: conference.minutesText,
    chair: detail.chairName
      ? { name: detail.chairName, nameEn: detail.chairNameEn, position: detail.chairPosition, positionEn: detail.chairPositionEn }
      : null,
  };
}

const conferenceHeaders = (c: { id: number; version: number }) => ({ ETag: etagOf(c.id, c.version), Location: `${apiBasePath}/conferences/${c.id}` });

/** The fields a secretary sets on a conference: the UI's schemas for text, JSON types for the rest. */
const fields = uiConferenceFields;
const conferenceFields = {
  title: fields.title,
  titleEn: fields.titleEn,
  kind: fields.kind,
  year: z.number().int().min(2000).max(2100),
  quarter: z.number().int().min(1).max(4).nullable().optional().openapi({ description: 'Required for a quarterly conference; its start must fall in it.' }),
  startsAt: isoDateTime,
  endsAt: isoDateTime.openapi({ description: 'Not before `startsAt`.' }),
  format: fields.format,
  convenedBy: fields.convenedBy,
  chairPersonId: apiId.nullable().optional().openapi({ description: 'A person (GET /people).' }),
  relaysTitle: fields.relaysTitle,
  relaysLevel: fields.relaysLevel,
  relaysDate: apiDay.nullable().optional(),
  noticeText: fields.noticeText,
  allowSelfSignIn: z.boolean().optional(),
};
type ConferenceFieldName = keyof typeof conferenceFields;
const conferenceFieldNames = Object.keys(conferenceFields) as ConferenceFieldName[];

// GET /conferences ---------------------------------------------------------------------------

const yearFilter = conferenceListQuery.filters.year;
const statusValues = conferenceStatus.enumValues;

export const listConferencesOperation = defineOperation({
  method: 'get',
  path: '/conferences',
  operationId: 'listConferences',
  summary: 'Conferences',
  description: 'The conferences the token\'s user may see (a department head: those their department is invited to), by start time.',
  tags: ['Conferences'],
  query: z
    .object({
      limit: limitParam,
      cursor: cursorParam,
      year: yearFilter.optional().openapi({ param: { description: 'The year, e.g. `2019`.' } }),
      quarter: conferenceListQuery.filters.quarter.optional().openapi({ param: { description: 'The quarter, `1`–`4`.' } }),
      status: listParam(enumFilter(statusValues), `Status, one or more of ${statusValues.join(', ')}.`, 'scheduled,held'),
      format: listParam(enumFilter(conferenceFormat.enumValues), `Format, one or more of ${conferenceFormat.enumValues.join(', ')}.`, 'video_telephone'),
      kind: enumFilter(conferenceKind.enumValues).optional().openapi({ param: { description: '`quarterly` or `special`.' } }),
      sort: z.enum(['startsAt', '-startsAt']).default('startsAt').openapi({ param: { description: '`startsAt` (default, earliest first) or `-startsAt` (latest first).' } }),
    })
    .strict(),
  response: { status: 200, description: 'A page of conferences.', schema: listOf(conferenceSchema, 'ConferenceList') },
  handler: async ({ actor, query }) => {
    const keySchema = z.object({ s: z.literal(query.sort), at: z.iso.datetime(), id: apiId }).strict();
    const filters = { year: query.year, quarter: query.quarter, status: query.status, format: query.format, kind: query.kind, desc: query.sort === '-startsAt' };
    const { rows, nextCursor } = await keysetPage(
      { cursor: query.cursor, limit: query.limit, keySchema, keyOf: (row: ConferenceRow) => ({ s: query.sort, at: row.startsAt.toISOString(), id: row.id }) },
      (key, n) => listConferencesAfter(actor, filters, key && { startsAt: new Date(key.at), id: key.id }, n),
    );
    return { data: rows.map(toApiConference), nextCursor };
  },
});

// POST /conferences --------------------------------------------------------------------------

export const createConferenceOperation = defineOperation({
  method: 'post',
  path: '/conferences',
  operationId: 'createConference',
  summary: 'Create a conference',
  description: 'A new conference in draft (committee office). Texts are trimmed; empty ones are left out.',
  tags: ['Conferences'],
  body: z.object(conferenceFields).strict().openapi('ConferenceRequest'),
  response: { status: 201, description: 'The conference.', schema: conferenceDetailSchema, headers: { ETag: 'The conference\'s version.', Location: 'The conference.' } },
  problems: [403],
  handler: async ({ actor, body }) => {
    const { conference } = await createConference(actor, body);
    return reply(toApiConferenceDetail(await visibleConference(actor, conference.id)), { status: 201, headers: conferenceHeaders(conference) });
  },
});

// GET /conferences/{id} ----------------------------------------------------------------------

export const getConferenceOperation = defineOperation({
  method: 'get',
  path: '/conferences/{id}',
  operationId: 'getConference',
  summary: 'One conference',
  description: 'With its notice and minutes. `ETag` is what `If-Match` names for a change.',
  tags: ['Conferences'],
  params: conferenceParams,
  response: { status: 200, description: 'The conference.', schema: conferenceDetailSchema, headers: { ETag: 'The conference\'s version: `"<id>-<version>"`.' } },
  handler: async ({ actor, params }) => {
    const detail = await visibleConference(actor, params.id);
    return reply(toApiConferenceDetail(detail), { headers: { ETag: etagOf(detail.conference.id, detail.conference.version) } });
  },
});

// PATCH /conferences/{id} --------------------------------------------------------------------

const patchFields = Object.fromEntries(conferenceFieldNames.map((name) => [name, conferenceFields[name].optional()])) as {
  [K in ConferenceFieldName]: z.ZodOptional<(typeof conferenceFields)[K]>;
};

export const patchConferenceBodySchema = z
  .object({
    ...patchFields,
    status: z.enum(statusValues).optional().openapi({
      description:
        'A move to another status, sent on its own: `scheduled` issues the notice (from `draft`), `draft` withdraws it, `held`, `minutes_published` (with minutes saved), `cancelled` (with `reason`).',
    }),
    reason: described(changeConferenceStatusSchema.shape.reason, { description: 'Why it is cancelled (with `status: "cancelled"`).' }),
    minutesText: described(publishMinutesSchema.shape.minutesText.optional(), { description: 'The minutes (Markdown), sent on their own, once the conference is held.' }),
    version: bodyVersion,
  })
  .strict()
  .superRefine((body, ctx) => {
    const groups = [conferenceFieldNames.some((name) => name in body), 'status' in body, 'minutesText' in body].filter(Boolean).length;
    if (groups === 0) ctx.addIssue({ code: 'custom', message: 'nothingToChange', path: [] });
    if (groups > 1) ctx.addIssue({ code: 'custom', message: 'changeOneKind', path: [] });
    if ('reason' in body && !('status' in body)) ctx.addIssue({ code: 'custom', message: 'unknownField', path: ['reason'] });
  })
  .openapi('ConferenceChange');

/** What the save is made against: the conference's editable fields and status as saved now. */
function loadedValues(conference: Conference) {
  return {
    ...Object.fromEntries(conferenceFieldNames.map((name) => [name, conference[name as keyof Conference]])),
    status: conference.status,
  };
}

export const patchConferenceOperation = defineOperation({
  method: 'patch',
  path: '/conferences/{id}',
  operationId: 'updateConference',
  summary: 'Change a conference',
  description:
    'One kind of change per request: fields (those sent change, `null` clears one; the rest stay), a new `status`, or the `minutesText`. ' +
    'Made against the conference\'s `version` (body) or `ETag` (`If-Match`): 409 or 412 when someone changed it since; 409 too for a status move its status does not allow.',
  tags: ['Conferences'],
  params: conferenceParams,
  headers: z.object({ 'If-Match': z.string().max(500).optional().openapi({ param: { description: 'The conference\'s `ETag` this is made against (instead of `version`).' } }) }),
  body: patchConferenceBodySchema,
  response: { status: 200, description: 'The conference after the change.', schema: conferenceDetailSchema, headers: { ETag: 'The conference\'s new version.' } },
  problems: [403, 409, 412],
  handler: async ({ actor, params, body, request }) => {
    const { version, ifMatch } = writeVersion(request, params.id, body.version);
    const { conference: current } = await visibleConference(actor, params.id);
    await preconditioned(ifMatch, async () => {
      if (body.status !== undefined) return changeConferenceStatus(actor, { id: params.id, version, to: body.status, reason: body.reason });
      if (body.minutesText !== undefined) return saveMinutes(actor, { id: params.id, version, minutesText: body.minutesText });
      // The fields sent over the conference as saved; updateConference saves the whole form.
      const merged = Object.fromEntries(conferenceFieldNames.map((name) => [name, name in body ? body[name] : current[name as keyof Conference]]));
      return updateConference(actor, { ...merged, id: params.id, version, loaded: loadedValues(current) } as Parameters<typeof updateConference>[1]);
    });
    const detail = await visibleConference(actor, params.id);
    return reply(toApiConferenceDetail(detail), { headers: { ETag: etagOf(detail.conference.id, detail.conference.version) } });
  },
});

// POST /conferences/schedule-year ------------------------------------------------------------

export const scheduleYearOperation = defineOperation({
  method: 'post',
  path: '/conferences/schedule-year',
  operationId: 'scheduleYear',
  summary: "Plan a year's quarterly conferences",
  description:
    'Creates the four quarterly conferences of the year as drafts, on the dates the quarterly rule proposes, with the chair and invited departments of the latest earlier quarter (committee office). ' +
    '409 when the year\'s quarterly conferences exist.',
  tags: ['Conferences'],
  body: z.object({ year: z.number().int().min(2000).max(2100) }).strict().openapi('ScheduleYearRequest'),
  response: { status: 201, description: 'The four conferences, first quarter first.', schema: z.object({ data: z.array(conferenceSchema) }).strict().openapi('ScheduledYear') },
  problems: [403, 409],
  handler: async ({ actor, body }) => reply({ data: (await scheduleYear(actor, body)).map(toApiConference) }, { status: 201 }),
});
