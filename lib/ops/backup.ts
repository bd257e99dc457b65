import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { is, type SQL, sql } from 'drizzle-orm';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { getTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { type Db, type DbHandle, executeRows, type Tx } from '../../db/client';
import { migrationsFolder, readMigrationJournal } from '../../db/migrate';
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
 *
 * Version 2 orders rows by their key's own type (text keys in the C collation, the same on every
 * server). Version 1 ordered them by the key's text, so 1, 10, 100, 1000 …, and its paging lost
 * rows of tables over BATCH rows; version 1 files are still read, their rows compared regardless of order.
 */

export const BACKUP_FORMAT = 'docket-backup';
export const BACKUP_VERSION = 2;
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
  /** `text`: a text type, whose key order is taken in the C collation. */
  columns: { name: string; json: boolean; identity: boolean; text: boolean }[];
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
      text: /^(text|varchar|char)/.test(c.getSQLType()),
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
      .map((r) => ({
        name: r.column_name,
        json: r.data_type === 'json' || r.data_type === 'jsonb',
        identity: r.is_identity === 'YES',
        text: ['text', 'character varying', 'character'].includes(r.data_type),
      }));
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

export function describeLevel(level: SchemaLevel): string {
  return `${level.count} migrations${level.tag ? ` (latest ${level.tag})` : ''}`;
}

/**
 * Applies the first `count` migrations of the journal that the database lacks, inside `tx`. It is
 * drizzle's migrator (the same bookkeeping table and rows) run in the caller's transaction: DDL is
 * transactional in PostgreSQL and PGlite alike, so a refused restore takes its migrations back with
 * its rows, down to drizzle's own schema.
 */
async function applyMigrations(tx: Tx, count: number): Promise<void> {
  await tx.execute(sql`CREATE SCHEMA IF NOT EXISTS drizzle`);
  await tx.execute(
    sql`CREATE TABLE IF NOT EXISTS drizzle.__drizzle_migrations (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)`,
  );
  const [last] = await executeRows<{ at: string | null }>(tx, sql`SELECT max(created_at)::text AS at FROM drizzle.__drizzle_migrations`);
  for (const migration of readMigrationFiles({ migrationsFolder }).slice(0, count)) {
    if (last?.at != null && Number(last.at) >= migration.folderMillis) continue;
    for (const statement of migration.sql) await tx.execute(sql.raw(statement));
    await tx.execute(
      sql`INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES (${migration.hash}, ${migration.folderMillis})`,
    );
  }
}

