import 'server-only';
import crypto from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, ne } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { agendaItems, calendarFeeds, conferences, people, speakers, users, venues } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { agendaTiming } from '@/lib/domain/agenda';
import { clockTime, conferenceEvent, icsCalendar, venueLocation } from '@/lib/domain/ics';
import { env } from '@/lib/env';
import { forbidden } from '@/lib/errors';
import { type Locale, defaultLocale, isLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { translator } from '@/lib/i18n/translator';
import { rowId } from '@/lib/validation/documents';
import { writeAudit } from './audit';
import { conferenceScope } from './conference-scope';
import { assertCan } from './guard';

const chair = alias(people, 'chair');

/** The conference columns an event is made of, with the chair's name. */
function selectConferences(db: Db | Tx) {
  return db
    .select({
      id: conferences.id,
      title: conferences.title,
      titleEn: conferences.titleEn,
      startsAt: conferences.startsAt,
      endsAt: conferences.endsAt,
      format: conferences.format,
      status: conferences.status,
      version: conferences.version,
      updatedAt: conferences.updatedAt,
      convenedBy: conferences.convenedBy,
      convenedByEn: conferences.convenedByEn,
      relaysTitle: conferences.relaysTitle,
      relaysTitleEn: conferences.relaysTitleEn,
      cancelReason: conferences.cancelReason,
      chairName: chair.name,
      chairNameEn: chair.nameEn,
    })
    .from(conferences)
    .leftJoin(chair, eq(chair.id, conferences.chairPersonId))
    .$dynamic();
}
type EventSource = Awaited<ReturnType<typeof selectConferences>>[number];

/** Calendar events for these conferences: main venue as location, format and agenda in the description. */
async function eventsFor(db: Db | Tx, rows: EventSource[], locale: Locale) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const presenter = alias(people, 'presenter');
  const [venueRows, agendaRows] = await Promise.all([
    db
      .select({ conferenceId: venues.conferenceId, name: venues.name, nameEn: venues.nameEn, address: venues.address })
      .from(venues)
      .where(and(inArray(venues.conferenceId, ids), eq(venues.kind, 'main'), isNull(venues.removedAt))),
    db
      .select({
        conferenceId: agendaItems.conferenceId,
        title: agendaItems.title,
        titleEn: agendaItems.titleEn,
        plannedMinutes: agendaItems.plannedMinutes,
        presenterName: presenter.name,
        presenterNameEn: presenter.nameEn,
      })
      .from(agendaItems)
      .leftJoin(speakers, and(eq(speakers.id, agendaItems.presenterSpeakerId), isNull(speakers.removedAt)))
      .leftJoin(presenter, eq(presenter.id, speakers.personId))
      .where(and(inArray(agendaItems.conferenceId, ids), isNull(agendaItems.removedAt)))
      .orderBy(asc(agendaItems.position), asc(agendaItems.id)),
  ]);
  const t = translator(locale);
  const appUrl = env().APP_URL?.replace(/\/+$/, '');
  const en = locale === 'en';

  return rows.map((c) => {
    const venue = venueRows.find((v) => v.conferenceId === c.id);
    const agenda = agendaRows.filter((a) => a.conferenceId === c.id);
    const timing = agendaTiming(c.startsAt, c.endsAt, agenda);
    const lines: string[] = [t('calendar.event.format', { format: t(`calendar.event.formats.${c.format}`) })];
    const convenedBy = en ? (c.convenedByEn ?? c.convenedBy) : c.convenedBy;
    if (convenedBy) lines.push(t('calendar.event.convenedBy', { name: convenedBy }));
    if (c.chairName) lines.push(t('calendar.event.chair', { name: localizedName({ name: c.chairName, nameEn: c.chairNameEn }, locale) }));
    const relays = en ? (c.relaysTitleEn ?? c.relaysTitle) : c.relaysTitle;
    if (relays) lines.push(t('calendar.event.relays', { title: relays }));
    if (c.status === 'cancelled') {
      lines.push(c.cancelReason ? t('calendar.event.cancelledWithReason', { reason: c.cancelReason }) : t('calendar.event.cancelled'));
    }
    if (agenda.length) {
      lines.push('', t('calendar.event.agenda'));
      agenda.forEach((item, i) => {
        const values = { time: clockTime(timing.items[i]!.startsAt), title: en ? (item.titleEn ?? item.title) : item.title };
        lines.push(
          item.presenterName
            ? t('calendar.event.agendaItemWithPresenter', { ...values, presenter: localizedName({ name: item.presenterName, nameEn: item.presenterNameEn }, locale) })
            : t('calendar.event.agendaItem', values),
        );
      });
    }
    const url = appUrl ? `${appUrl}/conferences/${c.id}` : null;
    if (url) lines.push('', t('calendar.event.details', { url }));
    return conferenceEvent({
      id: c.id,
      title: en ? (c.titleEn ?? c.title) : c.title,
      startsAt: c.startsAt,
      endsAt: c.endsAt,
      status: c.status,
      version: c.version,
      updatedAt: c.updatedAt,
      location: venueLocation(venue && { name: localizedName(venue, locale), address: venue.address }, locale),
      description: lines.join('\n'),
      url,
    });
  });
}

