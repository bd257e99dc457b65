import { count, eq, sql } from 'drizzle-orm';
import type { Db, Tx } from '../client';
import { auditLog, departments, safetyIndicators, settings, users } from '../schema';
import { conference2018 } from './conference-2018';
import { currentYearConferences } from './current-year';
import { shanghaiDate } from './dates';
import { indicatorRows } from './indicators';
import { hashAccountPasswords, seedAccounts, writeReference } from './reference';
import type { ConferenceSpec } from './spec';
import { type ConferenceCounts, writeConferences } from './write';

export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './accounts';

/** The settings key that marks a database as seeded; its presence makes seeding a no-op. */
export const SEED_MARKER = 'demo.seededAt';
// Any constant works; it only has to be the same for every process that seeds.
const SEED_LOCK = 20180316;

export type SeedCounts = ConferenceCounts & { departments: number; users: number; indicators: number };
export interface SeedResult {
  seeded: boolean;
  counts?: SeedCounts;
}

/** Raised instead of mixing demo data (and its known passwords) into a database in use. */
export class DemoSeedRefusedError extends Error {
  constructor() {
    super('The database already holds users or departments; the demo seed only fills an empty database.');
    this.name = 'DemoSeedRefusedError';
  }
}

/** Everything dated by conferences, as plain data: the 2018 article and the present year. */
export function planDemo(today: Date): ConferenceSpec[] {
  if (shanghaiDate(today) < '2019-01-01') throw new Error('seed: today must be after 2018');
  return [conference2018(today), ...currentYearConferences(today)];
}

/**
 * Fills an empty database with the demo: the 2018 conference of the article, this year's
 * four quarterly conferences with tasks in every state, indicators and demo accounts.
 * Runs in one transaction; a second run finds the marker and changes nothing.
 */
export async function seedDemo(db: Db, options: { today?: Date } = {}): Promise<SeedResult> {
  const today = options.today ?? new Date();
  if (await isSeeded(db)) return { seeded: false };
  const specs = planDemo(today);
  const accounts = seedAccounts();
  // Hashing is slow and needs no database, so it stays outside the transaction.
  const hashes = await hashAccountPasswords(accounts);

  return db.transaction(async (tx) => {
    // Two processes seeding one server at once: the second waits, then sees the marker.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(${SEED_LOCK})`);
    if (await isSeeded(tx)) return { seeded: false };
    const [someUser] = await tx.select({ id: users.id }).from(users).limit(1);
    const [someDepartment] = await tx.select({ id: departments.id }).from(departments).limit(1);
    if (someUser || someDepartment) throw new DemoSeedRefusedError();

    const ids = await writeReference(tx, accounts, hashes);
    const written = await writeConferences(tx, specs, ids, today);
    const indicators = await tx
      .insert(safetyIndicators)
      .values(indicatorRows(today, ids.secretary))
      .returning({ id: safetyIndicators.id });
    const counts: SeedCounts = {
      departments: ids.departments.size,
      users: accounts.length,
      ...written,
      indicators: indicators.length,
    };
    const seededAt = new Date();
    await tx.insert(settings).values({
      key: SEED_MARKER,
      value: { at: seededAt.toISOString(), today: shanghaiDate(today) },
      updatedAt: seededAt,
    });
    await tx.insert(auditLog).values({ action: 'seed.demo', entityType: 'database', after: counts, at: seededAt });
    return { seeded: true, counts };
  });
}

async function isSeeded(db: Db | Tx): Promise<boolean> {
  const [row] = await db.select({ n: count() }).from(settings).where(eq(settings.key, SEED_MARKER));
  return (row?.n ?? 0) > 0;
}
