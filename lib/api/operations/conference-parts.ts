import { agendaItemKind, attendance, departmentKind, speakerRole, venueKind } from '@/db/schema/enums';
import type { Actor } from '@/lib/auth/actor';
import { conferenceIcs } from '@/lib/data/calendar';
import { addVenue, inviteDepartments, recordAttendance } from '@/lib/data/conference-parts';
import { addAgendaItem, addSpeaker } from '@/lib/data/speakers';
import { notFound } from '@/lib/errors';
import { agendaItemSchema, attendanceSchema, inviteDepartmentsSchema, speakerSchema, venueSchema } from '@/lib/validation/conferences';
import { createPersonBodySchema } from './people';
import { etagOf, preconditioned, writeVersion } from '../etag';
import { defineOperation, reply } from '../operation';
import { cursorParam, idParam, isoDateTime, limitParam, listOf, toIsoDateTime } from '../schemas';
import { described, z } from '../zod';
import { apiId, bodyVersion, conferenceParams, pageOfRows, visibleConference } from './conferences';

/**
 * A conference's venues, speakers, agenda and invited departments: read from the conference page's
 * data (getConferenceDetail) and added through the functions its forms use.
 */

type Detail = Awaited<ReturnType<typeof visibleConference>>;

const pageQuery = z.object({ limit: limitParam, cursor: cursorParam }).strict();

/** The row of a conference's list that a write just made, as the list shows it. */
async function reread<T extends { id: number }>(actor: Actor, conferenceId: number, list: (detail: Detail) => T[], id: number): Promise<T> {
  const row = list(await visibleConference(actor, conferenceId)).find((r) => r.id === id);
  if (!row) throw notFound(`conference ${conferenceId}: new row ${id}`);
  return row;
}

/** `GET /conferences/{id}/<part>`: a page of one of the conference's lists. */
function listPartOperation<S extends z.ZodType>(o: { part: string; operationId: string; summary: string; description: string; item: S; listName: string; rows: (detail: Detail) => z.input<S>[] }) {
  return defineOperation({
    method: 'get',
    path: `/conferences/{id}/${o.part}`,
    operationId: o.operationId,
    summary: o.summary,
    description: o.description,
    tags: ['Conferences'],
    params: conferenceParams,
    query: pageQuery,
    response: { status: 200, description: `A page of ${o.part.replace('-', ' ')}.`, schema: listOf(o.item, o.listName) },
    handler: async ({ actor, params, query }) => pageOfRows(o.rows(await visibleConference(actor, params.id)), query),
  });
}

/** `POST /conferences/{id}/<part>`: adds to one of the conference's lists, answering the new row as the list shows it. */
function addPartOperation<S extends z.ZodType<{ id: number }>, B extends z.ZodObject>(o: {
  part: string;
  operationId: string;
  summary: string;
  description: string;
  body: B;
  item: S;
  itemName: string;
  rows: (detail: Detail) => z.output<S>[];
  add: (actor: Actor, input: z.output<B> & { conferenceId: number }) => Promise<{ id: number }>;
}) {
  return defineOperation({
    method: 'post',
    path: `/conferences/{id}/${o.part}`,
    operationId: o.operationId,
    summary: o.summary,
    description: o.description,
    tags: ['Conferences'],
    params: conferenceParams,
    body: o.body,
    response: { status: 201, description: `The ${o.itemName}.`, schema: o.item },
    problems: [403, 409],
    handler: async ({ actor, params, body }) => {
      const row = await o.add(actor, { ...(body as z.output<B>), conferenceId: params.id });
      // A row of `o.item` (its type stays generic to the operation's answer type here).
      return reply(await reread(actor, params.id, o.rows, row.id), { status: 201 }) as never;
    },
  });
}

// Venues -------------------------------------------------------------------------------------

export const venueOutSchema = z
  .object({
    id: z.number().int(),
    conferenceId: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    address: z.string().nullable(),
    kind: z.enum(venueKind.enumValues).openapi({ description: '`main` (one per conference) or `sub`.' }),
    hostDepartmentId: z.number().int().nullable(),
    hostDepartmentName: z.string().nullable(),
    hostDepartmentNameEn: z.string().nullable(),
    connectionNotes: z.string().nullable(),
    position: z.number().int(),
  })
  .strict()
  .openapi('Venue');

