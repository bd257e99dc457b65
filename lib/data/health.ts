import 'server-only';
import { sql } from 'drizzle-orm';
import { type Db, executeRows } from '@/db/client';
import { readMigrationJournal } from '@/db/migrate';
import { getDb } from '@/db/runtime';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

export interface MigrationHealth {
  ok: boolean;
  /** Migrations this code carries. */
  expected: number;
  /** Of those, how many the database has applied. */
  applied: number;
  /** The tags of this code's migrations the database lacks, in order. */
  pending: string[];
  error?: string;
}

export interface Readiness {
  ready: boolean;
  database: DatabaseHealth;
  migrations: MigrationHealth;
}

const timeoutMs = 3_000;

/** `work`, or a rejection when it takes longer than the timeout: a hung database must not hang the probe. */
async function withinTimeout<T>(work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    return await Promise.race([work(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Round-trips one query; a stopped, unreachable or hung database reports unhealthy. */
export async function checkDatabase(db?: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  try {
    await withinTimeout(async () => (db ?? (await getDb())).execute(sql`SELECT 1`));
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { ok: false, latencyMs: Math.round(performance.now() - started), error: messageOf(error) };
  }
}

/**
 * Compares drizzle's journal (the migrations of this code) with the migrations the database has
 * applied (drizzle records each by its journal time in `drizzle.__drizzle_migrations`).
 */
export async function checkMigrations(db?: Db, folder?: string): Promise<MigrationHealth> {
  let journal;
  try {
    journal = readMigrationJournal(folder);
  } catch (error) {
    return { ok: false, expected: 0, applied: 0, pending: [], error: `cannot read the migration journal: ${messageOf(error)}` };
  }
  try {
    const applied = await withinTimeout(async () => {
      const target = db ?? (await getDb());
      const [table] = await executeRows<{ present: boolean }>(target, sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`);
      if (!table?.present) return new Set<number>();
      const rows = await executeRows<{ createdAt: string }>(target, sql`SELECT created_at::text AS "createdAt" FROM drizzle.__drizzle_migrations`);
      return new Set(rows.map((r) => Number(r.createdAt)));
    });
    const pending = journal.filter((entry) => !applied.has(entry.when)).map((entry) => entry.tag);
    return { ok: pending.length === 0, expected: journal.length, applied: journal.length - pending.length, pending };
  } catch (error) {
    return { ok: false, expected: journal.length, applied: 0, pending: [], error: messageOf(error) };
  }
}

/** Ready to serve: the database answers and has every migration of this code. */
export async function checkReadiness(db?: Db, migrationsFolder?: string): Promise<Readiness> {
  const database = await checkDatabase(db);
  // A database that does not answer cannot say what it has applied; asking again would only wait again.
  const migrations: MigrationHealth = database.ok
    ? await checkMigrations(db, migrationsFolder)
    : { ok: false, expected: 0, applied: 0, pending: [], error: 'the database does not answer' };
  return { ready: database.ok && migrations.ok, database, migrations };
}
