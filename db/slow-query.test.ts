import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { captureLogsForTests, withRequestId } from '@/lib/log';
import { useTestDb } from '@/test/db';

const t = useTestDb();

describe('slow-query logging', () => {
  let capture: ReturnType<typeof captureLogsForTests> | undefined;
  const threshold = (ms: string) => {
    vi.stubEnv('SLOW_QUERY_MS', ms);
    resetEnvForTests();
    capture = captureLogsForTests();
  };
  afterEach(() => {
    capture?.stop();
    vi.unstubAllEnvs();
    resetEnvForTests();
  });
  const slowLines = () => capture!.lines.filter((l) => l.msg === 'slow query');

  it('logs a statement slower than SLOW_QUERY_MS with its SQL text but not its parameters', async () => {
    threshold('100');
    // drizzle's queries run when awaited, so the await belongs inside the request.
    await withRequestId('req-slow', async () => {
      await t.db.execute(sql`SELECT pg_sleep(0.25), ${'secret-parameter'}::text AS value`);
    });
    expect(slowLines()).toEqual([
      {
        level: 'warn',
        time: expect.any(String),
        pid: process.pid,
        hostname: expect.any(String),
        msg: 'slow query',
        requestId: 'req-slow',
        durationMs: expect.any(Number),
        thresholdMs: 100,
        sql: 'SELECT pg_sleep(0.25), $1::text AS value',
      },
    ]);
    expect(slowLines()[0]!.durationMs).toBeGreaterThanOrEqual(200);
    expect(JSON.stringify(capture!.lines)).not.toContain('secret-parameter');
  });

  it('times statements of the query builder inside a transaction too', async () => {
    threshold('100');
    await t.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT pg_sleep(0.2)`);
      await tx.query.departments.findMany({ limit: 1 });
    });
    expect(slowLines().map((l) => l.sql)).toEqual(['SELECT pg_sleep(0.2)']);
  });

  it('leaves statements under the threshold out', async () => {
    threshold('5000');
    await t.db.execute(sql`SELECT pg_sleep(0.05)`);
    expect(slowLines()).toEqual([]);
  });
});
