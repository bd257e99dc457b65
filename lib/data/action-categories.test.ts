import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { createActionCategory, listActionCategories, updateActionCategory } from './action-categories';

const t = useTestDb();
let admin: Actor;
let secretary: Actor;
let leader: Actor;
let head: Actor;

beforeAll(async () => {
  admin = await makeActor(t.db, 'admin');
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', (await makeDepartment(t.db)).id);
});

describe('action categories', () => {
  it('answers two admins adding the same code at once with one category and one clear refusal', async () => {
    const results = await Promise.allSettled([
      createActionCategory(admin, { code: 'same_time', name: '同时添加' }),
      createActionCategory(admin, { code: 'same_time', name: '同时添加' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ fieldErrors: { code: [{ key: 'codeTaken' }] } });
  });

  it('lets the admin add, rename and retire a category, audited; the form lists active ones only', async () => {
    const created = await createActionCategory(admin, { code: 'Ports_x', name: '港口', nameEn: 'Ports' });
    expect(created).toMatchObject({ code: 'ports_x', active: true });
    await expect(createActionCategory(admin, { code: 'ports_x', name: '又一个' })).rejects.toMatchObject({ fieldErrors: { code: [{ key: 'codeTaken' }] } });
    await expect(createActionCategory(admin, { code: '港口', name: '港口' })).rejects.toMatchObject({ fieldErrors: { code: [{ key: 'categoryCodeFormat' }] } });
    const retired = await updateActionCategory(admin, { code: 'ports_x', updatedAt: created.updatedAt, name: '港口码头', active: false }, new Date(created.updatedAt.getTime() + 1000));
    expect(retired).toMatchObject({ name: '港口码头', nameEn: null, active: false });
    await expect(updateActionCategory(admin, { code: 'ports_x', updatedAt: created.updatedAt, name: '旧的', active: true })).rejects.toMatchObject({ code: 'conflict' });
    expect((await listActionCategories(secretary)).some((c) => c.code === 'ports_x')).toBe(false);
    expect((await listActionCategories(admin, { includeInactive: true })).some((c) => c.code === 'ports_x')).toBe(true);
    expect(await t.db.select().from(auditLog).where(eq(auditLog.entityId, 'ports_x'))).toHaveLength(2);
  });

  it('lets every role read the list but only the admin change it', async () => {
    for (const actor of [secretary, leader, head]) {
      await expect(listActionCategories(actor)).resolves.toBeInstanceOf(Array);
      await expect(listActionCategories(actor, { includeInactive: true })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(createActionCategory(actor, { code: 'mine_x', name: '矿' })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});
