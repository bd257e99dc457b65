import 'server-only';
import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { agendaItems, people, speakers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { notFound } from '@/lib/errors';
import { ValidationError, parseInput } from '@/lib/validation/common';
import { agendaItemSchema, moveSchema, speakerSchema, updateAgendaItemSchema } from '@/lib/validation/conferences';
import type { z } from 'zod';
import { writeAudit } from './audit';
import { editableConference } from './conference-scope';
import { assertCan } from './guard';
import { insertPerson } from './people';

// Speakers -------------------------------------------------------------------------------

/** Adds a speaker at the end of the order; a new person can be created in the same step. */
export async function addSpeaker(actor: Actor, input: z.input<typeof speakerSchema>) {
  assertCan(actor, 'conference.manageSpeakers');
  const data = parseInput(speakerSchema, input);
  if (data.newPerson) assertCan(actor, 'person.create');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    let personId = data.personId;
    if (personId === undefined) personId = (await insertPerson(tx, actor, data.newPerson!)).id;
    else {
      const [person] = await tx.select({ id: people.id }).from(people).where(eq(people.id, personId));
      if (!person) throw notFound(`person ${personId}`);
    }
    const [{ next } = { next: 1 }] = await tx
      .select({ next: sql<number>`coalesce(max(${speakers.position}), 0) + 1` })
      .from(speakers)
      .where(and(eq(speakers.conferenceId, data.conferenceId), isNull(speakers.removedAt)));
    const [row] = await tx
      .insert(speakers)
      .values({ conferenceId: data.conferenceId, personId, role: data.role, topic: data.topic, topicEn: data.topicEn, summary: data.summary, position: Number(next) })
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'speaker.create', entityType: 'speaker', entityId: row!.id, after: row });
    return row!;
  });
}

/** Swaps two neighbours in an ordered list of a conference (speakers or agenda items). */
async function swapWithNeighbour<T extends typeof speakers | typeof agendaItems>(tx: Tx, table: T, conferenceId: number, id: number, direction: 'up' | 'down') {
  const rows = await tx
    .select({ id: table.id, position: table.position })
    .from(table as typeof speakers)
    .where(and(eq(table.conferenceId, conferenceId), isNull(table.removedAt)))
    .orderBy(asc(table.position), asc(table.id));
  const index = rows.findIndex((r) => r.id === id);
  if (index === -1) throw notFound(`item ${id}`);
  const target = direction === 'up' ? index - 1 : index + 1;
  if (target < 0 || target >= rows.length) return false;
  const order = rows.map((r) => r.id);
  [order[index], order[target]] = [order[target]!, order[index]!];
  for (const [i, rowId] of order.entries()) {
    await tx.update(table as typeof speakers).set({ position: i + 1, updatedAt: new Date() }).where(eq(table.id, rowId));
  }
  return true;
}

export async function moveSpeaker(actor: Actor, input: { conferenceId: number; id: number; direction: 'up' | 'down' }) {
  assertCan(actor, 'conference.manageSpeakers');
  const { id, direction } = parseInput(moveSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const moved = await swapWithNeighbour(tx, speakers, input.conferenceId, id, direction);
    if (moved) await writeAudit(tx, { actorId: actor.id, action: 'speaker.move', entityType: 'speaker', entityId: id, after: { direction } });
    return { moved };
  });
}

export async function removeSpeaker(actor: Actor, input: { conferenceId: number; id: number }) {
  assertCan(actor, 'conference.manageSpeakers');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const [row] = await tx
      .update(speakers)
      .set({ removedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(speakers.id, input.id), eq(speakers.conferenceId, input.conferenceId), isNull(speakers.removedAt)))
      .returning({ id: speakers.id });
    if (!row) throw notFound(`speaker ${input.id}`);
    // An agenda item no longer has that presenter; the item itself stays.
    await tx.update(agendaItems).set({ presenterSpeakerId: null, updatedAt: new Date() }).where(eq(agendaItems.presenterSpeakerId, input.id));
    await writeAudit(tx, { actorId: actor.id, action: 'speaker.remove', entityType: 'speaker', entityId: input.id });
  });
}

