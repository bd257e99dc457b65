import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { type DbHandle, openDatabase } from '../../db/client';
import { migrateDatabase } from '../../db/migrate';
import { adminUrl, databaseName } from '../../test/pg-urls';
import { generate, sizeFor } from './generate';

export const defaultBenchUrl = 'postgres://postgres@127.0.0.1:5432/docket_bench';

export interface DataSetOptions {
  pglite: boolean;
  url: string;
  rows: number;
  reuse: boolean;
  today: string;
  log: (line: string) => void;
}

/** Rows of a raw query; postgres-js returns an array, PGlite an object holding one. */
export async function queryRows<T>(handle: DbHandle, text: string): Promise<T[]> {
  const result: unknown = await handle.db.execute(sql.raw(text));
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

/** Changed whenever generate.ts makes a different data set, so that `--reuse` regenerates. */
const dataShape = 'issue-7 v3: 300 departments, 3 follow-ups a task, attendance, returns, extension requests v2';

/** Tasks of the last generation, kept in the bench database itself (not part of the app's schema). */
async function generatedRows(handle: DbHandle): Promise<number | null> {
  const [found] = await queryRows<{ exists: boolean }>(handle, `SELECT to_regclass('bench_meta') IS NOT NULL AS exists`);
  if (!found?.exists) return null;
  const [meta] = await queryRows<{ meta: { rows: number; shape?: string } }>(handle, `SELECT to_jsonb(m) meta FROM bench_meta m`);
  return meta?.meta.shape === dataShape ? meta.meta.rows : null;
}

/**
 * The benchmark's database, migrated with the project's migrator and filled with `rows` tasks.
 * PostgreSQL: its own database, dropped and made anew unless `reuse` finds one of the same size.
 * PGlite: in memory, so always generated.
 */
export async function openDataSet(options: DataSetOptions): Promise<DbHandle> {
  const { log } = options;
  if (options.pglite) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-bench-'));
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    const close = handle.close;
    handle.close = async () => {
      await close();
      fs.rmSync(dir, { recursive: true, force: true });
    };
    await migrateDatabase(handle);
    await fill(handle, options);
    return handle;
  }
  const name = databaseName(options.url);
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error(`bench database name must be [a-z0-9_]+, got ${name}`);
  const admin = await openDatabase({ kind: 'postgres', url: adminUrl(options.url), max: 1 });
  try {
    const exists = await queryRows(admin, `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
    if (exists.length && options.reuse) {
      const handle = await openDatabase({ kind: 'postgres', url: options.url });
      const rows = await generatedRows(handle);
      if (rows === options.rows) {
        log(`Reusing ${name} (${rows.toLocaleString('en')} tasks, ${dataShape}); applying new migrations.`);
        await migrateDatabase(handle);
        await handle.db.execute(sql.raw('ANALYZE'));
        return handle;
      }
      await handle.close();
    }
    if (exists.length) await admin.db.execute(sql.raw(`DROP DATABASE "${name}" WITH (FORCE)`));
    await admin.db.execute(sql.raw(`CREATE DATABASE "${name}"`));
  } finally {
    await admin.close();
  }
  const handle = await openDatabase({ kind: 'postgres', url: options.url });
  await migrateDatabase(handle);
  await fill(handle, options);
  return handle;
}

async function fill(handle: DbHandle, options: DataSetOptions): Promise<void> {
  const size = sizeFor(options.rows);
  const n = (x: number) => x.toLocaleString('en');
  options.log(
    `Generating ${n(size.departments)} departments, ${n(size.conferences)} conferences, ${n(size.actions)} actions, ` +
      `${n(size.tasks)} tasks, ${n(size.followUps)} follow-ups…`,
  );
  const started = performance.now();
  await generate(handle.db, size, options.today, options.log);
  const [made] = await queryRows<Record<string, number>>(
    handle,
    `SELECT ${['departments', 'conferences', 'requested_actions', 'tasks', 'follow_ups'].map((t) => `(SELECT count(*)::int FROM ${t}) ${t}`).join(', ')}`,
  );
  options.log(`  made: ${Object.entries(made!).map(([table, count]) => `${table} ${n(count)}`).join(', ')}`);
  await handle.db.execute(sql.raw('VACUUM ANALYZE'));
  await handle.db.execute(sql.raw(`CREATE TABLE IF NOT EXISTS bench_meta (rows integer NOT NULL, shape text NOT NULL)`));
  await handle.db.execute(sql.raw(`DELETE FROM bench_meta`));
  await handle.db.execute(sql.raw(`INSERT INTO bench_meta VALUES (${size.tasks}, '${dataShape}')`));
  options.log(`  total with VACUUM ANALYZE: ${((performance.now() - started) / 1000).toFixed(0)} s`);
}