/** Applies the project's migrations up to the first `count` entries of the journal. */
export async function migrateToLevel(handle: DbHandle, count: number): Promise<void> {
  await handle.db.transaction((tx) => applyMigrations(tx, count));
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

/** Back to the server's settings, for migrations that run after the rows are checked. */
async function resetCanonicalSession(tx: Tx): Promise<void> {
  for (const name of ['TimeZone', 'DateStyle', 'IntervalStyle', 'extra_float_digits']) {
    await tx.execute(sql.raw(`SET LOCAL ${name} TO DEFAULT`));
  }
}

/** JSON with object keys sorted at every level: the same row always gives the same string. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

type Row = Record<string, unknown>;

/**
 * The key columns of `table` as seen through `alias`, qualified: a bare name in ORDER BY would be
 * the `::text` output column, sorting 1, 10, 100, 1000 … while the next page asks `id >` as an integer.
 */
function keyOf(table: TableInfo, alias: string): SQL {
  return sql.join(
    table.primaryKey.map((name) => {
      const column = sql`${ident(alias)}.${ident(name)}`;
      return table.columns.find((c) => c.name === name)?.text ? sql`${column} COLLATE "C"` : column;
    }),
    sql`, `,
  );
}

/** A table's rows in primary-key order, BATCH at a time (keyset paging, so memory stays flat). */
async function* readRows(tx: Tx, table: TableInfo): AsyncGenerator<Row[]> {
  const columns = sql.join(
    table.columns.map((c) => (c.json ? sql`t.${ident(c.name)}` : sql`t.${ident(c.name)}::text AS ${ident(c.name)}`)),
    sql`, `,
  );
  const key = keyOf(table, 't');
  let after: Row | undefined;
  for (;;) {
    const where: SQL = after
      ? sql`WHERE (${key}) > (SELECT ${keyOf(table, 'a')} FROM json_populate_record(NULL::${ident(table.name)}, ${JSON.stringify(after)}::json) a)`
      : sql``;
    const rows = await executeRows<{ j: string }>(
      tx,
      sql`SELECT row_to_json(x)::text AS j FROM (SELECT ${columns} FROM ${ident(table.name)} t ${where} ORDER BY ${key} LIMIT ${BATCH}) x`,
    );
    if (rows.length === 0) return;
    const parsed = rows.map((r) => JSON.parse(r.j) as Row);
    yield parsed;
    if (rows.length < BATCH) return;
    after = parsed.at(-1);
  }
}

const MOD_256 = (1n << 256n) - 1n;

class TableHash {
  private hash = crypto.createHash('sha256');
  private sum = 0n;
  rows = 0;
  add(row: Row): void {
    const text = canonicalJson(row);
    this.hash.update(text);
    this.hash.update('\n');
    this.sum = (this.sum + BigInt(`0x${crypto.createHash('sha256').update(text).digest('hex')}`)) & MOD_256;
    this.rows++;
  }
  /** The SHA-256 both commands print: over the rows in the order they came. */
  digest(): string {
    return this.hash.digest('hex');
  }
  /** The same rows in any order give the same value: a version 1 file's rows came in another order. */
  content(): string {
    return `${this.rows}:${this.sum.toString(16)}`;
  }
}

type CheckedSummary = TableSummary & { content: string };

/** Row count and checksums of every table as the database holds it now (run inside a transaction). */
async function summarizeTables(tx: Tx, tables: TableInfo[]): Promise<CheckedSummary[]> {
  await setCanonicalSession(tx);
  const result: CheckedSummary[] = [];
  for (const table of tables) {
    const hash = new TableHash();
    for await (const batch of readRows(tx, table)) for (const row of batch) hash.add(row);
    result.push({ name: table.name, rows: hash.rows, sha256: hash.digest(), content: hash.content() });
  }
  return result;
}

/** count(*), which does not go through readRows: the check on what readRows returned. */
async function countRows(tx: Tx, table: TableInfo): Promise<number> {
  const [row] = await executeRows<{ n: string }>(tx, sql`SELECT count(*)::text AS n FROM ${ident(table.name)}`);
  return Number(row?.n ?? 0);
}

/** Per-table counts and checksums of a database, read in one consistent snapshot. */
export async function checksumDatabase(handle: DbHandle): Promise<TableSummary[]> {
  const tables = await handle.db.transaction(async (tx) => summarizeTables(tx, await liveTables(tx)), {
    isolationLevel: 'repeatable read',
    accessMode: 'read only',
  });
  return tables.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));
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
 * from one repeatable-read, read-only transaction, each table's rows checked against its count(*)
 * in that snapshot. Refuses to overwrite an existing file; a refusal removes the file it began.
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
          const counted = await countRows(tx, table);
          if (counted !== hash.rows) {
            throw new BackupRefusedError(
              `Table ${table.name} has ${counted} rows but ${hash.rows} were read for the backup; no file was written.`,
            );
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

const levelSchema = z.object({ count: z.number().int().min(0), tag: z.string().nullable(), when: z.number() });
const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'is not a SHA-256');
const tableSummarySchema = z.object({ name: z.string(), rows: z.number().int().min(0), sha256: sha256Schema });
const headerSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number().int().min(1),
  schemaLevel: levelSchema,
  createdAt: z.string(),
  source: z.enum(['pglite', 'postgres']),
  tables: z.array(z.string()),
});
const endSchema = z.object({
  type: z.literal('end'),
  schemaLevel: levelSchema,
  createdAt: z.string(),
  tables: z.array(tableSummarySchema),
  files: z.object({ referenced: z.number().int().min(0), included: z.number().int().min(0), missing: z.array(z.string()) }),
});
/** Every line after the header. */
const recordSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('table'), name: z.string() }),
  z.object({ type: z.literal('rows'), rows: z.array(z.record(z.string(), z.unknown())) }),
  tableSummarySchema.extend({ type: z.literal('tableEnd') }),
  z.object({ type: z.literal('file'), sha256: sha256Schema, key: z.string(), data: z.string() }),
  endSchema,
]);
type BackupRecord = z.infer<typeof recordSchema>;
type EndRecord = z.infer<typeof endSchema>;

function damaged(inPath: string, detail: string): BackupRefusedError {
  return new BackupRefusedError(`${inPath} is damaged (${detail}); nothing was changed.`);
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue ? `${issue.path.join('.') || 'the record'}: ${issue.message}` : 'not valid';
}

