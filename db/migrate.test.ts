import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { useTestDb } from '../test/db';
import { migrateDatabase } from './migrate';
import { departments, tasks } from './schema';

const t = useTestDb();

describe('migrations', () => {
  it('create every table of the domain model', async () => {
    const rows = (await t.db.execute(
      sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`,
    )) as unknown as Array<{ table_name: string }>;
    const names = (Array.isArray(rows) ? rows : (rows as { rows: typeof rows }).rows).map((r) => r.table_name);
    expect(names).toEqual(
      expect.arrayContaining([
        'departments', 'users', 'people', 'conferences', 'venues', 'conference_invitations', 'speakers',
        'agenda_items', 'requested_actions', 'tasks', 'follow_ups', 'attachments', 'audit_log',
        'notifications', 'safety_indicators', 'settings', 'login_attempts', 'api_tokens',
      ]),
    );
  });

  it('apply again without changing anything', async () => {
    await migrateDatabase(t.handle);
    await expect(t.db.select().from(departments)).resolves.toEqual([]);
  });

  it('enforce the schema rules in the database itself', async () => {
    await expect(
      t.db.execute(sql`INSERT INTO users (username, display_name, password_hash, role) VALUES ('x', 'x', 'x', 'department_head')`),
    ).rejects.toThrow();
    await expect(t.db.select().from(tasks)).resolves.toEqual([]);
  });
});
