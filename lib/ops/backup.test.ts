import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { is, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { type DbHandle, executeRows, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import * as schema from '../../db/schema';
import { conferences } from '../../db/schema';
import { seedDemo } from '../../db/seed';
import { adminUrl, withDatabase } from '../../test/pg-urls';
import { LocalDiskStorage, storageKeyFor } from '../storage';
import {
  BackupRefusedError,
  type BackupSummary,
  checksumDatabase,
  codeSchemaLevel,
  databaseSchemaLevel,
  migrateToLevel,
  restoreBackup,
  schemaTables,
  writeBackup,
} from './backup';

const TODAY = new Date('2026-05-20T10:00:00+08:00');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-backup-test-'));
const cleanups: Array<() => Promise<void>> = [];

/**
 * A new, empty (never migrated) database of the kind the test run uses: a PostgreSQL database
 * on the test server when TEST_DATABASE_URL is set, else an in-memory PGlite.
 */
async function emptyDatabase(): Promise<DbHandle> {
  const target = inject('testDb');
  if (target.kind === 'pglite') {
    const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    cleanups.push(() => handle.close());
    return handle;
  }
  const name = `docket_backup_r${crypto.randomBytes(5).toString('hex')}`;
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl(target.baseUrl), max: 1 });
  await admin.db.execute(sql.raw(`CREATE DATABASE "${name}"`));
  await admin.close();
  const handle = await openDatabase({ kind: 'postgres', url: withDatabase(target.baseUrl, name), max: 2 });
  cleanups.push(async () => {
    await handle.close();
    const drop = await openDatabase({ kind: 'postgres', url: adminUrl(target.baseUrl), max: 1 });
    await drop.db.execute(sql.raw(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    await drop.close();
  });
  return handle;
}

function storageIn(name: string): LocalDiskStorage {
  return new LocalDiskStorage(path.join(tmp, name));
}

/** Every enum column's distinct values in a database, as `table.column=value` strings. */
async function enumValuesPresent(handle: DbHandle): Promise<string[]> {
  const found: string[] = [];
  for (const value of Object.values(schema)) {
    if (!is(value, PgTable)) continue;
    const config = getTableConfig(value);
    for (const column of config.columns) {
      if (column.columnType !== 'PgEnumColumn') continue;
      const rows = await executeRows<{ v: string }>(
        handle.db,
        sql`SELECT DISTINCT ${sql.identifier(column.name)}::text AS v FROM ${sql.identifier(config.name)} WHERE ${sql.identifier(column.name)} IS NOT NULL`,
      );
      for (const row of rows) found.push(`${config.name}.${column.name}=${row.v}`);
    }
  }
  return found.sort();
}

const chineseDepartments = (handle: DbHandle) =>
  executeRows<{ name: string }>(handle.db, sql`SELECT name FROM departments WHERE name ~ '[一-龥]' ORDER BY id`);

const PDF = new TextEncoder().encode('%PDF-1.4 会议纪要 minutes');
const PDF_SHA = crypto.createHash('sha256').update(PDF).digest('hex');

let source: DbHandle;
let sourceSums: Awaited<ReturnType<typeof checksumDatabase>>;
let firstBackup: BackupSummary;
const firstFile = path.join(tmp, 'first.docket.gz');

beforeAll(async () => {
  source = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  cleanups.push(() => source.close());
  await migrateDatabase(source);
  await seedDemo(source.db, { today: TODAY });
  // One stored document, so the backup carries a file as well as its row.
  const sourceFiles = storageIn('source-files');
  await sourceFiles.put(storageKeyFor(PDF_SHA), PDF);
  const [conference] = await source.db.select({ id: conferences.id }).from(conferences).limit(1);
  await source.db.execute(sql`
    INSERT INTO attachments (conference_id, file_name, media_type, size_bytes, sha256, storage_key)
    VALUES (${conference?.id ?? null}, '会议纪要.pdf', 'application/pdf', ${PDF.length}, ${PDF_SHA}, ${storageKeyFor(PDF_SHA)})`);
  // A department whose parent has a higher id: its row restores before its parent's.
  const [child] = await executeRows<{ id: number }>(
    source.db,
    sql`INSERT INTO departments (code, name, kind) VALUES ('backup-child', '应急科', 'office') RETURNING id`,
  );
  await source.db.execute(sql`
    WITH parent AS (INSERT INTO departments (code, name, kind) VALUES ('backup-parent', '应急处', 'department') RETURNING id)
    UPDATE departments SET parent_id = (SELECT id FROM parent) WHERE id = ${child?.id ?? 0}`);
  sourceSums = await checksumDatabase(source);
  firstBackup = await writeBackup(source, firstFile, { storage: sourceFiles });
});

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('backup', () => {
  it('covers every table of the schema, parents before children, with the schema level', async () => {
    const order = schemaTables().map((t) => t.name);
    expect(firstBackup.tables.map((t) => t.name)).toEqual(order);
    expect(order.indexOf('departments')).toBeLessThan(order.indexOf('users'));
    expect(order.indexOf('tasks')).toBeLessThan(order.indexOf('follow_ups'));
    expect(order.indexOf('follow_ups')).toBeLessThan(order.indexOf('attachments'));
    expect(firstBackup.schemaLevel).toEqual(codeSchemaLevel());
    expect(firstBackup.tables).toEqual(sourceSums);
    expect(firstBackup.tables.find((t) => t.name === 'tasks')?.rows).toBeGreaterThan(50);
    expect(firstBackup.files).toEqual({ referenced: 1, included: 1, missing: [] });
  });

  it('writes gzip-compressed JSON lines starting with a versioned header', () => {
    const lines = zlib.gunzipSync(fs.readFileSync(firstFile)).toString('utf8').trim().split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(header).toMatchObject({ format: 'docket-backup', version: 1, source: 'pglite', schemaLevel: codeSchemaLevel() });
    expect(header.tables).toEqual(schemaTables().map((t) => t.name));
    const end = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(end.type).toBe('end');
    expect(end.tables).toEqual(firstBackup.tables);
  });

  it('refuses to overwrite an existing file', async () => {
    await expect(writeBackup(source, firstFile)).rejects.toThrow(/EEXIST/);
    expect(fs.statSync(firstFile).size).toBeGreaterThan(1000);
  });

  it('refuses a database that was never migrated and writes no file', async () => {
    const unmigrated = await emptyDatabase();
    const file = path.join(tmp, 'unmigrated.docket.gz');
    await expect(writeBackup(unmigrated, file)).rejects.toThrow(/never been migrated/);
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe('restore', () => {
  it('round-trips PGlite → the test database → PGlite with identical counts, checksums, Chinese text, enum values and files', async () => {
    const middle = await emptyDatabase();
    const middleFiles = storageIn('middle-files');
    const restored = await restoreBackup(middle, firstFile, { storage: middleFiles });
    expect(restored.tables).toEqual(sourceSums);
    expect(await checksumDatabase(middle)).toEqual(sourceSums);
    expect(await databaseSchemaLevel(middle.db)).toEqual(codeSchemaLevel());
    expect(await middleFiles.get(storageKeyFor(PDF_SHA))).toEqual(PDF);

    const secondFile = path.join(tmp, 'second.docket.gz');
    const second = await writeBackup(middle, secondFile, { storage: middleFiles });
    expect(second.tables).toEqual(sourceSums);

    const back = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    cleanups.push(() => back.close());
    const backFiles = storageIn('back-files');
    const again = await restoreBackup(back, secondFile, { storage: backFiles });
    expect(again.tables).toEqual(sourceSums);
    expect(await checksumDatabase(back)).toEqual(sourceSums);
    expect(await backFiles.get(storageKeyFor(PDF_SHA))).toEqual(PDF);

    const chinese = await chineseDepartments(source);
    expect(chinese.length).toBeGreaterThan(5);
    expect(await chineseDepartments(middle)).toEqual(chinese);
    expect(await chineseDepartments(back)).toEqual(chinese);
    const enums = await enumValuesPresent(source);
    expect(enums).toEqual(expect.arrayContaining(schema.taskStatus.enumValues.map((s) => `tasks.status=${s}`)));
    expect(await enumValuesPresent(middle)).toEqual(enums);
    expect(await enumValuesPresent(back)).toEqual(enums);
  });

  it('keeps identity ids and continues the sequences after the highest restored id', async () => {
    const target = await emptyDatabase();
    await restoreBackup(target, firstFile);
    const ids = async (h: DbHandle) =>
      executeRows<{ id: number; code: string; parent_id: number | null }>(h.db, sql`SELECT id, code, parent_id FROM departments ORDER BY id`);
    expect(await ids(target)).toEqual(await ids(source));
    const [child] = (await ids(target)).filter((d) => d.code === 'backup-child');
    expect(child?.parent_id).toBeGreaterThan(child?.id ?? Infinity);
    const [max] = await executeRows<{ m: number }>(target.db, sql`SELECT max(id)::int AS m FROM departments`);
    const [inserted] = await executeRows<{ id: number }>(
      target.db,
      sql`INSERT INTO departments (code, name, kind) VALUES ('backup-new', '新部门', 'department') RETURNING id`,
    );
    expect(inserted?.id).toBe((max?.m ?? 0) + 1);
  });

  it('restores a backup from an older schema level: migrates to it, loads, then applies the newer migrations', async () => {
    const code = codeSchemaLevel();
    const old = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    cleanups.push(() => old.close());
    await migrateToLevel(old, code.count - 1);
    await old.db.execute(sql`INSERT INTO departments (code, name, kind) VALUES ('old-level', '旧版本部门', 'district')`);
    const oldFile = path.join(tmp, 'old-level.docket.gz');
    const backup = await writeBackup(old, oldFile);
    expect(backup.schemaLevel.count).toBe(code.count - 1);

    const target = await emptyDatabase();
    const restored = await restoreBackup(target, oldFile);
    expect(restored.tables).toEqual(backup.tables);
    expect(await databaseSchemaLevel(target.db)).toEqual(code);
    expect(await chineseDepartments(target)).toEqual([{ name: '旧版本部门' }]);
  });

  it('refuses a database that already holds data and changes nothing', async () => {
    const before = await checksumDatabase(source);
    const error = await restoreBackup(source, firstFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/not empty .*departments.*nothing was changed/);
    expect(await checksumDatabase(source)).toEqual(before);
  });

  it('refuses a backup from a newer schema level and leaves the target untouched', async () => {
    const lines = zlib.gunzipSync(fs.readFileSync(firstFile)).toString('utf8').split('\n');
    const header = JSON.parse(lines[0] ?? '{}') as { schemaLevel: { count: number; tag: string | null; when: number } };
    header.schemaLevel = { count: header.schemaLevel.count + 1, tag: '9999_from_the_future', when: header.schemaLevel.when + 1 };
    lines[0] = JSON.stringify(header);
    const newer = path.join(tmp, 'newer.docket.gz');
    fs.writeFileSync(newer, zlib.gzipSync(lines.join('\n')));

    const target = await emptyDatabase();
    const error = await restoreBackup(target, newer).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(/newer than this version of Docket/);
    expect(await databaseSchemaLevel(target.db)).toEqual({ count: 0, tag: null, when: 0 });
  });

  it('refuses a file that is not a backup', async () => {
    const junk = path.join(tmp, 'junk.gz');
    fs.writeFileSync(junk, 'not gzip');
    const target = await emptyDatabase();
    await expect(restoreBackup(target, junk)).rejects.toThrow(/not a Docket backup/);
  });
});
