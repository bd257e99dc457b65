import type { Tx } from '../client';
import {
  agendaItems,
  conferenceInvitations,
  conferences,
  followUps,
  requestedActions,
  speakers,
  tasks,
  venues,
} from '../schema';
import type { PersonKey } from './people';
import { type Actor, replayTask } from './replay';
import type { ConferenceSpec } from './spec';

export interface SeedIds {
  departments: Map<string, number>;
  people: Map<PersonKey, number>;
  secretary: number;
  leader: number;
  /** The department_head user of each department, by department code. */
  liaisons: Map<string, number>;
}

export interface ConferenceCounts {
  conferences: number;
  venues: number;
  invitations: number;
  speakers: number;
  agendaItems: number;
  requestedActions: number;
  tasks: number;
  followUps: number;
}

function need<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`seed: no ${what} for ${String(key)}`);
  return value;
}

/**
 * Inserts the conferences layer by layer, one bulk insert per table. Returned ids are
 * matched back by natural key (conference + position, action + department), not by order.
 */
export async function writeConferences(tx: Tx, specs: ConferenceSpec[], ids: SeedIds, now: Date): Promise<ConferenceCounts> {
  const dept = (code: string) => need(ids.departments, code, 'department');
  const conferenceRows = await tx
    .insert(conferences)
    .values(
      specs.map(({ conference: c, chair }) => ({
        ...c,
        chairPersonId: chair ? need(ids.people, chair, 'person') : null,
        createdById: ids.secretary,
        updatedAt: c.minutesPublishedAt ?? c.noticeIssuedAt ?? c.createdAt,
      })),
    )
    .returning({ id: conferences.id, year: conferences.year, quarter: conferences.quarter });
  const conferenceIds = specs.map(({ conference: c }) => {
    const row = conferenceRows.find((r) => r.year === c.year && r.quarter === c.quarter);
    if (!row) throw new Error(`seed: conference ${c.year} Q${c.quarter} was not inserted`);
    return row.id;
  });
  const each = <T>(pick: (spec: ConferenceSpec, conferenceId: number) => T[]): T[] =>
    specs.flatMap((spec, i) => pick(spec, conferenceIds[i] ?? 0));
  const key = (conferenceId: number, position: number) => `${conferenceId}:${position}`;
  const created = (spec: ConferenceSpec) => ({ createdAt: spec.conference.createdAt, updatedAt: spec.conference.createdAt });

  const venueRows = await tx
    .insert(venues)
    .values(
      each((spec, conferenceId) =>
        spec.venues.map(({ host, ...v }, i) => ({
          ...v,
          conferenceId,
          position: i + 1,
          hostDepartmentId: host ? dept(host) : null,
          ...created(spec),
        })),
      ),
    )
    .returning({ id: venues.id, conferenceId: venues.conferenceId, position: venues.position });
  const venueIds = new Map(venueRows.map((r) => [key(r.conferenceId, r.position), r.id]));

  const invitationValues = each((spec, conferenceId) =>
    spec.invitations.map((inv) => ({
      conferenceId,
      departmentId: dept(inv.department),
      attendance: inv.attendance,
      attendeeNames: inv.attendeeNames,
      venueId: need(venueIds, key(conferenceId, inv.venue + 1), 'venue'),
      signedInAt: inv.signedInAt,
      signedInById: inv.signedInAt ? ids.secretary : null,
      createdAt: spec.conference.createdAt,
      updatedAt: inv.signedInAt ?? spec.conference.createdAt,
    })),
  );
  if (invitationValues.length > 0) await tx.insert(conferenceInvitations).values(invitationValues);

  const speakerValues = each((spec, conferenceId) =>
    spec.speakers.map(({ person, ...s }, i) => ({
      ...s,
      conferenceId,
      personId: need(ids.people, person, 'person'),
      position: i + 1,
      ...created(spec),
    })),
  );
  const speakerRows = speakerValues.length
    ? await tx.insert(speakers).values(speakerValues).returning({ id: speakers.id, conferenceId: speakers.conferenceId, position: speakers.position })
    : [];
  const speakerIds = new Map(speakerRows.map((r) => [key(r.conferenceId, r.position), r.id]));
  const speakerId = (conferenceId: number, index: number | null) =>
    index === null ? null : need(speakerIds, key(conferenceId, index + 1), 'speaker');

  const agendaValues = each((spec, conferenceId) =>
    spec.agenda.map((a, i) => ({
      conferenceId,
      position: i + 1,
      title: a.title,
      titleEn: a.titleEn,
      kind: a.kind,
      presenterSpeakerId: speakerId(conferenceId, a.presenter),
      plannedMinutes: a.minutes,
      ...created(spec),
    })),
  );
  const agendaRows = agendaValues.length
    ? await tx
        .insert(agendaItems)
        .values(agendaValues)
        .returning({ id: agendaItems.id, conferenceId: agendaItems.conferenceId, position: agendaItems.position })
    : [];
  const agendaIds = new Map(agendaRows.map((r) => [key(r.conferenceId, r.position), r.id]));

  const actionValues = each((spec, conferenceId) =>
    spec.actions.map((a) => {
      const by = spec.requestedBy;
      const person = by && spec.speakers[by.speaker]?.person;
      return {
        conferenceId,
        speakerId: by ? speakerId(conferenceId, by.speaker) : null,
        requestedByPersonId: person ? need(ids.people, person, 'person') : null,
        agendaItemId: by ? need(agendaIds, key(conferenceId, by.agendaItem + 1), 'agenda item') : null,
        seq: a.seq,
        number: a.number,
        title: a.title,
        titleEn: a.titleEn,
        details: a.details,
        categoryCode: a.category,
        priority: a.priority,
        defaultDueDate: a.defaultDueDate,
        createdById: ids.secretary,
        createdAt: spec.conference.endsAt,
        updatedAt: spec.conference.endsAt,
      };
    }),
  );
  const actionRows = actionValues.length
    ? await tx
        .insert(requestedActions)
        .values(actionValues)
        .returning({ id: requestedActions.id, conferenceId: requestedActions.conferenceId, seq: requestedActions.seq })
    : [];
  const actionIds = new Map(actionRows.map((r) => [key(r.conferenceId, r.seq), r.id]));

  const replayed = each((spec, conferenceId) =>
    spec.actions.flatMap((a) =>
      a.tasks.map((t) => ({
        conferenceId,
        actionId: need(actionIds, key(conferenceId, a.seq), 'action'),
        departmentId: dept(t.department),
        department: t.department,
        role: t.role,
        ...replayTask(t.plan, now),
      })),
    ),
  );
  const taskRows = replayed.length
    ? await tx
        .insert(tasks)
        .values(replayed.map((t) => ({ conferenceId: t.conferenceId, actionId: t.actionId, departmentId: t.departmentId, role: t.role, ...t.state })))
        .returning({ id: tasks.id, actionId: tasks.actionId, departmentId: tasks.departmentId })
    : [];
  const taskIds = new Map(taskRows.map((r) => [key(r.actionId, r.departmentId), r.id]));

  const author = (actor: Actor, department: string) =>
    actor === 'secretary' ? ids.secretary : actor === 'leader' ? ids.leader : need(ids.liaisons, department, 'liaison');
  const followUpValues = replayed.flatMap((t) =>
    t.timeline.map(({ actor, at, ...entry }) => ({
      ...entry,
      taskId: need(taskIds, key(t.actionId, t.departmentId), 'task'),
      authorId: author(actor, t.department),
      createdAt: at,
    })),
  );
  if (followUpValues.length > 0) await tx.insert(followUps).values(followUpValues);

  return {
    conferences: conferenceRows.length,
    venues: venueRows.length,
    invitations: invitationValues.length,
    speakers: speakerRows.length,
    agendaItems: agendaRows.length,
    requestedActions: actionRows.length,
    tasks: taskRows.length,
    followUps: followUpValues.length,
  };
}
