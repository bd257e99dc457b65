import 'server-only';
import { type SQL, and, asc, desc, eq, gte, ilike, inArray, isNull, lt, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { conferenceInvitations, conferences, departments, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { attendanceRefusedAt } from '@/lib/domain/conference-status';
import { AppError, conflict, notFound } from '@/lib/errors';
import { ValidationError, parseInput } from '@/lib/validation/common';
import type { attendanceRateQuery } from '@/lib/validation/conference-list';
import { attendanceSchema, inviteDepartmentsSchema, updateVenueSchema, venueSchema } from '@/lib/validation/conferences';
import type { z } from 'zod';
import { writeAudit } from './audit';
import { conferenceScope, editableConference, lockConference } from './conference-scope';
import { assertCan, departmentScope } from './guard';
import { type ListQuery, pageOf } from './list-query';


async function assertDepartment(tx: Tx, id: number | undefined, field: string) {
  if (id === undefined) return;
  const [row] = await tx.select({ active: departments.active }).from(departments).where(eq(departments.id, id));
  if (!row?.active) throw new ValidationError({ [field]: [{ key: 'unknownDepartment' }] });
}

// Venues ---------------------------------------------------------------------------------

export async function addVenue(actor: Actor, input: z.input<typeof venueSchema>) {
  assertCan(actor, 'conference.manageVenues');
  const data = parseInput(venueSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    await assertDepartment(tx, data.hostDepartmentId, 'hostDepartmentId');
    if (data.kind === 'main') {
      const [main] = await tx
        .select({ id: venues.id })
        .from(venues)
        .where(and(eq(venues.conferenceId, data.conferenceId), eq(venues.kind, 'main'), isNull(venues.removedAt)));
      if (main) throw new ValidationError({ kind: [{ key: 'mainVenueExists' }] });
    }
    const [{ next } = { next: 0 }] = await tx
      .select({ next: sql<number>`coalesce(max(${venues.position}), 0) + 1` })
      .from(venues)
      .where(eq(venues.conferenceId, data.conferenceId));
    const [row] = await tx.insert(venues).values({ ...data, position: Number(next) }).returning();
    await writeAudit(tx, { actorId: actor.id, action: 'venue.create', entityType: 'venue', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateVenue(actor: Actor, input: z.input<typeof updateVenueSchema>) {
  assertCan(actor, 'conference.manageVenues');
  const data = parseInput(updateVenueSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    await assertDepartment(tx, data.hostDepartmentId, 'hostDepartmentId');
    const [before] = await tx.select().from(venues).where(and(eq(venues.id, data.id), eq(venues.conferenceId, data.conferenceId), isNull(venues.removedAt)));
    if (!before) throw notFound(`venue ${data.id}`);
    const [after] = await tx
      .update(venues)
      .set({ ...data, nameEn: data.nameEn ?? null, address: data.address ?? null, hostDepartmentId: data.hostDepartmentId ?? null, connectionNotes: data.connectionNotes ?? null, updatedAt: new Date() })
      .where(eq(venues.id, data.id))
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'venue.update', entityType: 'venue', entityId: data.id, before, after });
    return after!;
  });
}

/** Removes a venue from the conference; the row is kept, marked removed. */
export async function removeVenue(actor: Actor, input: { conferenceId: number; id: number }) {
  assertCan(actor, 'conference.manageVenues');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const [row] = await tx
      .update(venues)
      .set({ removedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(venues.id, input.id), eq(venues.conferenceId, input.conferenceId), isNull(venues.removedAt)))
      .returning({ id: venues.id });
    if (!row) throw notFound(`venue ${input.id}`);
    await tx
      .update(conferenceInvitations)
      .set({ venueId: null, updatedAt: new Date() })
      .where(and(eq(conferenceInvitations.conferenceId, input.conferenceId), eq(conferenceInvitations.venueId, input.id)));
    await writeAudit(tx, { actorId: actor.id, action: 'venue.remove', entityType: 'venue', entityId: input.id });
  });
}

// Invitations and attendance -------------------------------------------------------------

/** Invites departments (by id, or every active one of a kind); already invited ones stay as they are. */
export async function inviteDepartments(actor: Actor, input: z.input<typeof inviteDepartmentsSchema>) {
  assertCan(actor, 'conference.manageInvitations');
  const data = parseInput(inviteDepartmentsSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    const picked = data.departmentIds.length
      ? await tx.select({ id: departments.id }).from(departments).where(and(inArray(departments.id, data.departmentIds), eq(departments.active, true)))
      : [];
    if (picked.length !== new Set(data.departmentIds).size) throw new ValidationError({ departmentIds: [{ key: 'unknownDepartment' }] });
    const byKind = data.allOf.length
      ? await tx.select({ id: departments.id }).from(departments).where(and(inArray(departments.kind, data.allOf), eq(departments.active, true)))
      : [];
    const ids = [...new Set([...picked, ...byKind].map((d) => d.id))];
    if (!ids.length) throw new ValidationError({ departmentIds: [{ key: 'required' }] });
    const added = await tx
      .insert(conferenceInvitations)
      .values(ids.map((departmentId) => ({ conferenceId: data.conferenceId, departmentId, required: data.required })))
      .onConflictDoUpdate({
        target: [conferenceInvitations.conferenceId, conferenceInvitations.departmentId],
        set: { removedAt: null, updatedAt: new Date() },
        setWhere: sql`${conferenceInvitations.removedAt} IS NOT NULL`,
      })
      .returning({ departmentId: conferenceInvitations.departmentId });
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'invitation.add',
      entityType: 'conference',
      entityId: data.conferenceId,
      after: { departmentIds: added.map((a) => a.departmentId) },
    });
    return { added: added.length };
  });
}

