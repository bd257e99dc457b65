import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { readMigrationJournal } from '@/db/migrate';
import { setDbHandleForTests } from '@/db/runtime';
import { createTestDb, useTestDb } from '@/test/db';
import { GET as health } from '../health/route';
import { GET as ready } from './route';

const t = useTestDb();

describe('/api/health and /api/ready', () => {
  it('answers liveness without the database and readiness with it', async () => {
    const live = await health();
    expect(live.status).toBe(200);
    expect(await live.json()).toEqual({ status: 'ok', uptimeSeconds: expect.any(Number) });
    const answer = await ready();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const count = readMigrationJournal().length;
    expect(await answer.json()).toMatchObject({ status: 'ready', database: { ok: true }, migrations: { ok: true, expected: count, applied: count, pending: [] } });
  });

  it('answers 503 saying what is wrong, while liveness stays 200', async () => {
    const broken = await createTestDb();
    let closed = false;
    try {
      const last = readMigrationJournal().at(-1)!;
      await broken.db.execute(sql`DELETE FROM drizzle.__drizzle_migrations WHERE created_at = ${last.when}`);
      setDbHandleForTests(broken);
      const behind = await ready();
      expect(behind.status).toBe(503);
      expect(await behind.json()).toMatchObject({ status: 'not_ready', database: { ok: true }, migrations: { ok: false, pending: [last.tag] } });
      await broken.close();
      closed = true;
      const down = await ready();
      expect(down.status).toBe(503);
      expect(await down.json()).toMatchObject({ status: 'not_ready', database: { ok: false, error: expect.any(String) } });
      expect((await health()).status).toBe(200);
    } finally {
      setDbHandleForTests(t.handle);
      if (!closed) await broken.close();
    }
  });
});
