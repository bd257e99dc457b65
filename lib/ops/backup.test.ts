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
  canonicalJson,
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

/**
 * Every public table's count(*) and an md5 over its rows, by SQL alone: independent of the code
 * under test, and of key order and collation (rows are ordered by their own text).
 */
async function fingerprints(handle: DbHandle): Promise<Record<string, { rows: number; md5: string }>> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
    const tables = await executeRows<{ name: string }>(
      tx,
      sql`SELECT table_name::text AS name FROM information_schema.tables
          WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string }> = {};
    for (const { name } of tables) {
      const [row] = await executeRows<{ n: number; md5: string }>(
        tx,
        sql`SELECT count(*)::int AS n, md5(coalesce(string_agg(j, E'\n' ORDER BY j COLLATE "C"), '')) AS md5
            FROM (SELECT row_to_json(t)::text AS j FROM ${sql.identifier(name)} t) x`,
      );
      result[name] = { rows: row?.n ?? -1, md5: row?.md5 ?? '' };
    }
    return result;
  });
}

/** The lines of a backup file, decompressed and parsed by the test itself. */
function fileLines(file: string): Array<Record<string, unknown>> {
  const text = zlib.gunzipSync(fs.readFileSync(file)).toString('utf8');
  return text.trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Each table's rows as the file holds them. */
function fileRows(file: string): Map<string, Array<Record<string, unknown>>> {
  const tables = new Map<string, Array<Record<string, unknown>>>();
  let current: Array<Record<string, unknown>> = [];
  for (const line of fileLines(file)) {
    if (line.type === 'table') tables.set(line.name as string, (current = []));
    if (line.type === 'rows') current.push(...(line.rows as Array<Record<string, unknown>>));
  }
  return tables;
}

type FileLine = Record<string, unknown>;

function writeFileLines(name: string, lines: Array<FileLine | string>): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, zlib.gzipSync(lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n'));
  return file;
}

/** The lines with every tableEnd and the end record recomputed from the rows: a file consistent with itself. */
function rehashed(lines: FileLine[]): FileLine[] {
  const sums = new Map<string, { rows: number; hash: crypto.Hash }>();
  let current = '';
  for (const line of lines) {
    if (line.type === 'table') sums.set((current = line.name as string), { rows: 0, hash: crypto.createHash('sha256') });
    if (line.type === 'rows') {
      const sum = sums.get(current);
      for (const row of line.rows as FileLine[]) sum?.hash.update(`${canonicalJson(row)}\n`);
      if (sum) sum.rows += (line.rows as FileLine[]).length;
    }
  }
  const done = new Map([...sums].map(([name, s]) => [name, { name, rows: s.rows, sha256: s.hash.digest('hex') }]));
  return lines.map((line) => {
    if (line.type === 'tableEnd') return { type: 'tableEnd', ...done.get(line.name as string) };
    if (line.type === 'end') return { ...line, tables: (line.tables as FileLine[]).map((t) => done.get(t.name as string)) };
    return line;
  });
}

/** What a database holds outside the system catalogs: schemas, relations, types, extensions. */
async function catalogOf(handle: DbHandle): Promise<string[]> {
  const rows = await executeRows<{ item: string }>(
    handle.db,
    sql`WITH ns AS (SELECT oid, nspname FROM pg_namespace WHERE nspname !~ '^pg_' AND nspname <> 'information_schema')
        SELECT 'schema ' || nspname AS item FROM ns
        UNION ALL SELECT 'relation ' || ns.nspname || '.' || c.relname FROM pg_class c JOIN ns ON ns.oid = c.relnamespace
        UNION ALL SELECT 'type ' || ns.nspname || '.' || t.typname FROM pg_type t JOIN ns ON ns.oid = t.typnamespace
        UNION ALL SELECT 'extension ' || extname FROM pg_extension
        ORDER BY 1`,
  );
  return rows.map((r) => r.item);
}

async function publicTables(handle: DbHandle): Promise<number> {
  const [row] = await executeRows<{ n: number }>(
    handle.db,
    sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public'`,
  );
  return row?.n ?? -1;
}

