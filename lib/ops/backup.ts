import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { once } from 'node:events';
import zlib from 'node:zlib';
import { is, type SQL, sql } from 'drizzle-orm';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { type Db, type DbHandle, executeRows, type Tx } from '../../db/client';
import { type JournalEntry, migrateDatabase, migrationsFolder, readMigrationJournal } from '../../db/migrate';
import * as schema from '../../db/schema';
import type { FileStorage } from '../storage';

/**
 * Logical backup and restore of the whole database, the same on PGlite and PostgreSQL.
 *
 * File: gzip-compressed JSON lines. The first line is the header
 * (`{ format: 'docket-backup', version: 1, schemaLevel, createdAt, tables }`), then per table a
 * `table` line, `rows` lines of at most BATCH rows (every column as text, json/jsonb columns as JSON)
 * and a `tableEnd` line with its row count and SHA-256; then one `file` line per stored attachment
 * (base64 of the bytes, keyed by their SHA-256); last an `end` line repeating every count and checksum.
 */

export const BACKUP_FORMAT = 'docket-backup';
export const BACKUP_VERSION = 1;
const BATCH = 1000;

export interface SchemaLevel {
  /** How many migrations are applied. */
  count: number;
  /** Tag of the latest applied migration (`0005_task_extension_request_count`), null if this code does not know it. */
  tag: string | null;
  /** Its `when` in the drizzle journal (drizzle records it as `created_at`). */
  when: number;
}

export interface TableSummary {
  name: string;
  rows: number;
  sha256: string;
}

export interface FileSummary {
  /** Distinct SHA-256 values referenced by attachments. */
  referenced: number;
  /** Of those, the files whose bytes are in the backup. */
  included: number;
  /** Referenced but not found in storage (or no storage given): their rows keep the hash only. */
  missing: string[];
}

export interface BackupSummary {
  schemaLevel: SchemaLevel;
  createdAt: string;
  tables: TableSummary[];
  files: FileSummary;
}

interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  schemaLevel: SchemaLevel;
  createdAt: string;
  source: DbHandle['kind'];
  tables: string[];
}

/** A backup or restore that would lose or mix data; nothing has been changed when it is thrown. */
export class BackupRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

// ---------------------------------------------------------------------------------------------
// Tables of the schema, in foreign-key order

interface TableInfo {
  name: string;
  columns: { name: string; json: boolean; identity: boolean }[];
  primaryKey: string[];
  /** Columns referencing the table itself (departments.parent_id): filled in after the table's rows. */
  selfRefs: string[];
}

function describeTable(table: PgTable): TableInfo & { dependsOn: string[] } {
  const config = getTableConfig(table);
  const columns = config.columns
    .filter((c) => !c.generated)
    .map((c) => ({
      name: c.name,
      json: c.getSQLType() === 'json' || c.getSQLType() === 'jsonb',
      identity: Boolean(c.generatedIdentity),
    }));
  const primaryKey = config.columns.filter((c) => c.primary).map((c) => c.name);
  if (primaryKey.length === 0 && config.primaryKeys[0]) primaryKey.push(...config.primaryKeys[0].columns.map((c) => c.name));
  if (primaryKey.length === 0) throw new Error(`backup: table ${config.name} has no primary key`);
  const dependsOn: string[] = [];
  const selfRefs: string[] = [];
  for (const fk of config.foreignKeys) {
    const ref = fk.reference();
    const target = getTableConfig(ref.foreignTable).name;
    if (target === config.name) selfRefs.push(...ref.columns.map((c) => c.name));
    else dependsOn.push(target);
  }
  return { name: config.name, columns, primaryKey, selfRefs, dependsOn };
}

