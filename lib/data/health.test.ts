import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { migrationsFolder, readMigrationJournal } from '@/db/migrate';
import { createTestDb, useTestDb } from '@/test/db';
import { checkDatabase, checkMigrations, checkReadiness } from './health';

const t = useTestDb();

describe('checkDatabase', () => {
  it('reports a working database as healthy', async () => {
    await expect(checkDatabase(t.db)).resolves.toMatchObject({ ok: true });
  });

  it('uses the app database when none is given', async () => {
    await expect(checkDatabase()).resolves.toMatchObject({ ok: true });
  });

  it('reports a stopped database as unhealthy', async () => {
    const stopped = await createTestDb();
    await stopped.close();
    const health = await checkDatabase(stopped.db);
    expect(health.ok).toBe(false);
    expect(health.error).toBeTruthy();
  });

  it('reports an unreachable PostgreSQL server as unhealthy', async () => {
    const nowhere = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none', max: 1 });
    try {
      await expect(checkDatabase(nowhere.db)).resolves.toMatchObject({ ok: false });
    } finally {
      await nowhere.close();
    }
  });
});

describe('checkReadiness', () => {
  const tags = readMigrationJournal().map((e) => e.tag);

  it('is ready when the database answers and has every migration of this code', async () => {
    const readiness = await checkReadiness(t.db);
    expect(readiness).toMatchObject({ ready: true, database: { ok: true }, migrations: { ok: true, expected: tags.length, applied: tags.length, pending: [] } });
    await expect(checkReadiness()).resolves.toMatchObject({ ready: true });
  });

  it('names the migrations the database lacks', async () => {
    const behind = await createTestDb();
    try {
      const last = readMigrationJournal().at(-1)!;
      await behind.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${last.when}`);
      const readiness = await checkReadiness(behind.db);
      expect(readiness.ready).toBe(false);
      expect(readiness.database.ok).toBe(true);
      expect(readiness.migrations).toMatchObject({ ok: false, expected: tags.length, applied: tags.length - 1, pending: [last.tag] });
      await behind.db.execute(sql`DROP TABLE drizzle.__drizzle_migrations`);
      await expect(checkMigrations(behind.db)).resolves.toMatchObject({ ok: false, applied: 0, pending: tags });
    } finally {
      await behind.close();
    }
  });

  it('counts a migration this code has but the database has not applied', async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-journal-'));
    try {
      const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as { entries: object[] };
      journal.entries.push({ idx: journal.entries.length, version: '7', when: 4_102_444_800_000, tag: '9999_future', breakpoints: true });
      fs.mkdirSync(path.join(folder, 'meta'));
      fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
      await expect(checkReadiness(t.db, folder)).resolves.toMatchObject({ ready: false, migrations: { pending: ['9999_future'], applied: tags.length } });
      await expect(checkMigrations(t.db, path.join(folder, 'missing'))).resolves.toMatchObject({ ok: false, error: expect.stringContaining('journal') });
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it('is not ready when the database is stopped, saying so', async () => {
    const stopped = await createTestDb();
    await stopped.close();
    const readiness = await checkReadiness(stopped.db);
    expect(readiness).toMatchObject({ ready: false, database: { ok: false }, migrations: { ok: false, error: 'the database does not answer' } });
  });
});