/** One conference as an ICS file, or null when it is missing or not the actor's to see. */
export async function conferenceIcs(actor: Actor, conferenceId: number, locale: Locale): Promise<string | null> {
  const id = rowId.safeParse(conferenceId);
  if (!id.success) return null;
  const db = await getDb();
  const [row] = await selectConferences(db).where(and(eq(conferences.id, id.data), conferenceScope(actor)));
  if (!row) return null;
  return icsCalendar(await eventsFor(db, [row], locale));
}

// Subscription feeds -------------------------------------------------------------------

const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');
/** 32 random bytes in base64url: 43 characters. */
const tokenPattern = /^[A-Za-z0-9_-]{43}$/;

/**
 * A new secret address for the actor's calendar subscription, returned once and stored only
 * as its SHA-256. Any earlier address of the actor stops working.
 */
export async function createCalendarFeed(actor: Actor): Promise<{ token: string; createdAt: Date }> {
  assertCan(actor, 'conference.read');
  if (actor.id <= 0) throw forbidden('the system actor has no calendar');
  const token = crypto.randomBytes(32).toString('base64url');
  const db = await getDb();
  return db.transaction(async (tx) => {
    // One active feed per user: concurrent requests queue on the user's row.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, actor.id)).for('update');
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    const [row] = await tx.insert(calendarFeeds).values({ userId: actor.id, tokenHash: hashToken(token) }).returning();
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'calendar_feed.create',
      entityType: 'calendar_feed',
      entityId: row!.id,
      after: { userId: actor.id, replaced: revoked.map((r) => r.id) },
    });
    return { token, createdAt: row!.createdAt };
  });
}

/** Stops the actor's subscription address; true when there was one. */
export async function revokeCalendarFeed(actor: Actor): Promise<boolean> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeeds)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
      .returning({ id: calendarFeeds.id });
    for (const row of revoked) {
      await writeAudit(tx, { actorId: actor.id, action: 'calendar_feed.revoke', entityType: 'calendar_feed', entityId: row.id, after: { userId: actor.id } });
    }
    return revoked.length > 0;
  });
}

/** When the actor's current subscription address was made, or null when there is none. */
export async function getActiveCalendarFeed(actor: Actor): Promise<{ createdAt: Date } | null> {
  const db = await getDb();
  const [row] = await db
    .select({ createdAt: calendarFeeds.createdAt })
    .from(calendarFeeds)
    .where(and(eq(calendarFeeds.userId, actor.id), isNull(calendarFeeds.revokedAt)))
    .orderBy(desc(calendarFeeds.createdAt))
    .limit(1);
  return row ?? null;
}

/**
 * The subscription calendar behind a secret address: every conference its (active) owner may
 * see, drafts left out, in the owner's language. Null for an unknown or revoked address.
 */
export async function calendarFeedFor(token: string): Promise<string | null> {
  if (!tokenPattern.test(token)) return null;
  const db = await getDb();
  const [owner] = await db
    .select({ id: users.id, username: users.username, name: users.displayName, role: users.role, departmentId: users.departmentId, locale: users.locale })
    .from(calendarFeeds)
    .innerJoin(users, eq(users.id, calendarFeeds.userId))
    .where(and(eq(calendarFeeds.tokenHash, hashToken(token)), isNull(calendarFeeds.revokedAt), eq(users.active, true)));
  if (!owner) return null;
  const actor: Actor = { ...owner, locale: isLocale(owner.locale) ? owner.locale : null };
  const locale = actor.locale ?? defaultLocale;
  const rows = await selectConferences(db)
    .where(and(conferenceScope(actor), ne(conferences.status, 'draft')))
    .orderBy(asc(conferences.startsAt), asc(conferences.id));
  return icsCalendar(await eventsFor(db, rows, locale), { name: translator(locale)('calendar.feedName') });
}