/** Every table of db/schema, parents before children. */
export function schemaTables(): TableInfo[] {
  const all = new Map<string, TableInfo & { dependsOn: string[] }>();
  for (const value of Object.values(schema)) {
    if (is(value, PgTable)) {
      const info = describeTable(value);
      all.set(info.name, info);
    }
  }
  const ordered: TableInfo[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string) => {
    const info = all.get(name);
    if (!info || state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') throw new Error(`backup: foreign-key cycle through ${name}`);
    state.set(name, 'visiting');
    for (const dep of info.dependsOn) visit(dep);
    state.set(name, 'done');
    ordered.push({ name: info.name, columns: info.columns, primaryKey: info.primaryKey, selfRefs: info.selfRefs });
  };
  for (const name of [...all.keys()].sort()) visit(name);
  return ordered;
}

/**
 * The schema's tables as this database has them: the columns come from the database, so a
 * database (or a restore target) at an older schema level is read and written with its own columns.
 * Tables its level does not have yet are left out.
 */
async function liveTables(db: Db | Tx): Promise<TableInfo[]> {
  const rows = await executeRows<{ table_name: string; column_name: string; data_type: string; is_identity: string; is_generated: string }>(
    db,
    sql`SELECT table_name::text, column_name::text, data_type::text, is_identity::text, is_generated::text
        FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const result: TableInfo[] = [];
  for (const table of schemaTables()) {
    const columns = rows
      .filter((r) => r.table_name === table.name && r.is_generated !== 'ALWAYS')
      .map((r) => ({ name: r.column_name, json: r.data_type === 'json' || r.data_type === 'jsonb', identity: r.is_identity === 'YES' }));
    if (columns.length === 0) continue;
    const names = new Set(columns.map((c) => c.name));
    result.push({ ...table, columns, selfRefs: table.selfRefs.filter((c) => names.has(c)) });
  }
  return result;
}

// ---------------------------------------------------------------------------------------------
// Schema level

/** The latest migration this code knows. */
export function codeSchemaLevel(): SchemaLevel {
  const entries = readMigrationJournal();
  const last = entries.at(-1);
  return { count: entries.length, tag: last?.tag ?? null, when: last?.when ?? 0 };
}

/** What drizzle's migrator has applied to this database (count 0 when never migrated). */
export async function databaseSchemaLevel(db: Db | Tx): Promise<SchemaLevel> {
  const [exists] = await executeRows<{ present: boolean }>(
    db,
    sql`SELECT to_regclass('drizzle.__drizzle_migrations') IS NOT NULL AS present`,
  );
  if (!exists?.present) return { count: 0, tag: null, when: 0 };
  const [row] = await executeRows<{ n: number; last: string | null }>(
    db,
    sql`SELECT count(*)::int AS n, max(created_at)::text AS last FROM drizzle.__drizzle_migrations`,
  );
  const when = Number(row?.last ?? 0);
  const tag = readMigrationJournal().find((e) => e.when === when)?.tag ?? null;
  return { count: row?.n ?? 0, tag, when };
}

function describeLevel(level: SchemaLevel): string {
  return `${level.count} migrations${level.tag ? ` (latest ${level.tag})` : ''}`;
}

/** Applies the project's migrations up to the first `count` entries of the journal. */
export async function migrateToLevel(handle: DbHandle, count: number): Promise<void> {
  const entries = readMigrationJournal();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-migrate-'));
  try {
    fs.mkdirSync(path.join(folder, 'meta'));
    const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: JournalEntry[];
    };
    journal.entries = entries.slice(0, count);
    fs.writeFileSync(path.join(folder, 'meta', '_journal.json'), JSON.stringify(journal));
    for (const entry of journal.entries) {
      fs.copyFileSync(path.join(migrationsFolder, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
    }
    const config = { migrationsFolder: folder };
    if (handle.kind === 'pglite') await migratePglite(handle.db as never, config);
    else await migratePostgres(handle.db as never, config);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------
// Reading rows canonically

const ident = (name: string) => sql.identifier(name);
const list = (names: string[]) => sql.join(names.map(ident), sql`, `);

/** Text forms that do not depend on the server's settings (both engines then give the same bytes). */
async function setCanonicalSession(tx: Tx): Promise<void> {
  await tx.execute(sql`SET LOCAL TimeZone = 'UTC'`);
  await tx.execute(sql`SET LOCAL DateStyle = 'ISO, YMD'`);
  await tx.execute(sql`SET LOCAL IntervalStyle = 'postgres'`);
  await tx.execute(sql`SET LOCAL extra_float_digits = 1`);
}

/** JSON with object keys sorted at every level: the same row always gives the same string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Row = Record<string, unknown>;

/** A table's rows in primary-key order, BATCH at a time (keyset paging, so memory stays flat). */
async function* readRows(tx: Tx, table: TableInfo): AsyncGenerator<Row[]> {
  const columns = sql.join(
    table.columns.map((c) => (c.json ? sql`${ident(c.name)}` : sql`${ident(c.name)}::text AS ${ident(c.name)}`)),
    sql`, `,
  );
  const pk = list(table.primaryKey);
  let after: Row | undefined;
  for (;;) {
    const where: SQL = after
      ? sql`WHERE (${pk}) > (SELECT ${pk} FROM json_populate_record(NULL::${ident(table.name)}, ${JSON.stringify(after)}::json))`
      : sql``;
    const rows = await executeRows<{ j: string }>(
      tx,
      sql`SELECT row_to_json(x)::text AS j FROM (SELECT ${columns} FROM ${ident(table.name)} ${where} ORDER BY ${pk} LIMIT ${BATCH}) x`,
    );
    if (rows.length === 0) return;
    const parsed = rows.map((r) => JSON.parse(r.j) as Row);
    yield parsed;
    if (rows.length < BATCH) return;
    after = parsed.at(-1);
  }
}

class TableHash {
  private hash = crypto.createHash('sha256');
  rows = 0;
  add(row: Row): void {
    this.hash.update(canonicalJson(row));
    this.hash.update('\n');
    this.rows++;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

/** Row count and checksum of every table as the database holds it now (run inside a transaction). */
async function summarizeTables(tx: Tx, tables: TableInfo[]): Promise<TableSummary[]> {
  await setCanonicalSession(tx);
  const result: TableSummary[] = [];
  for (const table of tables) {
    const hash = new TableHash();
    for await (const batch of readRows(tx, table)) for (const row of batch) hash.add(row);
    result.push({ name: table.name, rows: hash.rows, sha256: hash.digest() });
  }
  return result;
}

/** Per-table counts and checksums of a database, read in one consistent snapshot. */
export async function checksumDatabase(handle: DbHandle): Promise<TableSummary[]> {
  return handle.db.transaction(async (tx) => summarizeTables(tx, await liveTables(tx)), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
}

// ---------------------------------------------------------------------------------------------
// Backup

class LineWriter {
  private gzip = zlib.createGzip();
  private file: fs.WriteStream;
  private done: Promise<unknown>;
  private failure: Error | undefined;

  /** Opens the file at once (throwing if it exists), so a failure never touches someone else's file. */
  constructor(filePath: string) {
    const fd = fs.openSync(filePath, 'wx');
    this.file = fs.createWriteStream(filePath, { fd });
    this.done = Promise.all([once(this.file, 'close'), once(this.gzip, 'end')]);
    this.done.catch(() => {});
    for (const stream of [this.gzip, this.file]) stream.on('error', (error: Error) => (this.failure ??= error));
    this.gzip.pipe(this.file);
  }

  async write(value: unknown): Promise<void> {
    if (this.failure) throw this.failure;
    if (!this.gzip.write(`${JSON.stringify(value)}\n`)) await once(this.gzip, 'drain');
  }

  async close(): Promise<void> {
    this.gzip.end();
    await this.done;
    if (this.failure) throw this.failure;
  }

  abort(): void {
    this.gzip.destroy();
    this.file.destroy();
  }
}

/**
 * Writes a backup of every table (and the attachment files found in `storage`) to `outPath`,
 * from one repeatable-read, read-only transaction. Refuses to overwrite an existing file.
 */
export async function writeBackup(
  handle: DbHandle,
  outPath: string,
  options: { storage?: FileStorage } = {},
): Promise<BackupSummary> {
  const out = new LineWriter(outPath);
  try {
    const summary = await handle.db.transaction(
      async (tx) => {
        await setCanonicalSession(tx);
        const schemaLevel = await databaseSchemaLevel(tx);
        if (schemaLevel.count === 0) {
          throw new BackupRefusedError('The database has never been migrated, so it holds no Docket data; nothing was written.');
        }
        const tables = await liveTables(tx);
        const createdAt = new Date().toISOString();
        const header: BackupHeader = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          schemaLevel,
          createdAt,
          source: handle.kind,
          tables: tables.map((t) => t.name),
        };
        await out.write(header);
        const summaries: TableSummary[] = [];
        for (const table of tables) {
          await out.write({ type: 'table', name: table.name });
          const hash = new TableHash();
          for await (const rows of readRows(tx, table)) {
            for (const row of rows) hash.add(row);
            await out.write({ type: 'rows', rows });
          }
          const done = { name: table.name, rows: hash.rows, sha256: hash.digest() };
          summaries.push(done);
          await out.write({ type: 'tableEnd', ...done });
        }
        const files = await writeFiles(tx, out, options.storage);
        const end = { schemaLevel, createdAt, tables: summaries, files };
        await out.write({ type: 'end', ...end });
        return end;
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await out.close();
    return summary;
  } catch (error) {
    out.abort();
    fs.rmSync(outPath, { force: true });
    throw error;
  }
}

/** One `file` line per distinct attachment hash whose bytes storage has (one file in memory at a time). */
async function writeFiles(tx: Tx, out: LineWriter, storage: FileStorage | undefined): Promise<FileSummary> {
  const summary: FileSummary = { referenced: 0, included: 0, missing: [] };
  let after = '';
  for (;;) {
    const rows = await executeRows<{ sha256: string; storage_key: string }>(
      tx,
      sql`SELECT DISTINCT ON (sha256) sha256, storage_key FROM attachments WHERE sha256 > ${after} ORDER BY sha256, id LIMIT ${BATCH}`,
    );
    for (const { sha256, storage_key: key } of rows) {
      summary.referenced++;
      const data = storage ? await storage.get(key) : null;
      if (!data || crypto.createHash('sha256').update(data).digest('hex') !== sha256) {
        summary.missing.push(sha256);
        continue;
      }
      await out.write({ type: 'file', sha256, key, data: Buffer.from(data).toString('base64') });
      summary.included++;
    }
    if (rows.length < BATCH) return summary;
    after = rows.at(-1)?.sha256 ?? after;
  }
}

// ---------------------------------------------------------------------------------------------
// Restore

type Line =
  | ({ type?: undefined } & BackupHeader)
  | { type: 'table'; name: string }
  | { type: 'rows'; rows: Row[] }
  | ({ type: 'tableEnd' } & TableSummary)
  | { type: 'file'; sha256: string; key: string; data: string }
  | ({ type: 'end' } & BackupSummary);

async function* readLines(inPath: string): AsyncGenerator<Line> {
  const input = fs.createReadStream(inPath).pipe(zlib.createGunzip());
  const lines = readline.createInterface({ input, crlfDelay: Infinity });
  try {
    for await (const line of lines) if (line) yield JSON.parse(line) as Line;
  } finally {
    lines.close();
    input.destroy();
  }
}

/** Reads and checks the first line of a backup file. */
export async function readBackupHeader(inPath: string): Promise<BackupHeader> {
  let header: Line | undefined;
  try {
    for await (const line of readLines(inPath)) {
      header = line;
      break;
    }
  } catch (error) {
    throw new BackupRefusedError(`${inPath} is not a Docket backup (${(error as Error).message}).`);
  }
  if (!header || header.type !== undefined || header.format !== BACKUP_FORMAT) {
    throw new BackupRefusedError(`${inPath} is not a Docket backup.`);
  }
  if (header.version > BACKUP_VERSION) {
    throw new BackupRefusedError(
      `${inPath} has backup format version ${header.version}; this version of Docket reads up to ${BACKUP_VERSION}. Upgrade Docket first.`,
    );
  }
  return header;
}

async function tablesWithRows(db: Db | Tx, tables: TableInfo[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of tables) {
    const [row] = await executeRows<{ present: string | null }>(db, sql`SELECT to_regclass(${table.name})::text AS present`);
    if (!row?.present) continue;
    const [any] = await executeRows<{ one: number }>(db, sql`SELECT 1 AS one FROM ${ident(table.name)} LIMIT 1`);
    if (any) found.push(table.name);
  }
  return found;
}

/**
 * Restores a backup into an empty database of either kind: migrates it to the backup's schema
 * level, loads every table in one transaction (keeping identity values, then resetting the
 * sequences), checks each table's count and checksum against the backup, then applies the
 * migrations that are newer than the backup. Files go into `storage` (content-addressed, so
 * putting one twice is harmless).
 */
export async function restoreBackup(
  handle: DbHandle,
  inPath: string,
  options: { storage?: FileStorage } = {},
): Promise<BackupSummary> {
  const header = await readBackupHeader(inPath);
  const code = codeSchemaLevel();
  const journal = readMigrationJournal();
  const level = header.schemaLevel;
  if (level.count > code.count || level.when > code.when || (level.count > 0 && journal[level.count - 1]?.when !== level.when)) {
    throw new BackupRefusedError(
      `The backup was taken at schema level ${describeLevel(level)}, newer than this version of Docket knows ` +
        `(${describeLevel(code)}). Restore it with the Docket version that made it, or upgrade Docket first.`,
    );
  }
  const tables = schemaTables();
  const unknown = header.tables.filter((name) => !tables.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new BackupRefusedError(`The backup has tables this version of Docket does not know: ${unknown.join(', ')}.`);
  }
  const target = await databaseSchemaLevel(handle.db);
  const occupied = await tablesWithRows(handle.db, tables);
  if (occupied.length > 0) {
    throw new BackupRefusedError(
      `The target database is not empty (${occupied.join(', ')} have rows); nothing was changed. ` +
        `Restore into a new, empty database.`,
    );
  }
  if (target.count > level.count) {
    throw new BackupRefusedError(
      `The target database is already at schema level ${describeLevel(target)}, past the backup's ${describeLevel(level)}; ` +
        `nothing was changed. Restore into a new, empty database (or back up again with this version of Docket).`,
    );
  }
  await migrateToLevel(handle, level.count);

  let end: BackupSummary | undefined;
  await handle.db.transaction(async (tx) => {
    // A second restore (or the app) writing at the same moment: caught by the emptiness re-check under the lock.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(20180317)`);
    const late = await tablesWithRows(tx, tables);
    if (late.length > 0) throw new BackupRefusedError(`The target database received data meanwhile (${late.join(', ')}); nothing was changed.`);
    await setCanonicalSession(tx);
    const live = await liveTables(tx);

    let table: TableInfo | undefined;
    let selfRefRows: Row[] = [];
    for await (const line of readLines(inPath)) {
      if (line.type === 'table') {
        table = live.find((t) => t.name === line.name);
        if (!table) throw new BackupRefusedError(`The backup has an unknown table ${line.name}.`);
        selfRefRows = [];
      } else if (line.type === 'rows') {
        if (!table) throw new BackupRefusedError('The backup file is damaged (rows before a table).');
        const current = table;
        const rows = line.rows.map((row) => {
          if (current.selfRefs.every((c) => row[c] === null || row[c] === undefined)) return row;
          selfRefRows.push(row);
          return { ...row, ...Object.fromEntries(current.selfRefs.map((c) => [c, null])) };
        });
        await insertRows(tx, current, rows);
      } else if (line.type === 'tableEnd') {
        if (table && selfRefRows.length > 0) await fillSelfRefs(tx, table, selfRefRows);
        selfRefRows = [];
        table = undefined;
      } else if (line.type === 'file') {
        const data = Buffer.from(line.data, 'base64');
        if (crypto.createHash('sha256').update(data).digest('hex') !== line.sha256) {
          throw new BackupRefusedError(`The backup file is damaged (attachment ${line.sha256} does not match its hash).`);
        }
        await options.storage?.put(line.key, new Uint8Array(data));
      } else if (line.type === 'end') {
        end = line;
      }
    }
    if (!end) throw new BackupRefusedError('The backup file is incomplete (no end record); nothing was changed.');
    for (const t of live) await resetSequences(tx, t);

    const restored = await summarizeTables(tx, live);
    const expected = new Map(end.tables.map((t) => [t.name, t]));
    const differ = restored.filter((r) => {
      const e = expected.get(r.name) ?? { rows: 0, sha256: new TableHash().digest() };
      return e.rows !== r.rows || e.sha256 !== r.sha256;
    });
    if (differ.length > 0) {
      throw new Error(`restore: the restored ${differ.map((d) => d.name).join(', ')} differ from the backup; rolled back.`);
    }
    end = { schemaLevel: end.schemaLevel, createdAt: end.createdAt, tables: restored, files: end.files };
  });
  // Migrations newer than the backup run on the restored data, as they would have on the original.
  await migrateDatabase(handle);
  if (!end) throw new Error('restore: no summary');
  return end;
}

