import 'server-only';
import { sql } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { getDb } from '@/db/runtime';

export interface DatabaseHealth {
  ok: boolean;
  latencyMs: number;
  error?: string;
}

const timeoutMs = 3_000;

/** Round-trips one query; a stopped, unreachable or hung database reports unhealthy. */
export async function checkDatabase(db?: Db): Promise<DatabaseHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const probe = (async () => (db ?? (await getDb())).execute(sql`SELECT 1`))();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    });
    await Promise.race([probe, timeout]);
    return { ok: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return {
      ok: false,
      latencyMs: Math.round(performance.now() - started),
      error: error instanceof Error ? error.message : String(error),
    };
  } finally {
    clearTimeout(timer);
  }
}
