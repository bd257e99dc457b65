// For tests: one fingerprint of every row of every table, computed by SQL of its own (not through
// lib/data), so a test can tell that a refused request changed nothing at all.
import { type SQL, sql } from 'drizzle-orm';
import { type Db, executeRows } from '@/db/client';

/**
 * What every API request writes whether it is refused or not: the rate-limit counters and the
 * token's last use. Everything else must stay as it was.
 */
const perRequest: Record<string, string[] | 'all'> = { api_rate_limits: 'all', api_tokens: ['last_used_at'] };

// The statement for each database, made once: the tables do not change while a test runs.
const statements = new WeakMap<Db, Promise<SQL>>();

async function checksumStatement(db: Db): Promise<SQL> {
  const tables = await executeRows<{ name: string }>(
    db,
    sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const parts = tables
    .map((t) => t.name)
    .filter((name) => perRequest[name] !== 'all')
    .map((name) => {
      const skip = perRequest[name];
      const row = sql.raw(Array.isArray(skip) ? `(to_jsonb(t) - ${skip.map((c) => `'${c}'`).join(' - ')})::text` : 'to_jsonb(t)::text');
      // A sum of row hashes: independent of row order, so no sort is needed.
      return sql`SELECT ${name}::text || ':' || count(*) || ':' || coalesce(sum(hashtext(${row})::bigint), 0) AS part FROM ${sql.identifier(name)} AS t`;
    });
  return sql.join(parts, sql` UNION ALL `);
}

export async function tableChecksum(db: Db): Promise<string> {
  let statement = statements.get(db);
  if (!statement) statements.set(db, (statement = checksumStatement(db)));
  const rows = await executeRows<{ part: string }>(db, await statement);
  return rows
    .map((r) => r.part)
    .sort()
    .join('\n');
}