const venuesOf = (detail: Detail): z.infer<typeof venueOutSchema>[] =>
  detail.venues.map(({ venue, hostName, hostNameEn }) => ({
    id: venue.id,
    conferenceId: venue.conferenceId,
    name: venue.name,
    nameEn: venue.nameEn,
    address: venue.address,
    kind: venue.kind,
    hostDepartmentId: venue.hostDepartmentId,
    hostDepartmentName: hostName,
    hostDepartmentNameEn: hostNameEn,
    connectionNotes: venue.connectionNotes,
    position: venue.position,
  }));

export const listVenuesOperation = listPartOperation({
  part: 'venues',
  operationId: 'listVenues',
  summary: "A conference's venues",
  description: 'The main venue first, then the sub-venues in order.',
  item: venueOutSchema,
  listName: 'VenueList',
  rows: venuesOf,
});

const { conferenceId: _venueConference, ...venueFields } = venueSchema.shape;

export const addVenueOperation = addPartOperation({
  part: 'venues',
  operationId: 'addVenue',
  summary: 'Add a venue',
  description: 'The main venue (one per conference) or a sub-venue, optionally hosted by a department (committee office).',
  body: z.object({ ...venueFields, hostDepartmentId: apiId.nullable().optional() }).strict().openapi('VenueRequest'),
  item: venueOutSchema,
  itemName: 'venue',
  rows: venuesOf,
  add: addVenue,
});

// Speakers -----------------------------------------------------------------------------------

export const speakerOutSchema = z
  .object({
    id: z.number().int(),
    conferenceId: z.number().int(),
    position: z.number().int().openapi({ description: 'The place in the order of speakers, from 1.' }),
    role: z.enum(speakerRole.enumValues),
    personId: z.number().int(),
    personName: z.string(),
    personNameEn: z.string().nullable(),
    personPosition: z.string().nullable().openapi({ description: "The person's job, e.g. 市长 (Mayor)." }),
    personPositionEn: z.string().nullable(),
    topic: z.string().nullable(),
    topicEn: z.string().nullable(),
    summary: z.string().nullable(),
  })
  .strict()
  .openapi('Speaker');

const speakersOf = (detail: Detail): z.infer<typeof speakerOutSchema>[] =>
  detail.speakers.map(({ speaker, personName, personNameEn, position, positionEn }) => ({
    id: speaker.id,
    conferenceId: speaker.conferenceId,
    position: speaker.position,
    role: speaker.role,
    personId: speaker.personId,
    personName,
    personNameEn,
    personPosition: position,
    personPositionEn: positionEn,
    topic: speaker.topic,
    topicEn: speaker.topicEn,
    summary: speaker.summary,
  }));

export const listSpeakersOperation = listPartOperation({
  part: 'speakers',
  operationId: 'listSpeakers',
  summary: "A conference's speakers",
  description: 'In the order they speak.',
  item: speakerOutSchema,
  listName: 'SpeakerList',
  rows: speakersOf,
});

const speakerFields = speakerSchema.shape;

export const addSpeakerOperation = addPartOperation({
  part: 'speakers',
  operationId: 'addSpeaker',
  summary: 'Add a speaker',
  description: 'A person (by `personId`, or a `newPerson` created in the same step) speaks last in the order so far (committee office).',
  body: z
    .object({
      personId: apiId.optional().openapi({ description: 'A person (GET /people); or send `newPerson`.' }),
      newPerson: createPersonBodySchema.optional(),
      role: speakerFields.role,
      topic: speakerFields.topic,
      topicEn: speakerFields.topicEn,
      summary: speakerFields.summary,
    })
    .strict()
    .openapi('SpeakerRequest'),
  item: speakerOutSchema,
  itemName: 'speaker',
  rows: speakersOf,
  add: addSpeaker,
});

// Agenda items -------------------------------------------------------------------------------

export const agendaItemOutSchema = z
  .object({
    id: z.number().int(),
    conferenceId: z.number().int(),
    position: z.number().int(),
    title: z.string(),
    titleEn: z.string().nullable(),
    kind: z.enum(agendaItemKind.enumValues),
    presenterSpeakerId: z.number().int().nullable(),
    plannedMinutes: z.number().int(),
    notes: z.string().nullable(),
    startsAt: isoDateTime.openapi({ description: 'When the item begins: the conference\'s start plus the minutes planned before it.' }),
    endsAt: isoDateTime,
  })
  .strict()
  .openapi('AgendaItem');

