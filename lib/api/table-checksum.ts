// For tests: one fingerprint of every row of every table, computed by SQL of its own (not through
// lib/data), so a test can tell that a refused request changed nothing at all.
import { sql } from 'drizzle-orm';
import { type Db, executeRows } from '@/db/client';

/**
 * What every API request writes whether it is refused or not: the rate-limit counters and the
 * token's last use. Everything else must stay as it was.
 */
const perRequest: Record<string, string[] | 'all'> = { api_request_counts: 'all', api_tokens: ['last_used_at'] };

export async function tableChecksum(db: Db): Promise<string> {
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
      return sql`SELECT ${name}::text || ':' || count(*) || ':' || coalesce(md5(string_agg(${row}, ',' ORDER BY ${row})), '') AS part FROM ${sql.identifier(name)} AS t`;
    });
  const rows = await executeRows<{ part: string }>(db, sql.join(parts, sql` UNION ALL `));
  return rows
    .map((r) => r.part)
    .sort()
    .join('\n');
}