/**
 * The file's text lines. An unreadable file, or a gzip stream that is cut short or corrupted,
 * is a refusal naming the file, never a stack trace.
 */
async function* readTextLines(inPath: string): AsyncGenerator<string> {
  const input = pipeline(fs.createReadStream(inPath), zlib.createGunzip(), () => {});
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let count = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      const text = pending + decoder.write(chunk);
      const lines: string[] = [];
      let start = 0;
      // Search only the new text: a long line arrives in many chunks.
      for (let nl = text.indexOf('\n', pending.length); nl >= 0; nl = text.indexOf('\n', start)) {
        lines.push(text.slice(start, nl));
        start = nl + 1;
      }
      pending = text.slice(start);
      for (const line of lines) {
        count++;
        yield line;
      }
    }
  } catch (error) {
    const message = (error as Error).message;
    if ((error as NodeJS.ErrnoException).syscall) throw new BackupRefusedError(`${inPath} cannot be read (${message}); nothing was changed.`);
    if (count === 0) throw new BackupRefusedError(`${inPath} is not a Docket backup (${message}); nothing was changed.`);
    throw damaged(inPath, `decompressing after line ${count}: ${message}; the file is cut short or corrupted`);
  } finally {
    input.destroy();
  }
  pending += decoder.end();
  if (pending) yield pending;
}

/** The header (line 1) checked as such; a newer format is refused before its fields are read. */
function parseHeader(inPath: string, value: unknown): BackupHeader {
  const base = z.object({ format: z.literal(BACKUP_FORMAT), version: z.number().int().min(1) }).safeParse(value);
  if (!base.success) throw new BackupRefusedError(`${inPath} is not a Docket backup; nothing was changed.`);
  if (base.data.version > BACKUP_VERSION) {
    throw new BackupRefusedError(
      `${inPath} has backup format version ${base.data.version}, newer than this version of Docket reads (up to ${BACKUP_VERSION}). ` +
        `Upgrade Docket first; nothing was changed.`,
    );
  }
  const header = headerSchema.safeParse(value);
  if (!header.success) throw damaged(inPath, `its header is not valid: ${firstIssue(header.error)}`);
  return header.data as BackupHeader;
}

/** The header, then each record checked for its shape, with its line number. */
async function* readRecords(inPath: string): AsyncGenerator<{ number: number; record: BackupRecord | BackupHeader }> {
  let number = 0;
  for await (const line of readTextLines(inPath)) {
    number++;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      if (number === 1) throw new BackupRefusedError(`${inPath} is not a Docket backup; nothing was changed.`);
      throw damaged(inPath, `line ${number} is not JSON: ${(error as Error).message}`);
    }
    if (number === 1) {
      yield { number, record: parseHeader(inPath, value) };
      continue;
    }
    const record = recordSchema.safeParse(value);
    if (!record.success) throw damaged(inPath, `line ${number} is not a backup record: ${firstIssue(record.error)}`);
    yield { number, record: record.data };
  }
}

