import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { DbHandle } from './client';

const migrationsFolder = path.join(process.cwd(), 'db', 'migrations');

/** Applies every committed migration not yet applied; safe to run on every start. */
export async function migrateDatabase(handle: DbHandle): Promise<void> {
  const config = { migrationsFolder };
  // Both migrators run the same SQL files; the split is only the driver's type.
  if (handle.kind === 'pglite') await migratePglite(handle.db as never, config);
  else await migratePostgres(handle.db as never, config);
}
