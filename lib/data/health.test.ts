import { describe, expect, it } from 'vitest';
import { openDatabase } from '@/db/client';
import { createTestDb, useTestDb } from '@/test/db';
import { checkDatabase } from './health';

const t = useTestDb();

describe('checkDatabase', () => {
  it('reports a working database as healthy', async () => {
    await expect(checkDatabase(t.db)).resolves.toMatchObject({ ok: true });
  });

  it('uses the app database when none is given', async () => {
    await expect(checkDatabase()).resolves.toMatchObject({ ok: true });
  });

  it('reports a stopped database as unhealthy', async () => {
    const stopped = await createTestDb();
    await stopped.close();
    const health = await checkDatabase(stopped.db);
    expect(health.ok).toBe(false);
    expect(health.error).toBeTruthy();
  });

  it('reports an unreachable PostgreSQL server as unhealthy', async () => {
    const nowhere = await openDatabase({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:1/none', max: 1 });
    try {
      await expect(checkDatabase(nowhere.db)).resolves.toMatchObject({ ok: false });
    } finally {
      await nowhere.close();
    }
  });
});
