import 'server-only';
import { type SQL, and, asc, count, desc, eq, getTableColumns, gt, ilike, inArray, isNull, lt, ne, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { type Conference, conferenceInvitations, conferences, people, settings, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { findConferenceConflicts } from '@/lib/domain/conference-conflicts';
import { canMoveConference, conferenceMoveRefusedAt, type ConferenceStatus, isConferenceReadOnly } from '@/lib/domain/conference-status';
import { type Quarter, type QuarterlyRule, defaultQuarterlyRule, proposedQuarterlyTimes, quarterMatchesDate } from '@/lib/domain/quarters';
import { AppError, conflict } from '@/lib/errors';
import { translator } from '@/lib/i18n/translator';
import { ValidationError, parseInput } from '@/lib/validation/common';
import {
  type CreateConferenceInput,
  type UpdateConferenceInput,
  type UpdateConferenceOutput,
  changeConferenceStatusSchema,
  createConferenceSchema,
  publishMinutesSchema,
  scheduleYearSchema,
  updateConferenceSchema,
} from '@/lib/validation/conferences';
import { writeAudit } from './audit';
import { conferenceScope, lockConference } from './conference-scope';
import { assertCan } from './guard';
import { type ListQuery, pageOf } from './list-query';

export const conferenceSortColumns = {
  startsAt: conferences.startsAt,
  title: conferences.title,
  status: conferences.status,
} as const;

export interface ConferenceListQuery extends ListQuery<keyof typeof conferenceSortColumns | 'upcoming'> {
  year?: number;
  quarter?: number;
  status?: ConferenceStatus[];
  format?: (typeof conferences.format.enumValues)[number][];
}

/** The conferences the actor may see that match the list's filters. */
function conferenceFilters(actor: Actor, query: Omit<ConferenceListQuery, 'sort' | 'dir' | 'page' | 'pageSize'>): SQL | undefined {
  return and(
    conferenceScope(actor),
    query.q ? or(ilike(conferences.title, `%${query.q}%`), ilike(conferences.titleEn, `%${query.q}%`)) : undefined,
    query.year ? eq(conferences.year, query.year) : undefined,
    query.quarter ? eq(conferences.quarter, query.quarter) : undefined,
    query.status?.length ? inArray(conferences.status, query.status) : undefined,
    query.format?.length ? inArray(conferences.format, query.format) : undefined,
  );
}

/** Conferences the actor may see, upcoming first (soonest first), then past ones (latest first). */
export async function listConferences(actor: Actor, query: ConferenceListQuery, now: Date = new Date()) {
  const db = await getDb();
  const where = conferenceFilters(actor, query);
  const sort = query.sort ?? 'upcoming';
  // Raw Date parameters are not portable across drivers; a timestamptz literal is.
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  const order =
    sort === 'upcoming'
      ? [sql`(${conferences.endsAt} < ${nowParam}) ASC`, sql`CASE WHEN ${conferences.endsAt} >= ${nowParam} THEN ${conferences.startsAt} END ASC`, desc(conferences.startsAt)]
      : [query.dir === 'desc' ? desc(conferenceSortColumns[sort]) : asc(conferenceSortColumns[sort])];
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: conferences.id,
        title: conferences.title,
        titleEn: conferences.titleEn,
        kind: conferences.kind,
        year: conferences.year,
        quarter: conferences.quarter,
        startsAt: conferences.startsAt,
        endsAt: conferences.endsAt,
        format: conferences.format,
        status: conferences.status,
        chairName: people.name,
        chairNameEn: people.nameEn,
      })
      .from(conferences)
      .leftJoin(people, eq(people.id, conferences.chairPersonId))
      .where(where)
      .orderBy(...order, asc(conferences.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(conferences).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export type ConferenceListRow = Awaited<ReturnType<typeof listConferences>>['rows'][number];

/** Where a page of conferences by start time ended: the last row's start and id. */
export interface ConferenceKey {
  startsAt: Date;
  id: number;
}

/**
 * Up to `limit` conferences matching the filters after `key` in start-time order (then id; latest
 * first with `desc`), from the start without one: the API's cursor pages, each costing the same.
 * The notice and minutes texts are left out (one conference's page has them).
 */
export async function listConferencesAfter(
  actor: Actor,
  query: Pick<ConferenceListQuery, 'year' | 'quarter' | 'status' | 'format'> & { kind?: Conference['kind']; desc?: boolean },
  key: ConferenceKey | undefined,
  limit: number,
) {
  const db = await getDb();
  const { noticeText: _n, minutesText: _m, ...columns } = getTableColumns(conferences);
  const startsAt = key && sql`${key.startsAt.toISOString()}::timestamptz`;
  const after = key && (query.desc ? sql`(${conferences.startsAt}, ${conferences.id}) < (${startsAt}, ${key.id})` : sql`(${conferences.startsAt}, ${conferences.id}) > (${startsAt}, ${key.id})`);
  const direction = query.desc ? desc : asc;
  return db
    .select(columns)
    .from(conferences)
    .where(and(conferenceFilters(actor, query), query.kind ? eq(conferences.kind, query.kind) : undefined, after))
    .orderBy(direction(conferences.startsAt), direction(conferences.id))
    .limit(limit);
}

/** The first and last year of the conferences the actor may see, for a year filter; null when there are none. */
export async function conferenceYearSpan(actor: Actor): Promise<{ first: number; last: number } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ first: sql<number | null>`min(${conferences.year})`, last: sql<number | null>`max(${conferences.year})` })
    .from(conferences)
    .where(conferenceScope(actor));
  return row?.first == null || row.last == null ? null : { first: Number(row.first), last: Number(row.last) };
}