async function insertRows(tx: Tx, table: TableInfo, rows: Row[]): Promise<void> {
  if (rows.length === 0) return;
  const columns = list(table.columns.map((c) => c.name));
  const overriding = table.columns.some((c) => c.identity) ? sql`OVERRIDING SYSTEM VALUE` : sql``;
  await tx.execute(
    sql`INSERT INTO ${ident(table.name)} (${columns}) ${overriding}
        SELECT ${columns} FROM json_populate_recordset(NULL::${ident(table.name)}, ${JSON.stringify(rows)}::json)`,
  );
}

async function fillSelfRefs(tx: Tx, table: TableInfo, rows: Row[]): Promise<void> {
  for (let i = 0; i < rows.length; i += BATCH) {
    const batch = rows.slice(i, i + BATCH);
    const set = sql.join(table.selfRefs.map((c) => sql`${ident(c)} = v.${ident(c)}`), sql`, `);
    const match = sql.join(table.primaryKey.map((c) => sql`t.${ident(c)} = v.${ident(c)}`), sql` AND `);
    await tx.execute(
      sql`UPDATE ${ident(table.name)} t SET ${set}
          FROM json_populate_recordset(NULL::${ident(table.name)}, ${JSON.stringify(batch)}::json) v WHERE ${match}`,
    );
  }
}

