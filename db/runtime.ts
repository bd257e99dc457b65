import { env } from '../lib/env';
import { type Db, type DbHandle, openDatabase, targetFromEnv } from './client';
import { migrateDatabase } from './migrate';

// Kept on globalThis so dev-mode module reloads reuse the one open database.
const holder = globalThis as unknown as { __docketDb?: Promise<DbHandle> };

/** The process's database, opened and migrated on first use. */
export function getDbHandle(): Promise<DbHandle> {
  holder.__docketDb ??= (async () => {
    const handle = await openDatabase(targetFromEnv(env()));
    await migrateDatabase(handle);
    return handle;
  })().catch((error: unknown) => {
    holder.__docketDb = undefined;
    throw error;
  });
  return holder.__docketDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Tests swap in their own database. */
export function setDbHandleForTests(handle: DbHandle): void {
  holder.__docketDb = Promise.resolve(handle);
}