/** Reads and checks the first line of a backup file. */
export async function readBackupHeader(inPath: string): Promise<BackupHeader> {
  for await (const { record } of readRecords(inPath)) return record as BackupHeader;
  throw new BackupRefusedError(`${inPath} is not a Docket backup (it is empty); nothing was changed.`);
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

/** Refuses a backup whose schema level this code does not have, before the target is touched. */
function checkBackupLevel(level: SchemaLevel): void {
  const code = codeSchemaLevel();
  if (level.count > code.count || level.when > code.when) {
    throw new BackupRefusedError(
      `The backup was taken at schema level ${describeLevel(level)}, newer than this version of Docket knows ` +
        `(${describeLevel(code)}). Restore it with the Docket version that made it, or upgrade Docket first; nothing was changed.`,
    );
  }
  const mine = readMigrationJournal()[level.count - 1];
  if (level.count > 0 && mine?.when !== level.when) {
    throw new BackupRefusedError(
      `The backup was taken at schema level ${describeLevel(level)}, which this version of Docket does not have: ` +
        `its migration ${level.count} is ${mine?.tag ?? 'another one'} here. Restore it with the Docket version that made it; nothing was changed.`,
    );
  }
}

/** Under the restore's lock: the target holds no row and is not past the backup's level. */
async function checkTarget(tx: Tx, tables: TableInfo[], level: SchemaLevel): Promise<void> {
  const occupied = await tablesWithRows(tx, tables);
  if (occupied.length > 0) {
    throw new BackupRefusedError(
      `The target database is not empty (${occupied.join(', ')} have rows); nothing was changed. ` +
        `Restore into a new, empty database.`,
    );
  }
  const target = await databaseSchemaLevel(tx);
  if (target.count > level.count) {
    throw new BackupRefusedError(
      `The backup is older than the target database: it was taken at schema level ${describeLevel(level)}, the target is ` +
        `already at ${describeLevel(target)}; nothing was changed. Restore into a new, empty database ` +
        `(the newer migrations are applied after loading).`,
    );
  }
}

/**
 * Restores a backup into an empty database of either kind, in one transaction: migrates it to the
 * backup's schema level, loads every table (keeping identity values, then resetting the sequences),
 * checks the file against itself (each table's rows against its tableEnd record, those against the
 * end record) and the database against the file (an independent count(*) and the rows' content
 * per table), then applies the migrations newer than the backup. Any refusal rolls all of it back,
 * the migrations included. Files go into `storage` as they are read (content-addressed, so a file
 * left there by a refused restore is harmless).
 */
export async function restoreBackup(
  handle: DbHandle,
  inPath: string,
  options: { storage?: FileStorage } = {},
): Promise<BackupSummary> {
  const header = await readBackupHeader(inPath);
  const level = header.schemaLevel;
  checkBackupLevel(level);
  const tables = schemaTables();
  const unknown = header.tables.filter((name) => !tables.some((t) => t.name === name));
  if (unknown.length > 0) {
    throw new BackupRefusedError(`The backup has tables this version of Docket does not know: ${unknown.join(', ')}; nothing was changed.`);
  }
  return handle.db.transaction(async (tx) => {
    // A second restore (or the app) writing at the same moment waits here, then finds the rows.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(20180317)`);
    await checkTarget(tx, tables, level);
    await applyMigrations(tx, level.count);
    await setCanonicalSession(tx);
    const live = await liveTables(tx);
    const file = await loadFile(tx, inPath, header, live, options.storage);
    for (const t of live) await resetSequences(tx, t);
    const restored = await checkRestored(tx, live, file.tables);
    await resetCanonicalSession(tx);
    // Migrations newer than the backup run on the restored data, as they would have on the original.
    await applyMigrations(tx, codeSchemaLevel().count);
    return { schemaLevel: file.end.schemaLevel, createdAt: file.end.createdAt, tables: restored, files: file.end.files };
  });
}

interface OpenTable {
  table: TableInfo;
  hash: TableHash;
  /** Rows whose self-references wait for the whole table (a parent may come later). */
  selfRefRows: Row[];
}

/** Streams the file into the database, checking its records against each other as they come. */
async function loadFile(
  tx: Tx,
  inPath: string,
  header: BackupHeader,
  live: TableInfo[],
  storage: FileStorage | undefined,
): Promise<{ end: EndRecord; tables: Map<string, { rows: number; content: string }> }> {
  const loaded = new Map<string, { rows: number; content: string }>();
  const ended: TableSummary[] = [];
  let open: OpenTable | undefined;
  let files = 0;
  let end: EndRecord | undefined;
  for await (const { number, record } of readRecords(inPath)) {
    const at = `line ${number}`;
    if (!('type' in record)) {
      if (canonicalJson(record) !== canonicalJson(header)) throw damaged(inPath, 'its header changed while it was read');
      continue;
    }
    if (end) throw damaged(inPath, `${at} follows the end record`);
    if (record.type === 'table') {
      if (open) throw damaged(inPath, `${at}: table ${record.name} begins inside ${open.table.name}`);
      const listed = header.tables[ended.length];
      if (record.name !== listed) throw damaged(inPath, `${at}: table ${record.name} where the header lists ${listed ?? 'no more tables'}`);
      const table = live.find((t) => t.name === record.name);
      if (!table) throw damaged(inPath, `${at}: table ${record.name} does not exist at the backup's schema level`);
      open = { table, hash: new TableHash(), selfRefRows: [] };
    } else if (record.type === 'rows') {
      if (!open) throw damaged(inPath, `${at}: rows outside a table`);
      for (const row of record.rows) open.hash.add(row);
      await loadRows(tx, open, record.rows);
    } else if (record.type === 'tableEnd') {
      if (open?.table.name !== record.name) throw damaged(inPath, `${at}: the end of table ${record.name} inside ${open?.table.name ?? 'no table'}`);
      const read = { name: record.name, rows: open.hash.rows, sha256: open.hash.digest() };
      if (read.rows !== record.rows || read.sha256 !== record.sha256) {
        throw damaged(
          inPath,
          `table ${record.name}: its tableEnd record says ${record.rows} rows (sha256 ${record.sha256}), ` +
            `its rows in the file are ${read.rows} (sha256 ${read.sha256})`,
        );
      }
      const { table, selfRefRows } = open;
      if (selfRefRows.length > 0) await loadStep(table, () => fillSelfRefs(tx, table, selfRefRows));
      ended.push(read);
      loaded.set(record.name, { rows: read.rows, content: open.hash.content() });
      open = undefined;
    } else if (record.type === 'file') {
      if (open) throw damaged(inPath, `${at}: a file inside table ${open.table.name}`);
      const data = Buffer.from(record.data, 'base64');
      if (crypto.createHash('sha256').update(data).digest('hex') !== record.sha256) {
        throw damaged(inPath, `${at}: attachment ${record.sha256} does not match its hash`);
      }
      await storage?.put(record.key, new Uint8Array(data));
      files++;
    } else {
      if (open) throw damaged(inPath, `${at}: the end record inside table ${open.table.name}`);
      end = record;
    }
  }
  if (!end) throw new BackupRefusedError(`${inPath} is incomplete (no end record: the file is cut short); nothing was changed.`);
  checkEndRecord(inPath, header, end, ended, files);
  return { end, tables: loaded };
}

/** The end record repeats what the header and the tableEnd records said. */
function checkEndRecord(inPath: string, header: BackupHeader, end: EndRecord, ended: TableSummary[], files: number): void {
  if (ended.length !== header.tables.length) {
    throw damaged(inPath, `the header lists ${header.tables.length} tables, the file ends ${ended.length}`);
  }
  for (let i = 0; i < Math.max(ended.length, end.tables.length); i++) {
    const [a, b] = [ended[i], end.tables[i]];
    if (a?.name !== b?.name || a?.rows !== b?.rows || a?.sha256 !== b?.sha256) {
      const describe = (t: TableSummary | undefined) => (t ? `${t.name} with ${t.rows} rows (sha256 ${t.sha256})` : 'nothing');
      throw damaged(inPath, `table ${i + 1} is ${describe(a)} in its tableEnd record, ${describe(b)} in the end record`);
    }
  }
  if (end.files.included !== files) throw damaged(inPath, `the end record counts ${end.files.included} files, the file holds ${files}`);
  if (canonicalJson(end.schemaLevel) !== canonicalJson(header.schemaLevel) || end.createdAt !== header.createdAt) {
    throw damaged(inPath, 'the end record names another backup than the header');
  }
}

/** Each restored table's count(*) and content against the file's; the summary printed after. */
async function checkRestored(tx: Tx, live: TableInfo[], expected: Map<string, { rows: number; content: string }>): Promise<TableSummary[]> {
  const restored = await summarizeTables(tx, live);
  const differ: string[] = [];
  for (const [i, table] of live.entries()) {
    const read = restored[i];
    const counted = await countRows(tx, table);
    const file = expected.get(table.name) ?? { rows: 0, content: new TableHash().content() };
    if (counted !== file.rows) differ.push(`${table.name} has ${counted} rows, the backup ${file.rows}`);
    else if (read?.rows !== counted || read.content !== file.content) differ.push(`${table.name} holds other rows than the backup`);
  }
  if (differ.length > 0) throw new BackupRefusedError(`The restored tables differ from the backup: ${differ.join('; ')}; nothing was changed.`);
  return restored.map(({ name, rows, sha256 }) => ({ name, rows, sha256 }));
}

/** A statement the file's rows make fail (a broken reference, a bad value) refuses the file. */
async function loadStep(table: TableInfo, step: () => Promise<void>): Promise<void> {
  try {
    await step();
  } catch (error) {
    const cause = ((error as { cause?: unknown }).cause ?? error) as { code?: unknown; message?: unknown };
    if (typeof cause.code !== 'string' || !/^2[23]/.test(cause.code)) throw error;
    throw new BackupRefusedError(`The backup's rows of ${table.name} do not load (${String(cause.message)}); nothing was changed.`);
  }
}

async function loadRows(tx: Tx, open: OpenTable, fileRows: Row[]): Promise<void> {
  const { table } = open;
  const rows = fileRows.map((row) => {
    if (table.selfRefs.every((c) => row[c] === null || row[c] === undefined)) return row;
    open.selfRefRows.push(row);
    return { ...row, ...Object.fromEntries(table.selfRefs.map((c) => [c, null])) };
  });
  await loadStep(table, () => insertRows(tx, table, rows));
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