async function quarterlyRule(tx: Tx): Promise<QuarterlyRule> {
  const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, 'conference.quarterlyRule'));
  return { ...defaultQuarterlyRule, ...((row?.value as Partial<QuarterlyRule> | undefined) ?? {}) };
}

/** Overlapping conferences with the same chair or main venue: a warning shown after saving. */
export async function conferenceConflicts(tx: Tx | Awaited<ReturnType<typeof getDb>>, conferenceId: number) {
  const [subject] = await tx
    .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt, endsAt: conferences.endsAt, chairPersonId: conferences.chairPersonId, mainVenueName: venues.name })
    .from(conferences)
    .leftJoin(venues, and(eq(venues.conferenceId, conferences.id), eq(venues.kind, 'main'), isNull(venues.removedAt)))
    .where(eq(conferences.id, conferenceId));
  if (!subject) return [];
  const others = await tx
    .select({ id: conferences.id, title: conferences.title, startsAt: conferences.startsAt, endsAt: conferences.endsAt, chairPersonId: conferences.chairPersonId, mainVenueName: venues.name })
    .from(conferences)
    .leftJoin(venues, and(eq(venues.conferenceId, conferences.id), eq(venues.kind, 'main'), isNull(venues.removedAt)))
    .where(and(ne(conferences.id, conferenceId), ne(conferences.status, 'cancelled'), lt(conferences.startsAt, subject.endsAt), gt(conferences.endsAt, subject.startsAt)));
  return findConferenceConflicts(subject, others);
}

function assertQuarterMatches(data: { kind: string; year: number; quarter?: number; startsAt: Date }) {
  if (data.kind === 'quarterly' && data.quarter && !quarterMatchesDate(data.year, data.quarter as Quarter, data.startsAt)) {
    throw new ValidationError({ quarter: [{ key: 'quarterMismatch' }] });
  }
}

export async function createConference(actor: Actor, input: CreateConferenceInput) {
  assertCan(actor, 'conference.create');
  const data = parseInput(createConferenceSchema, input);
  assertQuarterMatches(data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(conferences)
      .values({ ...data, quarter: data.kind === 'quarterly' ? data.quarter : null, allowSelfSignIn: data.allowSelfSignIn ?? false, createdById: actor.id > 0 ? actor.id : null })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'conference.create', entityType: 'conference', entityId: row!.id, after: row });
    return { conference: row!, conflicts: await conferenceConflicts(tx, row!.id) };
  });
}

/** Fields a secretary edits on the conference form, in the order the conflict message names them. */
const editableFields = ['title', 'titleEn', 'kind', 'year', 'quarter', 'startsAt', 'endsAt', 'format', 'convenedBy', 'chairPersonId', 'relaysTitle', 'relaysLevel', 'relaysDate', 'noticeText', 'allowSelfSignIn'] as const;