const agendaOf = (detail: Detail): z.infer<typeof agendaItemOutSchema>[] =>
  detail.agenda.map((item) => ({
    id: item.id,
    conferenceId: item.conferenceId,
    position: item.position,
    title: item.title,
    titleEn: item.titleEn,
    kind: item.kind,
    presenterSpeakerId: item.presenterSpeakerId,
    plannedMinutes: item.plannedMinutes,
    notes: item.notes,
    startsAt: toIsoDateTime(item.startsAt),
    endsAt: toIsoDateTime(item.endsAt),
  }));

export const listAgendaItemsOperation = listPartOperation({
  part: 'agenda-items',
  operationId: 'listAgendaItems',
  summary: "A conference's agenda",
  description: 'In order, each with the times its planned minutes give it.',
  item: agendaItemOutSchema,
  listName: 'AgendaItemList',
  rows: agendaOf,
});

const agendaFields = agendaItemSchema.shape;

export const addAgendaItemOperation = addPartOperation({
  part: 'agenda-items',
  operationId: 'addAgendaItem',
  summary: 'Add an agenda item',
  description: 'At the end of the agenda, optionally presented by one of the conference\'s speakers (committee office).',
  body: z
    .object({
      title: agendaFields.title,
      titleEn: agendaFields.titleEn,
      kind: agendaFields.kind,
      presenterSpeakerId: apiId.nullable().optional().openapi({ description: 'One of the conference\'s speakers (GET …/speakers).' }),
      plannedMinutes: z.number().int().min(0).max(24 * 60),
      notes: agendaFields.notes,
    })
    .strict()
    .openapi('AgendaItemRequest'),
  item: agendaItemOutSchema,
  itemName: 'agenda item',
  rows: agendaOf,
  add: addAgendaItem,
});

// Invitations and attendance -----------------------------------------------------------------

export const invitationOutSchema = z
  .object({
    id: z.number().int(),
    conferenceId: z.number().int(),
    departmentId: z.number().int(),
    departmentName: z.string(),
    departmentNameEn: z.string().nullable(),
    departmentKind: z.enum(departmentKind.enumValues),
    required: z.boolean(),
    attendance: z.enum(attendance.enumValues).openapi({ description: '`unknown` until signed in, then `present`, `absent` or `excused`.' }),
    attendeeNames: z.string().nullable(),
    venueId: z.number().int().nullable(),
    signedInAt: isoDateTime.nullable(),
    version: z.number().int(),
  })
  .strict()
  .openapi('Invitation');

const invitationsOf = (detail: Detail): z.infer<typeof invitationOutSchema>[] =>
  detail.invitations.map(({ invitation, departmentName, departmentNameEn, departmentKind: kind }) => ({
    id: invitation.id,
    conferenceId: invitation.conferenceId,
    departmentId: invitation.departmentId,
    departmentName,
    departmentNameEn,
    departmentKind: kind,
    required: invitation.required,
    attendance: invitation.attendance,
    attendeeNames: invitation.attendeeNames,
    venueId: invitation.venueId,
    signedInAt: toIsoDateTime(invitation.signedInAt),
    version: invitation.version,
  }));

export const listInvitationsOperation = listPartOperation({
  part: 'invitations',
  operationId: 'listInvitations',
  summary: "A conference's invited departments",
  description: 'With their attendance, in the order of the department list.',
  item: invitationOutSchema,
  listName: 'InvitationList',
  rows: invitationsOf,
});

const inviteFields = inviteDepartmentsSchema.shape;

