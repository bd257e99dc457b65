import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { listAudit, writeAudit } from './audit';

const t = useTestDb();
let admin: Actor;
let secretary: Actor;

beforeAll(async () => {
  admin = await makeActor(t.db, 'admin');
  secretary = await makeActor(t.db, 'secretary');
  for (let i = 0; i < 3; i++) {
    await writeAudit(t.db, { actorId: admin.id, action: 'user.update', entityType: 'user', entityId: i, after: { n: i } });
  }
  await writeAudit(t.db, { actorId: secretary.id, action: 'conference.create', entityType: 'conference', entityId: 9 });
});

describe('listAudit', () => {
  it('shows secretaries and admins who did what, newest first', async () => {
    const { rows, total } = await listAudit(secretary, {});
    expect(total).toBe(4);
    expect(rows[0]).toMatchObject({ action: 'conference.create', actorUsername: secretary.username });
    const mine = await listAudit(admin, { actorId: admin.id, action: 'user.' });
    expect(mine.rows.map((r) => r.entityId)).toEqual(['2', '1', '0']);
  });

  it('is refused to leaders and department heads', async () => {
    const dept = await makeDepartment(t.db);
    for (const actor of [await makeActor(t.db, 'leader'), await makeActor(t.db, 'department_head', dept.id)]) {
      await expect(listAudit(actor, {})).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
