import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, inject } from 'vitest';
import { type Db, type DbHandle, openDatabase } from '../db/client';
import { setDbHandleForTests } from '../db/runtime';
import { LocalDiskStorage, setStorageForTests } from '../lib/storage';
import { adminUrl, cloneNamePrefix, databaseName, withDatabase } from './pg-urls';

/** A fresh copy of the migrated test database, private to the caller. */
export async function createTestDb(): Promise<DbHandle> {
  const target = inject('testDb');
  if (target.kind === 'pglite') {
    const snapshot = new Blob([fs.readFileSync(target.snapshotPath)]);
    return openDatabase({ kind: 'pglite', snapshot });
  }
  const base = databaseName(target.baseUrl);
  const name = `${cloneNamePrefix(base)}${crypto.randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl(target.baseUrl), max: 1 });
  try {
    await admin.db.execute(`CREATE DATABASE "${name}" TEMPLATE "${base}"`);
  } finally {
    await admin.close();
  }
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(target.baseUrl, name), max: 4 });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      const cleanup = await openDatabase({ kind: 'postgres', url: adminUrl(target.baseUrl), max: 1 });
      await cleanup.db.execute(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await cleanup.close();
    },
  };
}

/**
 * Gives the test file its own migrated database, also installed as the app's database
 * so `lib/data` functions use it. Read `.db` inside tests, after `beforeAll` has run.
 */
export function useTestDb(): { readonly db: Db; readonly handle: DbHandle } {
  let handle: DbHandle | undefined;
  // Uploaded files go to a directory of the test file's own, never into ./data.
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-files-'));
  beforeAll(async () => {
    handle = await createTestDb();
    setDbHandleForTests(handle);
    setStorageForTests(new LocalDiskStorage(files));
  });
  afterAll(async () => {
    await handle?.close();
    fs.rmSync(files, { recursive: true, force: true });
  });
  return {
    get db() {
      if (!handle) throw new Error('useTestDb: the database is not ready yet');
      return handle.db;
    },
    get handle() {
      if (!handle) throw new Error('useTestDb: the database is not ready yet');
      return handle;
    },
  };
}
