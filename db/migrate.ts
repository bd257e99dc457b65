import fs from 'node:fs';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DbHandle } from './client';

export const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies every committed migration not yet applied; safe to run on every start. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  // Both migrators run the same SQL files; the split is only the driver's type.
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, config);
  else await migratePostgres(handle.db as never, config);
}

export interface JournalEntry {
  idx: number;
  /** drizzle's `created_at` of the migration once applied. */
  when: number;
  tag: string;
}

/** The migrations this code carries, in order, from drizzle's journal. */
export function readMigrationJournal(folder = migrationsFolder): JournalEntry[] {
  const journal = JSON.parse(fs.readFileSync(path.join(folder, 'meta', '_journal.json'), 'utf8')) as { entries: JournalEntry[] };
  return journal.entries;
}