export async function updateConference(actor: Actor, input: UpdateConferenceInput) {
  assertCan(actor, 'conference.update');
  const data = parseInput(updateConferenceSchema, input);
  assertQuarterMatches(data);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockConference(tx, actor, data.id);
    if (before.version !== data.version) {
      throw conflict('stale conference', { current: before, changedFields: changedByOthers(before, data) });
    }
    if (before.status === 'cancelled') throw new AppError('conflict', 'conferenceCancelled');
    const correction = isConferenceReadOnly(before.status);
    if (correction) assertCan(actor, 'conference.correctPublished');
    const { id, version: _v, loaded: _l, ...changes } = data;
    const [after] = await tx
      .update(conferences)
      .set({
        ...changes,
        quarter: changes.kind === 'quarterly' ? changes.quarter : null,
        titleEn: changes.titleEn ?? null,
        convenedBy: changes.convenedBy ?? null,
        chairPersonId: changes.chairPersonId ?? null,
        relaysTitle: changes.relaysTitle ?? null,
        relaysLevel: changes.relaysLevel ?? null,
        relaysDate: changes.relaysDate ?? null,
        noticeText: changes.noticeText ?? null,
        allowSelfSignIn: changes.allowSelfSignIn ?? false,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(conferences.id, id))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: correction ? 'conference.correct' : 'conference.update',
      entityType: 'conference',
      entityId: id,
      before: pick(before),
      after: pick(after!),
    });
    return { conference: after!, conflicts: await conferenceConflicts(tx, id) };
  });
}

function pick(row: Record<string, unknown>) {
  return Object.fromEntries(editableFields.map((f) => [f, row[f]]));
}

// Unset, empty and false all mean "nothing" on the form.
const comparable = (v: unknown) => JSON.stringify(v instanceof Date ? v.toISOString() : v === undefined || v === '' || v === false ? null : v);
const differs = (a: Record<string, unknown>, b: Record<string, unknown>) => (field: string) => comparable(a[field]) !== comparable(b[field]);

/**
 * The fields someone else changed since the editor loaded the conference, for a stale save's
 * conflict message: what the editor loaded against what is saved now, so the editor's own changes
 * are not named. A caller that cannot say what it loaded gets every field that differs from its save.
 */
function changedByOthers(current: Conference, submitted: UpdateConferenceOutput): string[] {
  const { loaded } = submitted;
  if (!loaded) return editableFields.filter(differs(current, submitted));
  // A field the caller did not send is unknown, not empty; a conference always has a status.
  const known = (field: keyof typeof loaded) => field in loaded && (field !== 'status' || loaded.status !== undefined);
  return [...editableFields, 'status' as const].filter(known).filter(differs(current, loaded));
}

/** `now` is when the move is made: a conference is marked held (or its minutes published) only once it has started. */
export async function changeConferenceStatus(actor: Actor, input: { id: number; version: number; to: ConferenceStatus; reason?: string }, now: Date = new Date()) {
  assertCan(actor, 'conference.changeStatus');
  const data = parseInput(changeConferenceStatusSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockConference(tx, actor, data.id);
    if (before.version !== data.version) throw conflict('stale conference', { current: before, changedFields: ['status'] });
    if (!canMoveConference(before.status, data.to)) {
      throw new AppError('invalid_transition', 'conferenceMoveRefused', `${before.status} → ${data.to}`);
    }
    const tooEarly = conferenceMoveRefusedAt(data.to, before.startsAt, now);
    if (tooEarly) throw new AppError('invalid_transition', tooEarly, `${data.to} before the start at ${before.startsAt.toISOString()}`);
    if (data.to === 'minutes_published' && !before.minutesText?.trim()) {
      throw new ValidationError({ minutesText: [{ key: 'required' }] });
    }
    const [after] = await tx
      .update(conferences)
      .set({
        status: data.to,
        cancelReason: data.to === 'cancelled' ? data.reason : before.cancelReason,
        noticeIssuedAt: data.to === 'scheduled' ? now : data.to === 'draft' ? null : before.noticeIssuedAt,
        minutesPublishedAt: data.to === 'minutes_published' ? now : before.minutesPublishedAt,
        version: before.version + 1,
        updatedAt: now,
      })
      .where(eq(conferences.id, data.id))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: `conference.status.${data.to}`,
      entityType: 'conference',
      entityId: data.id,
      before: { status: before.status },
      after: { status: data.to, reason: data.reason ?? null },
    });
    return after!;
  });
}