const chineseDepartments = (handle: DbHandle) =>
  executeRows<{ name: string }>(handle.db, sql`SELECT name FROM departments WHERE name ~ '[一-龥]' ORDER BY id`);

const PDF = new TextEncoder().encode('%PDF-1.4 会议纪要 minutes');
const PDF_SHA = crypto.createHash('sha256').update(PDF).digest('hex');

/** A backup of a database one migration behind this code (made once, for the tests that need one). */
let oldLevel: Promise<{ file: string; backup: BackupSummary }> | undefined;
function oldLevelBackup(): Promise<{ file: string; backup: BackupSummary }> {
  oldLevel ??= (async () => {
    const old = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
    cleanups.push(() => old.close());
    await migrateToLevel(old, codeSchemaLevel().count - 1);
    await old.db.execute(sql`INSERT INTO departments (code, name, kind) VALUES ('old-level', '旧版本部门', 'district')`);
    const file = path.join(tmp, 'old-level.docket.gz');
    return { file, backup: await writeBackup(old, file) };
  })();
  return oldLevel;
}

let source: DbHandle;
let sourcePrints: Awaited<ReturnType<typeof fingerprints>>;
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
  // Tables several batches long with ids past 1 000 and 10 000 and gaps, where text order
  // (1, 10, 100, 1000, …) is not key order; notifications point at follow-ups past 10 000.
  const ranges = sql`(SELECT generate_series(1, 1200) UNION ALL SELECT generate_series(5000, 5100)
                      UNION ALL SELECT generate_series(10001, 10500)) s(g)`;
  await source.db.execute(sql`
    INSERT INTO people (id, name, name_en, position) OVERRIDING SYSTEM VALUE
    SELECT g, '人员' || g, 'Person ' || g, 'backup-bulk' FROM ${ranges} ON CONFLICT (id) DO NOTHING`);
  await source.db.execute(sql`DELETE FROM people WHERE position = 'backup-bulk' AND id IN (999, 1000, 1001, 5050, 10250)`);
  await source.db.execute(sql`
    INSERT INTO follow_ups (id, task_id, kind, body, created_at) OVERRIDING SYSTEM VALUE
    SELECT g, t.ids[1 + g % array_length(t.ids, 1)], 'instruction', 'backup-bulk 跟进 ' || g,
           timestamptz '2026-01-05 09:00+08' + g * interval '1 minute'
    FROM (SELECT array_agg(id ORDER BY id) AS ids FROM tasks) t,
         (SELECT generate_series(1, 2500) UNION ALL SELECT generate_series(5000, 5100)
          UNION ALL SELECT generate_series(10001, 11000)) s(g)
    ON CONFLICT (id) DO NOTHING`);
  await source.db.execute(sql`DELETE FROM follow_ups WHERE body LIKE 'backup-bulk%' AND id IN (1500, 2222, 5001, 10999)`);
  await source.db.execute(sql`
    INSERT INTO notifications (user_id, kind, task_id, follow_up_id, payload)
    SELECT (SELECT min(id) FROM users), 'backup-bulk', f.task_id, f.id, jsonb_build_object('n', f.id, '说明', '提醒')
    FROM follow_ups f WHERE f.id > 10000`);
  for (const table of ['people', 'follow_ups']) {
    await source.db.execute(sql`SELECT setval(pg_get_serial_sequence(${table}, 'id'), (SELECT max(id) FROM ${sql.identifier(table)}))`);
  }
  sourcePrints = await fingerprints(source);
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
    expect(header).toMatchObject({ format: 'docket-backup', version: 2, source: 'pglite', schemaLevel: codeSchemaLevel() });
    expect(header.tables).toEqual(schemaTables().map((t) => t.name));
    const end = JSON.parse(lines.at(-1) ?? '{}') as Record<string, unknown>;
    expect(end.type).toBe('end');
    expect(end.tables).toEqual(firstBackup.tables);
  });

  it('writes every row of tables several batches long, with ids past 1 000 and 10 000 and gaps', async () => {
    expect(sourcePrints.people?.rows).toBeGreaterThan(1790);
    expect(sourcePrints.follow_ups?.rows).toBeGreaterThan(3500);
    const rows = fileRows(firstFile);
    for (const [name, print] of Object.entries(sourcePrints)) expect({ name, rows: rows.get(name)?.length }).toEqual({ name, rows: print.rows });
    for (const table of ['people', 'follow_ups']) {
      const ids = await executeRows<{ key: string }>(source.db, sql`SELECT id::text AS key FROM ${sql.identifier(table)} ORDER BY id`);
      expect(rows.get(table)?.map((r) => r.id)).toEqual(ids.map((r) => r.key));
    }
    const counted = Object.fromEntries(Object.entries(sourcePrints).map(([name, print]) => [name, print.rows]));
    expect(Object.fromEntries(firstBackup.tables.map((t) => [t.name, t.rows]))).toEqual(counted);
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
    expect(await fingerprints(middle)).toEqual(sourcePrints);
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
    expect(await fingerprints(back)).toEqual(sourcePrints);
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
    const { file: oldFile, backup } = await oldLevelBackup();
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

describe('restore refusals', () => {
  const lines = () => fileLines(firstFile);
  const indexOf = (all: FileLine[], type: string, name?: string) => all.findIndex((l) => l.type === type && (!name || l.name === name));
  /** The last rows line of follow_ups: far into the file, after thousands of rows were loaded. */
  const lastFollowUpRows = (all: FileLine[]) => indexOf(all, 'tableEnd', 'follow_ups') - 1;

  const cases: Array<[string, () => string, RegExp]> = [
    [
      'a gzip stream cut in the middle',
      () => {
        const file = path.join(tmp, 'cut.docket.gz');
        const bytes = fs.readFileSync(firstFile);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
        return file;
      },
      /cut\.docket\.gz is damaged \(decompressing after line \d+: unexpected end of file; the file is cut short or corrupted\); nothing was changed\.$/,
    ],
    [
      'a garbage line',
      () => {
        const all: Array<FileLine | string> = lines();
        all.splice(lastFollowUpRows(lines()), 0, 'garbage ~~~ 不是 JSON');
        return writeFileLines('garbage.docket.gz', all);
      },
      /garbage\.docket\.gz is damaged \(line \d+ is not JSON: .*\); nothing was changed\.$/,
    ],
    [
      'a rows line whose JSON is broken',
      () => {
        const all: Array<FileLine | string> = lines();
        const i = lastFollowUpRows(lines());
        all[i] = JSON.stringify(all[i]).slice(0, -40);
        return writeFileLines('broken-json.docket.gz', all);
      },
      /broken-json\.docket\.gz is damaged \(line \d+ is not JSON: .*\); nothing was changed\.$/,
    ],
    [
      'a line of valid JSON that is no backup record',
      () => {
        const all = lines();
        all.splice(lastFollowUpRows(all), 0, { type: 'rows', rows: 'none' });
        return writeFileLines('no-record.docket.gz', all);
      },
      /no-record\.docket\.gz is damaged \(line \d+ is not a backup record: rows: .*\); nothing was changed\.$/,
    ],
    [
      'a missing end record',
      () => writeFileLines('no-end.docket.gz', lines().slice(0, -1)),
      /no-end\.docket\.gz is incomplete \(no end record: the file is cut short\); nothing was changed\.$/,
    ],
    [
      'a rows line missing (its tableEnd counts more)',
      () => {
        const all = lines();
        all.splice(lastFollowUpRows(all), 1);
        return writeFileLines('fewer-rows.docket.gz', all);
      },
      /fewer-rows\.docket\.gz is damaged \(table follow_ups: its tableEnd record says 3597 rows \(sha256 [0-9a-f]{64}\), its rows in the file are \d+ .*\); nothing was changed\.$/,
    ],
    [
      'an end record that disagrees with a tableEnd record',
      () => {
        const all = lines();
        const end = all.at(-1) as { tables: Array<{ name: string; rows: number }> };
        const people = end.tables.find((t) => t.name === 'people');
        if (people) people.rows -= 1;
        return writeFileLines('end-differs.docket.gz', all);
      },
      /end-differs\.docket\.gz is damaged \(table \d+ is people with 1796 rows .* in its tableEnd record, people with 1795 rows .* in the end record\); nothing was changed\.$/,
    ],
    [
      'a consistent file whose rows break a foreign key (a follow-up a notification points at is missing)',
      () => {
        const all = lines();
        for (const line of all.slice(indexOf(all, 'table', 'follow_ups'), indexOf(all, 'tableEnd', 'follow_ups'))) {
          if (line.type === 'rows') line.rows = (line.rows as FileLine[]).filter((r) => r.id !== '10001');
        }
        return writeFileLines('broken-reference.docket.gz', rehashed(all));
      },
      /^The backup's rows of notifications do not load \(.*foreign key.*\); nothing was changed\.$/,
    ],
  ];

  // One target for every case: each refusal must leave it as it was for the next.
  let target: DbHandle;
  let before: string[];
  beforeAll(async () => {
    target = await emptyDatabase();
    before = await catalogOf(target);
  });

  for (const [name, make, message] of cases) {
    it(`refuses ${name} and leaves the target exactly as it was`, async () => {
      const file = make();
      const error = await restoreBackup(target, file, { storage: storageIn(`refused-${path.basename(file)}`) }).catch((e: unknown) => e);
      expect(await publicTables(target)).toBe(0);
      expect(await databaseSchemaLevel(target.db)).toEqual({ count: 0, tag: null, when: 0 });
      expect(await catalogOf(target)).toEqual(before);
      expect(error).toBeInstanceOf(BackupRefusedError);
      expect((error as Error).message).toMatch(message);
    });
  }

  it('then restores a format 1 file, whose rows came in text order of their keys, comparing the rows regardless of order', async () => {
    const v1: FileLine[] = [];
    let rows: FileLine[] = [];
    for (const line of lines()) {
      if (line.type === 'rows') {
        rows.push(...(line.rows as FileLine[]));
        continue;
      }
      if (line.type === 'tableEnd') {
        rows.sort((a, b) => (String(a.id ?? a.code ?? a.key) < String(b.id ?? b.code ?? b.key) ? -1 : 1));
        for (let i = 0; i < rows.length; i += 1000) v1.push({ type: 'rows', rows: rows.slice(i, i + 1000) });
        rows = [];
      }
      v1.push(line.type === undefined ? { ...line, version: 1 } : line);
    }
    const file = writeFileLines('format-1.docket.gz', rehashed(v1));
    expect(fileRows(file).get('people')?.slice(0, 3).map((r) => r.id)).toEqual(['1', '10', '100']);
    await restoreBackup(target, file);
    expect(await fingerprints(target)).toEqual(sourcePrints);
  });

  it('refuses a backup older than a target already migrated past it, calling it older, and changes nothing', async () => {
    const code = codeSchemaLevel();
    const { file: oldFile } = await oldLevelBackup();
    const target = await emptyDatabase();
    await migrateToLevel(target, code.count);
    const before = await catalogOf(target);
    const error = await restoreBackup(target, oldFile).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackupRefusedError);
    expect((error as Error).message).toMatch(
      /^The backup is older than the target database: it was taken at schema level \d+ migrations .*, the target is already at \d+ migrations .*nothing was changed/,
    );
    expect(await catalogOf(target)).toEqual(before);
    expect(await databaseSchemaLevel(target.db)).toEqual(code);
  });
});
