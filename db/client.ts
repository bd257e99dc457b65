import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import type { SQL } from 'drizzle-orm';
import { type PgDatabase, PgPreparedQuery, type PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import postgres from 'postgres';
import { env } from '../lib/env';
import { currentRequestId, logger } from '../lib/log';
import { requestIdHeader } from '../lib/request-id';
import { acquireDataDirLock } from './lock';
import * as schema from './schema';

export type Schema = typeof schema;
/** The one typed client; nothing above this file knows which engine is behind it. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface DbHandle {
  db: Db;
  kind: 'pglite' | 'postgres';
  close(): Promise<void>;
}

export type DbTarget =
  | { kind: 'postgres'; url: string; max?: number }
  | { kind: 'pglite'; dataDir: string }
  | { kind: 'pglite'; snapshot: Blob };

export function targetFromEnv(source: { DATABASE_URL?: string; DATA_DIR: string }): DbTarget {
  return source.DATABASE_URL
    ? { kind: 'postgres', url: source.DATABASE_URL }
    : { kind: 'pglite', dataDir: source.DATA_DIR };
}

const pgliteOptions = { extensions: { pg_trgm } };

const defaultSlowQueryMs = 500;
const maxLoggedSqlLength = 4_000;

function slowQueryThreshold(): number {
  try {
    return env().SLOW_QUERY_MS;
  } catch {
    // Scripts may run with an environment the app would refuse; the default applies.
    return defaultSlowQueryMs;
  }
}

/**
 * The id of the page or server action being rendered, which runs outside `withRequestId`: Next
 * hands the proxy's `X-Request-Id` to server code as a request header. Undefined in a script, a
 * test or anywhere outside a request.
 */
async function renderingRequestId(): Promise<string | undefined> {
  try {
    const { headers } = await import('next/headers');
    return (await headers()).get(requestIdHeader) ?? undefined;
  } catch {
    return undefined;
  }
}

/** Logs a statement that took longer than `SLOW_QUERY_MS`, with its SQL text and never its parameters. */
async function reportSlowQuery(queryString: string, durationMs: number, threshold: number): Promise<void> {
  const requestId = currentRequestId() ?? (await renderingRequestId());
  const text = queryString.length > maxLoggedSqlLength ? `${queryString.slice(0, maxLoggedSqlLength)}…` : queryString;
  logger.warn('slow query', { ...(requestId ? { requestId } : {}), durationMs: Math.round(durationMs), thresholdMs: threshold, sql: text });
}

/*
 * Every statement of either driver, in or out of a transaction, runs through drizzle's
 * `PgPreparedQuery#queryWithCache` (given the SQL text, the parameters and the driver call), so
 * timing it there times them all. drizzle's own `logger` option only sees a statement before it
 * runs. db/slow-query.test.ts fails should a drizzle upgrade move this.
 */
type QueryWithCache = (this: unknown, queryString: string, params: unknown[], query: () => Promise<unknown>) => Promise<unknown>;
const timedMarker = Symbol.for('docket.timedQueries');
const preparedQuery = PgPreparedQuery.prototype as unknown as { queryWithCache?: QueryWithCache; [timedMarker]?: true };
if (!preparedQuery[timedMarker] && typeof preparedQuery.queryWithCache === 'function') {
  const untimed = preparedQuery.queryWithCache;
  preparedQuery.queryWithCache = async function timed(queryString, params, query) {
    const started = performance.now();
    try {
      return await untimed.call(this, queryString, params, query);
    } finally {
      // Checked here so a statement under the threshold costs no further call on this hot path.
      const durationMs = performance.now() - started;
      const threshold = slowQueryThreshold();
      if (durationMs > threshold) await reportSlowQuery(queryString, durationMs, threshold);
    }
  };
  preparedQuery[timedMarker] = true;
}

/**
 * A server on the same machine is reached through its Unix socket with libpq's
 * `?host=/var/run/postgresql`, which postgres.js does not read from a URL (it would send `host` to
 * the server as a setting). Local sockets cost far less per statement than TCP on loopback.
 */
export function postgresConnection(url: string): { url: string; host?: string } {
  const parsed = new URL(url);
  const host = parsed.searchParams.get('host');
  if (!host?.startsWith('/')) return { url };
  parsed.searchParams.delete('host');
  return { url: parsed.toString(), host };
}

export async function openDatabase(target: DbTarget): Promise<DbHandle> {
  if (target.kind === 'postgres') {
    const { url, host } = postgresConnection(target.url);
    const sql = postgres(url, { max: target.max ?? 10, onnotice: () => {}, ...(host ? { host } : {}) });
    return {
      db: drizzlePostgres(sql, { schema, casing: 'snake_case' }) as unknown as Db,
      kind: 'postgres',
      close: () => sql.end({ timeout: 5 }),
    };
  }
  if ('snapshot' in target) {
    const client = await PGlite.create({ ...pgliteOptions, loadDataDir: target.snapshot });
    return pgliteHandle(client, () => {});
  }
  if (target.dataDir.startsWith('memory://')) {
    return pgliteHandle(await PGlite.create(target.dataDir, pgliteOptions), () => {});
  }
  const dataDir = path.resolve(target.dataDir);
  const release = await acquireDataDirLock(dataDir);
  try {
    const client = await PGlite.create(path.join(dataDir, 'pg'), pgliteOptions);
    return pgliteHandle(client, release);
  } catch (error) {
    release();
    throw error;
  }
}

function pgliteHandle(client: PGlite, release: () => void): DbHandle {
  return {
    db: drizzlePglite(client, { schema, casing: 'snake_case' }) as unknown as Db,
    kind: 'pglite',
    close: async () => {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

/** Dumps an in-memory PGlite database so tests can start many copies of it quickly. */
export async function snapshotPglite(handle: DbHandle): Promise<Blob> {
  const client = (handle.db as unknown as { $client: PGlite }).$client;
  return client.dumpDataDir('none');
}

/** The rows of a raw statement: postgres.js answers an array, PGlite `{ rows }`. */
export async function executeRows<T>(db: Db | Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown;
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