/** The next generated id follows the highest restored one. */
async function resetSequences(tx: Tx, table: TableInfo): Promise<void> {
  for (const column of table.columns.filter((c) => c.identity)) {
    await tx.execute(
      sql`SELECT setval(pg_get_serial_sequence(${table.name}, ${column.name}),
                        coalesce((SELECT max(${ident(column.name)}) FROM ${ident(table.name)}), 0) + 1, false)`,
    );
  }
}

/** The per-table lines both commands print. */
export function formatSummary(summary: BackupSummary): string {
  const width = Math.max(...summary.tables.map((t) => t.name.length));
  const lines = summary.tables.map((t) => `  ${t.name.padEnd(width)} ${String(t.rows).padStart(9)}  sha256:${t.sha256}`);
  const total = summary.tables.reduce((n, t) => n + t.rows, 0);
  const f = summary.files;
  return [
    `Schema level: ${describeLevel(summary.schemaLevel)}; backup taken ${summary.createdAt}.`,
    ...lines,
    `  ${'total'.padEnd(width)} ${String(total).padStart(9)}`,
    `Attachments: ${f.referenced} files referenced, ${f.included} included` +
      (f.missing.length > 0 ? `, ${f.missing.length} not in storage (hash only): ${f.missing.join(', ')}` : '.'),
  ].join('\n');
}