export const inviteDepartmentsOperation = defineOperation({
  method: 'post',
  path: '/conferences/{id}/invitations',
  operationId: 'inviteDepartments',
  summary: 'Invite departments',
  description: 'By id, and/or every active department or district (`allOf`); departments invited already stay as they are (committee office).',
  tags: ['Conferences'],
  params: conferenceParams,
  body: z
    .object({
      departmentIds: z.array(apiId).max(500).optional().openapi({ description: 'Departments (GET /departments).' }),
      allOf: described(inviteFields.allOf, { description: 'Every active department of these kinds too.' }),
      required: z.boolean().optional().openapi({ description: 'Attendance required (default true).' }),
    })
    .strict()
    .openapi('InvitationRequest'),
  response: {
    status: 201,
    description: 'How many were newly invited, and the invitations of the departments the request named.',
    schema: z.object({ added: z.number().int(), data: z.array(invitationOutSchema) }).strict().openapi('InvitationResult'),
  },
  problems: [403, 409],
  handler: async ({ actor, params, body }) => {
    const { added } = await inviteDepartments(actor, { ...body, conferenceId: params.id });
    const named = new Set(body.departmentIds ?? []);
    const kinds = new Set<string>(body.allOf ?? []);
    const data = invitationsOf(await visibleConference(actor, params.id)).filter((i) => named.has(i.departmentId) || kinds.has(i.departmentKind));
    return reply({ added, data }, { status: 201 });
  },
});

const attendanceFields = attendanceSchema.shape;

export const recordAttendanceOperation = defineOperation({
  method: 'patch',
  path: '/conferences/{id}/invitations/{departmentId}',
  operationId: 'recordAttendance',
  summary: "Record a department's attendance",
  description:
    'Signs an invited department in (`present`, `absent`, `excused`; `unknown` undoes it), who came and at which venue, once the notice is issued; `attendeeNames` and `venueId` stay as they are unless sent (`null` clears them). ' +
    'The committee office for any department; a department head for their own when the conference allows self sign-in. ' +
    'Made against the invitation\'s `version` (body) or its `ETag` (`If-Match`, `"<invitation id>-<version>"`).',
  tags: ['Conferences'],
  params: z.object({ id: idParam, departmentId: idParam }),
  headers: z.object({ 'If-Match': z.string().max(500).optional().openapi({ param: { description: 'The invitation\'s `ETag` (instead of `version`).' } }) }),
  body: z
    .object({
      attendance: attendanceFields.attendance,
      attendeeNames: attendanceFields.attendeeNames,
      venueId: apiId.nullable().optional().openapi({ description: 'One of the conference\'s venues.' }),
      version: bodyVersion,
    })
    .strict()
    .openapi('AttendanceRequest'),
  response: { status: 200, description: 'The invitation after it.', schema: invitationOutSchema, headers: { ETag: 'The invitation\'s new version.' } },
  problems: [403, 409, 412],
  handler: async ({ actor, params, body, request }) => {
    const find = (detail: Detail) => invitationsOf(detail).find((i) => i.departmentId === params.departmentId);
    const invitation = find(await visibleConference(actor, params.id));
    if (!invitation) throw notFound(`invitation ${params.id}/${params.departmentId}`);
    const { version, ifMatch } = writeVersion(request, invitation.id, body.version);
    await preconditioned(ifMatch, () =>
      recordAttendance(actor, {
        conferenceId: params.id,
        departmentId: params.departmentId,
        version,
        attendance: body.attendance,
        // What is not sent stays as it is.
        attendeeNames: 'attendeeNames' in body ? body.attendeeNames : invitation.attendeeNames,
        venueId: 'venueId' in body ? body.venueId : invitation.venueId,
      }),
    );
    const after = find(await visibleConference(actor, params.id))!;
    return reply(after, { headers: { ETag: etagOf(after.id, after.version) } });
  },
});

// Calendar -----------------------------------------------------------------------------------

const calendarType = 'text/calendar; charset=utf-8';

export const conferenceCalendarOperation = defineOperation({
  method: 'get',
  path: '/conferences/{id}/calendar.ics',
  operationId: 'getConferenceCalendar',
  summary: 'A conference as a calendar event',
  description: 'An iCalendar file (`text/calendar`) with the conference: its main venue as the location, the format and agenda in the description, in the token user\'s language.',
  tags: ['Conferences'],
  params: conferenceParams,
  response: { status: 200, description: 'The iCalendar text.', schema: z.string().openapi({ example: 'BEGIN:VCALENDAR…' }), contentType: calendarType },
  handler: async ({ actor, params, locale }) => {
    const ics = await conferenceIcs(actor, params.id, locale);
    if (ics === null) throw notFound(`conference ${params.id}`);
    return reply(ics, {
      headers: { 'Content-Disposition': `attachment; filename="conference-${params.id}.ics"`, 'X-Content-Type-Options': 'nosniff' },
    });
  },
});