export async function removeInvitation(actor: Actor, input: { conferenceId: number; departmentId: number }) {
  assertCan(actor, 'conference.manageInvitations');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const [row] = await tx
      .update(conferenceInvitations)
      .set({ removedAt: new Date(), updatedAt: new Date() })
      .where(
        and(
          eq(conferenceInvitations.conferenceId, input.conferenceId),
          eq(conferenceInvitations.departmentId, input.departmentId),
          isNull(conferenceInvitations.removedAt),
        ),
      )
      .returning({ id: conferenceInvitations.id });
    if (!row) throw notFound(`invitation ${input.conferenceId}/${input.departmentId}`);
    await writeAudit(tx, { actorId: actor.id, action: 'invitation.remove', entityType: 'conference', entityId: input.conferenceId, after: input });
  });
}

/**
 * Signs a department in (present / absent / excused, who came, at which venue). The office
 * does it for everyone; a department head for their own department when the conference allows it.
 */
export async function recordAttendance(actor: Actor, input: z.input<typeof attendanceSchema>, now: Date = new Date()) {
  const data = parseInput(attendanceSchema, input);
  assertCan(actor, 'conference.recordAttendance', { departmentId: data.departmentId });
  const db = await getDb();
  return db.transaction(async (tx) => {
    const conference = await lockConference(tx, actor, data.conferenceId);
    if (actor.role === 'department_head' && !conference.allowSelfSignIn) throw new AppError('forbidden', 'selfSignInClosed');
    if (conference.status === 'cancelled' || conference.status === 'draft') throw new AppError('invalid_transition', 'attendanceNotOpen');
    const tooEarly = attendanceRefusedAt(conference.startsAt, now);
    if (tooEarly) throw new AppError('invalid_transition', tooEarly, `attendance before the start at ${conference.startsAt.toISOString()}`);
    if (data.venueId !== undefined) {
      const [venue] = await tx.select({ id: venues.id }).from(venues).where(and(eq(venues.id, data.venueId), eq(venues.conferenceId, data.conferenceId), isNull(venues.removedAt)));
      if (!venue) throw new ValidationError({ venueId: [{ key: 'invalidChoice' }] });
    }
    const [before] = await tx
      .select()
      .from(conferenceInvitations)
      .where(and(eq(conferenceInvitations.conferenceId, data.conferenceId), eq(conferenceInvitations.departmentId, data.departmentId), isNull(conferenceInvitations.removedAt)))
      .for('update');
    if (!before) throw notFound(`invitation ${data.conferenceId}/${data.departmentId}`);
    if (before.version !== data.version) throw conflict('stale attendance', { current: before });
    const [after] = await tx
      .update(conferenceInvitations)
      .set({
        attendance: data.attendance,
        attendeeNames: data.attendeeNames ?? null,
        venueId: data.venueId ?? null,
        signedInAt: data.attendance === 'unknown' ? null : now,
        signedInById: data.attendance === 'unknown' || actor.id <= 0 ? null : actor.id,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(conferenceInvitations.id, before.id))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'attendance.record',
      entityType: 'conference_invitation',
      entityId: before.id,
      before: { attendance: before.attendance, attendeeNames: before.attendeeNames, venueId: before.venueId },
      after: { attendance: after!.attendance, attendeeNames: after!.attendeeNames, venueId: after!.venueId },
    });
    return after!;
  });
}

export interface AttendanceRateQuery extends ListQuery<(typeof attendanceRateQuery.sort)[number]> {
  /** Conferences that start in [from, to). */
  from: Date;
  to: Date;
  kind?: (typeof departments.kind.enumValues)[number];
}

/** Conferences whose attendance is final enough to count. */
const heldStatuses = ['held', 'minutes_published'] as const;

const counted = (state: (typeof conferenceInvitations.attendance.enumValues)[number]) =>
  sql<number>`(count(*) FILTER (WHERE ${conferenceInvitations.attendance} = ${state}))::int`;
