import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { getDb } from '@/db/runtime';
import { agendaItems, attachments, conferenceInvitations, conferences, departments, people, speakers, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { agendaTiming } from '@/lib/domain/agenda';
import { conferenceScope } from './conference-scope';

/**
 * Everything on a conference page, or null when it is missing or not the actor's to see
 * (a department head sees conferences their department is invited to). Minutes not yet
 * published come as `minutesText: null` to those without conference.readDraftMinutes,
 * so the page, the Word export and the API all answer alike.
 */
export async function getConferenceDetail(actor: Actor, id: number) {
  const db = await getDb();
  const chair = alias(people, 'chair');
  const [conference] = await db
    .select({ conference: conferences, chairName: chair.name, chairNameEn: chair.nameEn, chairPosition: chair.position, chairPositionEn: chair.positionEn })
    .from(conferences)
    .leftJoin(chair, eq(chair.id, conferences.chairPersonId))
    .where(and(eq(conferences.id, id), conferenceScope(actor)));
  if (!conference) return null;
  if (conference.conference.status !== 'minutes_published' && !can(actor, 'conference.readDraftMinutes')) {
    conference.conference = { ...conference.conference, minutesText: null };
  }

  const hostDepartment = alias(departments, 'host');
  const [venueRows, invitationRows, speakerRows, agendaRows, documentRows] = await Promise.all([
    db
      .select({ venue: venues, hostName: hostDepartment.name, hostNameEn: hostDepartment.nameEn })
      .from(venues)
      .leftJoin(hostDepartment, eq(hostDepartment.id, venues.hostDepartmentId))
      .where(and(eq(venues.conferenceId, id), isNull(venues.removedAt)))
      .orderBy(asc(venues.kind), asc(venues.position), asc(venues.id)),
    db
      .select({
        invitation: conferenceInvitations,
        departmentName: departments.name,
        departmentNameEn: departments.nameEn,
        departmentKind: departments.kind,
      })
      .from(conferenceInvitations)
      .innerJoin(departments, eq(departments.id, conferenceInvitations.departmentId))
      .where(and(eq(conferenceInvitations.conferenceId, id), isNull(conferenceInvitations.removedAt)))
      .orderBy(asc(departments.kind), asc(departments.sortOrder), asc(departments.id)),
    db
      .select({ speaker: speakers, personName: people.name, personNameEn: people.nameEn, position: people.position, positionEn: people.positionEn })
      .from(speakers)
      .innerJoin(people, eq(people.id, speakers.personId))
      .where(and(eq(speakers.conferenceId, id), isNull(speakers.removedAt)))
      .orderBy(asc(speakers.position), asc(speakers.id)),
    db
      .select()
      .from(agendaItems)
      .where(and(eq(agendaItems.conferenceId, id), isNull(agendaItems.removedAt)))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id)),
    db
      .select({ id: attachments.id, fileName: attachments.fileName, mediaType: attachments.mediaType, sizeBytes: attachments.sizeBytes, createdAt: attachments.createdAt })
      .from(attachments)
      .where(and(eq(attachments.conferenceId, id), isNull(attachments.removedAt)))
      .orderBy(asc(attachments.createdAt)),
  ]);

  const { startsAt, endsAt } = conference.conference;
  const timing = agendaTiming(startsAt, endsAt, agendaRows);
  const invited = invitationRows.length;
  const present = invitationRows.filter((r) => r.invitation.attendance === 'present').length;
  return {
    ...conference,
    venues: venueRows,
    invitations: invitationRows,
    speakers: speakerRows,
    agenda: agendaRows.map((item, i) => ({ ...item, startsAt: timing.items[i]!.startsAt, endsAt: timing.items[i]!.endsAt })),
    agendaTotalMinutes: timing.totalMinutes,
    agendaOverrunMinutes: timing.overrunMinutes,
    documents: documentRows,
    attendance: { invited, present, rate: invited ? present / invited : null },
  };
}
export type ConferenceDetail = NonNullable<Awaited<ReturnType<typeof getConferenceDetail>>>;
