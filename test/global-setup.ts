import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { openDatabase, snapshotPglite } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { adminUrl, cloneNamePrefix, databaseName } from './pg-urls';

declare module 'vitest' {
  export interface ProvidedContext {
    testDb: { kind: 'postgres'; baseUrl: string } | { kind: 'pglite'; snapshotPath: string };
  }
}

/**
 * Migrates one database per run. On PostgreSQL (TEST_DATABASE_URL) that database is the
 * template each test file clones; on PGlite a dump is restored per test file.
 */
export default async function setup(project: TestProject) {
  const baseUrl = process.env.TEST_DATABASE_URL;
  if (baseUrl) {
    const handle = await openDatabase({ kind: 'postgres', url: baseUrl, max: 1 });
    await migrateDatabase(handle);
    await handle.close();
    project.provide('testDb', { kind: 'postgres', baseUrl });
    return async () => {
      const admin = await openDatabase({ kind: 'postgres', url: adminUrl(baseUrl), max: 1 });
      const prefix = cloneNamePrefix(databaseName(baseUrl));
      const rows = await admin.db.execute<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE '${prefix}%'`,
      );
      for (const row of rows as unknown as Array<{ datname: string }>) {
        await admin.db.execute(`DROP DATABASE IF EXISTS "${row.datname}" WITH (FORCE)`);
      }
      await admin.close();
    };
  }
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  await migrateDatabase(handle);
  const snapshot = await snapshotPglite(handle);
  await handle.close();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-test-'));
  const snapshotPath = path.join(dir, 'migrated.tar');
  fs.writeFileSync(snapshotPath, Buffer.from(await snapshot.arrayBuffer()));
  project.provide('testDb', { kind: 'pglite', snapshotPath });
  return () => fs.rmSync(dir, { recursive: true, force: true });
}