const attendanceFigures = {
  invited: sql<number>`count(*)::int`,
  present: counted('present'),
  absent: counted('absent'),
  excused: counted('excused'),
  unknown: counted('unknown'),
  /** Present over invited, 0–1: an excused absence is still an absence. */
  rate: sql<number>`coalesce((count(*) FILTER (WHERE ${conferenceInvitations.attendance} = 'present'))::float8 / nullif(count(*), 0), 0)`,
};

/** The years with conferences held (or with minutes published) that the actor may see, latest first. */
export async function heldConferenceYears(actor: Actor): Promise<number[]> {
  assertCan(actor, 'report.read');
  const db = await getDb();
  const rows = await db
    .selectDistinct({ year: conferences.year })
    .from(conferences)
    .where(and(inArray(conferences.status, heldStatuses), conferenceScope(actor)))
    .orderBy(desc(conferences.year));
  return rows.map((r) => r.year);
}

/** The invitations to conferences held (or with minutes published) that start in [from, to), as far as the actor may see. */
function heldInvitations(actor: Actor, range: { from: Date; to: Date }): SQL | undefined {
  return and(
    departmentScope(actor, 'report.read', conferenceInvitations.departmentId),
    isNull(conferenceInvitations.removedAt),
    inArray(conferences.status, heldStatuses),
    gte(conferences.startsAt, range.from),
    lt(conferences.startsAt, range.to),
  );
}

const conferenceDay = sql`(${conferences.startsAt} AT TIME ZONE 'Asia/Shanghai')::date`;

/**
 * Invited and present per department over the conferences held in [from, to) (the rate is
 * present ÷ invited, as on the attendance page), or per department and quarter of the
 * conference's day in the city: the ranking's attendance figures, one aggregate query.
 */
export async function attendanceByDepartment(actor: Actor, range: { from: Date; to: Date }, options: { byQuarter?: boolean } = {}) {
  const db = await getDb();
  // Aliases unlike the conferences' own year and quarter columns, which GROUP BY would take instead.
  const quarter = {
    year: sql<number>`extract(year FROM ${conferenceDay})::int`.as('held_year'),
    quarter: sql<number>`extract(quarter FROM ${conferenceDay})::int`.as('held_quarter'),
  };
  const key = { departmentId: conferenceInvitations.departmentId, ...(options.byQuarter ? quarter : {}) };
  const rows = await db
    .select({ ...key, invited: attendanceFigures.invited, present: attendanceFigures.present })
    .from(conferenceInvitations)
    .innerJoin(conferences, eq(conferences.id, conferenceInvitations.conferenceId))
    .where(heldInvitations(actor, range))
    .groupBy(...Object.values(key));
  return rows as { departmentId: number; year?: number; quarter?: number; invited: number; present: number }[];
}

/**
 * Attendance per department across the conferences held (or with minutes published) in a period:
 * invited, present, absent, excused, not recorded and the rate, aggregated, sorted and paged in
 * SQL; with the totals over every matching department. A department head gets their own row only.
 */
export async function attendanceRates(actor: Actor, query: AttendanceRateQuery) {
  const db = await getDb();
  const q = query.q?.trim();
  const where = and(
    heldInvitations(actor, query),
    query.kind ? eq(departments.kind, query.kind) : undefined,
    q ? or(ilike(departments.name, `%${q}%`), ilike(departments.nameEn, `%${q}%`), ilike(departments.shortName, `%${q}%`)) : undefined,
  );
  const sort = query.sort ?? 'department';
  const direction = (column: SQL | AnyPgColumn) => (query.dir === 'desc' ? desc(column) : asc(column));
  const order = sort === 'department' ? [direction(departments.kind), direction(departments.sortOrder)] : [direction(attendanceFigures[sort])];
  const { limit, offset } = pageOf(query);
  const [rows, [totals]] = await Promise.all([
    db
      .select({ departmentId: departments.id, name: departments.name, nameEn: departments.nameEn, kind: departments.kind, ...attendanceFigures })
      .from(conferenceInvitations)
      .innerJoin(conferences, eq(conferences.id, conferenceInvitations.conferenceId))
      .innerJoin(departments, eq(departments.id, conferenceInvitations.departmentId))
      .where(where)
      .groupBy(departments.id)
      .orderBy(...order, asc(departments.kind), asc(departments.sortOrder), asc(departments.id))
      .limit(limit)
      .offset(offset),
    db
      .select({ ...attendanceFigures, departments: sql<number>`count(DISTINCT ${departments.id})::int`, conferences: sql<number>`count(DISTINCT ${conferences.id})::int` })
      .from(conferenceInvitations)
      .innerJoin(conferences, eq(conferences.id, conferenceInvitations.conferenceId))
      .innerJoin(departments, eq(departments.id, conferenceInvitations.departmentId))
      .where(where),
  ]);
  const total = totals?.departments ?? 0;
  return {
    rows,
    total,
    /** Every matching department together, and how many conferences they were invited to. */
    totals: total ? totals! : null,
  };
}

export type AttendanceRateRow = Awaited<ReturnType<typeof attendanceRates>>['rows'][number];
