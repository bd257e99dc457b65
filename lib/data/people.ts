import 'server-only';
import { type SQL, asc, count, eq, ilike, or, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { people, speakers } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { conflict, notFound } from '@/lib/errors';
import { parseInput } from '@/lib/validation/common';
import { type PersonInput, type UpdatePersonInput, personSchema, updatePersonSchema } from '@/lib/validation/people';
import { writeAudit } from './audit';
import { assertCan } from './guard';
import { type ListQuery, pageOf } from './list-query';

const columns = {
  id: people.id,
  name: people.name,
  nameEn: people.nameEn,
  position: people.position,
  positionEn: people.positionEn,
  organization: people.organization,
  organizationEn: people.organizationEn,
  version: people.version,
};

/** Names, positions and organizations in either language. */
function matching(q: string | undefined): SQL | undefined {
  const text = q?.trim();
  if (!text) return undefined;
  const pattern = `%${text}%`;
  return or(
    ilike(people.name, pattern),
    ilike(people.nameEn, pattern),
    ilike(people.position, pattern),
    ilike(people.positionEn, pattern),
    ilike(people.organization, pattern),
    ilike(people.organizationEn, pattern),
  );
}

/** People for a picker (chair, speakers), by name; small enough to send whole. */
export async function listPeople(actor: Actor, query: { q?: string; limit?: number }) {
  assertCan(actor, 'person.read');
  const db = await getDb();
  return db
    .select({ id: people.id, name: people.name, nameEn: people.nameEn, position: people.position, positionEn: people.positionEn, organization: people.organization })
    .from(people)
    .where(matching(query.q))
    .orderBy(asc(people.name), asc(people.id))
    .limit(Math.min(query.limit ?? 50, 200));
}

/** How many conferences a person speaks at (speakers still on the list). */
const speeches = sql<number>`(SELECT count(*)::int FROM ${speakers} WHERE ${speakers.personId} = ${people.id} AND ${speakers.removedAt} IS NULL)`;

export interface PersonListQuery extends ListQuery<'name' | 'position' | 'organization' | 'speeches'> {
  /** Sorts names, positions and organizations by their English text where there is one. */
  locale?: string;
}

/** The people directory: searched, sorted and paged in SQL. */
export async function listPeoplePage(actor: Actor, query: PersonListQuery) {
  assertCan(actor, 'person.list');
  const db = await getDb();
  const en = query.locale === 'en';
  const sortColumns: Record<NonNullable<PersonListQuery['sort']>, SQL | typeof people.name> = {
    name: en ? sql`coalesce(${people.nameEn}, ${people.name})` : people.name,
    position: en ? sql`coalesce(${people.positionEn}, ${people.position})` : sql`${people.position}`,
    organization: en ? sql`coalesce(${people.organizationEn}, ${people.organization})` : sql`${people.organization}`,
    speeches,
  };
  const sortBy = sortColumns[query.sort ?? 'name'];
  const where = matching(query.q);
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({ ...columns, speeches })
      .from(people)
      .where(where)
      // Empty positions and organizations go last either way.
      .orderBy(query.dir === 'desc' ? sql`${sortBy} DESC NULLS LAST` : sql`${sortBy} ASC NULLS LAST`, asc(people.name), asc(people.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(people).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export type PersonRow = Awaited<ReturnType<typeof listPeoplePage>>['rows'][number];

/** One person of the directory: directory readers only, like the list. */
export async function getPerson(actor: Actor, id: number) {
  assertCan(actor, 'person.list');
  const db = await getDb();
  const [row] = await db.select({ ...columns, speeches }).from(people).where(eq(people.id, id));
  return row ?? null;
}

/** Creates a person inside a caller's transaction (also used when a speaker is added with a new person). */
export async function insertPerson(tx: Tx, actor: Actor, input: PersonInput) {
  const data = parseInput(personSchema, input);
  const [row] = await tx.insert(people).values(data).returning(columns);
  await writeAudit(tx, { actorId: actor.id, action: 'person.create', entityType: 'person', entityId: row!.id, after: row });
  return row!;
}

export async function createPerson(actor: Actor, input: PersonInput) {
  assertCan(actor, 'person.create');
  const db = await getDb();
  return db.transaction((tx) => insertPerson(tx, actor, input));
}

/** Saves a person against the version the editor loaded; a stale save gets the saved values back. */
export async function updatePerson(actor: Actor, input: UpdatePersonInput) {
  assertCan(actor, 'person.update');
  const data = parseInput(updatePersonSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(people).where(eq(people.id, data.id)).for('update');
    if (!before) throw notFound(`person ${data.id}`);
    if (before.version !== data.version) throw conflict('stale person', { current: before });
    const [after] = await tx
      .update(people)
      .set({
        name: data.name,
        nameEn: data.nameEn ?? null,
        position: data.position ?? null,
        positionEn: data.positionEn ?? null,
        organization: data.organization ?? null,
        organizationEn: data.organizationEn ?? null,
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(people.id, data.id))
      .returning(columns);
    await writeAudit(tx, { actorId: actor.id, action: 'person.update', entityType: 'person', entityId: data.id, before, after });
    return after!;
  });
}