/** Saves the minutes text (Markdown); publishing is a status move afterwards. */
export async function saveMinutes(actor: Actor, input: { id: number; version: number; minutesText: string }) {
  assertCan(actor, 'conference.update');
  const data = parseInput(publishMinutesSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const before = await lockConference(tx, actor, data.id);
    if (before.version !== data.version) throw conflict('stale conference', { current: before, changedFields: ['minutesText'] });
    if (before.status !== 'held' && before.status !== 'minutes_published') throw new AppError('invalid_transition', 'minutesBeforeHeld');
    if (before.status === 'minutes_published') assertCan(actor, 'conference.correctPublished');
    const [after] = await tx
      .update(conferences)
      .set({ minutesText: data.minutesText, version: before.version + 1, updatedAt: new Date() })
      .where(eq(conferences.id, data.id))
      .returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: before.status === 'minutes_published' ? 'conference.correct' : 'conference.minutes',
      entityType: 'conference',
      entityId: data.id,
      before: { minutesText: before.minutesText },
      after: { minutesText: data.minutesText },
    });
    return after!;
  });
}

const quarterDigits = ['一', '二', '三', '四'] as const;

/**
 * Creates the year's four quarterly conferences as drafts: proposed dates from the quarterly
 * rule, video + telephone, and the chair and invited departments of the latest earlier quarter.
 */
export async function scheduleYear(actor: Actor, input: { year: number }) {
  assertCan(actor, 'conference.scheduleYear');
  const { year } = parseInput(scheduleYearSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Serialises two secretaries planning the same year at once.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('docket.scheduleYear'), ${year})`);
    const [existing] = await tx
      .select({ value: count() })
      .from(conferences)
      .where(and(eq(conferences.year, year), eq(conferences.kind, 'quarterly'), ne(conferences.status, 'cancelled')));
    if ((existing?.value ?? 0) > 0) throw new AppError('conflict', 'yearAlreadyScheduled', `quarterly conferences of ${year} exist`);
    const rule = await quarterlyRule(tx);
    const [previous] = await tx
      .select({ id: conferences.id, chairPersonId: conferences.chairPersonId })
      .from(conferences)
      .where(and(eq(conferences.kind, 'quarterly'), lt(conferences.year, year), ne(conferences.status, 'cancelled')))
      .orderBy(desc(conferences.year), desc(conferences.quarter))
      .limit(1);
    const invited = previous
      ? await tx
          .select({ departmentId: conferenceInvitations.departmentId, required: conferenceInvitations.required })
          .from(conferenceInvitations)
          .where(and(eq(conferenceInvitations.conferenceId, previous.id), isNull(conferenceInvitations.removedAt)))
      : [];
    const zh = translator('zh-CN');
    const en = translator('en');
    const created = [];
    for (const quarter of [1, 2, 3, 4] as const) {
      const { startsAt, endsAt } = proposedQuarterlyTimes(year, quarter, rule);
      const [row] = await tx
        .insert(conferences)
        .values({
          title: zh('conferences.quarterlyTitle', { year, quarter: quarterDigits[quarter - 1]! }),
          titleEn: en('conferences.quarterlyTitle', { year, quarter: String(quarter) }),
          kind: 'quarterly',
          year,
          quarter,
          startsAt,
          endsAt,
          format: 'video_telephone',
          convenedBy: zh('conferences.defaultConvenedBy'),
          chairPersonId: previous?.chairPersonId ?? null,
          createdById: actor.id > 0 ? actor.id : null,
        })
        .returning();
      if (invited.length) {
        await tx.insert(conferenceInvitations).values(invited.map((i) => ({ conferenceId: row!.id, departmentId: i.departmentId, required: i.required })));
      }
      created.push(row!);
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'conference.schedule_year',
      entityType: 'conference',
      entityId: created.map((c) => c.id).join(','),
      after: { year, copiedFrom: previous?.id ?? null, invitedDepartments: invited.length },
    });
    return created;
  });
}