// Agenda ---------------------------------------------------------------------------------

async function assertPresenter(tx: Tx, conferenceId: number, speakerId: number | undefined) {
  if (speakerId === undefined) return;
  const [row] = await tx
    .select({ id: speakers.id })
    .from(speakers)
    .where(and(eq(speakers.id, speakerId), eq(speakers.conferenceId, conferenceId), isNull(speakers.removedAt)));
  if (!row) throw new ValidationError({ presenterSpeakerId: [{ key: 'invalidChoice' }] });
}

/**
 * Appends an item to the agenda, with its audit row, in the caller's transaction. The caller has
 * checked the policy and locked the conference (`editableConference`).
 */
export async function insertAgendaItem(tx: Tx, actor: Actor, data: z.output<typeof agendaItemSchema>) {
  await assertPresenter(tx, data.conferenceId, data.presenterSpeakerId);
  const [{ next } = { next: 1 }] = await tx
    .select({ next: sql<number>`coalesce(max(${agendaItems.position}), 0) + 1` })
    .from(agendaItems)
    .where(and(eq(agendaItems.conferenceId, data.conferenceId), isNull(agendaItems.removedAt)));
  const [row] = await tx.insert(agendaItems).values({ ...data, position: Number(next) }).returning();
  await writeAudit(tx, { actorId: actor.id, action: 'agenda.create', entityType: 'agenda_item', entityId: row!.id, after: row });
  return row!;
}

export async function addAgendaItem(actor: Actor, input: z.input<typeof agendaItemSchema>) {
  assertCan(actor, 'conference.manageAgenda');
  const data = parseInput(agendaItemSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    return insertAgendaItem(tx, actor, data);
  });
}

export async function updateAgendaItem(actor: Actor, input: z.input<typeof updateAgendaItemSchema>) {
  assertCan(actor, 'conference.manageAgenda');
  const data = parseInput(updateAgendaItemSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, data.conferenceId);
    await assertPresenter(tx, data.conferenceId, data.presenterSpeakerId);
    const [before] = await tx.select().from(agendaItems).where(and(eq(agendaItems.id, data.id), eq(agendaItems.conferenceId, data.conferenceId), isNull(agendaItems.removedAt)));
    if (!before) throw notFound(`agenda item ${data.id}`);
    const [after] = await tx
      .update(agendaItems)
      .set({ title: data.title, titleEn: data.titleEn ?? null, kind: data.kind, presenterSpeakerId: data.presenterSpeakerId ?? null, plannedMinutes: data.plannedMinutes, notes: data.notes ?? null, updatedAt: new Date() })
      .where(eq(agendaItems.id, data.id))
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'agenda.update', entityType: 'agenda_item', entityId: data.id, before, after });
    return after!;
  });
}

export async function moveAgendaItem(actor: Actor, input: { conferenceId: number; id: number; direction: 'up' | 'down' }) {
  assertCan(actor, 'conference.manageAgenda');
  const { id, direction } = parseInput(moveSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const moved = await swapWithNeighbour(tx, agendaItems, input.conferenceId, id, direction);
    if (moved) await writeAudit(tx, { actorId: actor.id, action: 'agenda.move', entityType: 'agenda_item', entityId: id, after: { direction } });
    return { moved };
  });
}

export async function removeAgendaItem(actor: Actor, input: { conferenceId: number; id: number }) {
  assertCan(actor, 'conference.manageAgenda');
  const db = await getDb();
  return db.transaction(async (tx) => {
    await editableConference(tx, actor, input.conferenceId);
    const [row] = await tx
      .update(agendaItems)
      .set({ removedAt: new Date(), updatedAt: new Date() })
      .where(and(eq(agendaItems.id, input.id), eq(agendaItems.conferenceId, input.conferenceId), isNull(agendaItems.removedAt)))
      .returning({ id: agendaItems.id });
    if (!row) throw notFound(`agenda item ${input.id}`);
    await writeAudit(tx, { actorId: actor.id, action: 'agenda.remove', entityType: 'agenda_item', entityId: input.id });
  });
}
