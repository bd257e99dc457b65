import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { verifyPassword } from '@/lib/auth/password';
import { useTestDb } from '@/test/db';
import { fixturePassword, makeActor, makeDepartment } from '@/test/fixtures';
import { loadSessionActor } from './sign-in';
import { changeOwnPassword, createUser, listUsers, resetPassword, setOwnLocale, setUserActive, signOutEverywhere, updateUser } from './users';

const t = useTestDb();
let admin: Actor;
let secretary: Actor;
let leader: Actor;
let head: Actor;
let deptId: number;

beforeAll(async () => {
  deptId = (await makeDepartment(t.db)).id;
  admin = await makeActor(t.db, 'admin');
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', deptId);
});

const newHead = (username: string) => ({ username, displayName: '张伟', role: 'department_head' as const, departmentId: deptId });

describe('user administration', () => {
  it('is refused to every role but admin, and writes nothing', async () => {
    for (const actor of [secretary, leader, head]) {
      await expect(createUser(actor, newHead(`x-${actor.role}`))).rejects.toMatchObject({ code: 'forbidden' });
      await expect(listUsers(actor, {})).rejects.toMatchObject({ code: 'forbidden' });
      await expect(resetPassword(actor, head.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(setUserActive(actor, { id: head.id, version: 1, active: false })).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await t.db.select().from(users).where(eq(users.username, 'x-secretary'))).toEqual([]);
  });

  it('creates a department head with a one-time password to change at first sign-in', async () => {
    const { user, oneTimePassword } = await createUser(admin, newHead('Zhang.Wei'));
    expect(user.username).toBe('zhang.wei');
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.mustChangePassword).toBe(true);
    expect(await verifyPassword(row!.passwordHash, oneTimePassword!)).toBe(true);
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(user.id)));
    expect(audit.map((a) => a.action)).toContain('user.create');
  });

  it('refuses bad input with field errors and writes nothing', async () => {
    await expect(createUser(admin, { username: 'ab', displayName: '', role: 'department_head' })).rejects.toMatchObject({
      code: 'validation',
      fieldErrors: { username: [{ key: 'tooShort', values: { min: 3 } }], displayName: [{ key: 'required' }], departmentId: [{ key: 'departmentRequired' }] },
    });
    await expect(createUser(admin, { ...newHead('weakling'), password: 'password123' })).rejects.toMatchObject({
      fieldErrors: { password: [{ key: 'password.common' }] },
    });
    await expect(createUser(admin, { ...newHead('ghost'), departmentId: 999_999 })).rejects.toMatchObject({
      fieldErrors: { departmentId: [{ key: 'unknownDepartment' }] },
    });
    await createUser(admin, newHead('twice'));
    await expect(createUser(admin, newHead('twice'))).rejects.toMatchObject({ fieldErrors: { username: [{ key: 'usernameTaken' }] } });
    expect(await t.db.select().from(users).where(eq(users.username, 'weakling'))).toEqual([]);
  });

  it('refuses a stale edit with a conflict', async () => {
    const { user } = await createUser(admin, newHead('editme'));
    await updateUser(admin, { id: user.id, version: 1, displayName: '李娜', role: 'department_head', departmentId: deptId });
    await expect(
      updateUser(admin, { id: user.id, version: 1, displayName: '王芳', role: 'department_head', departmentId: deptId }),
    ).rejects.toMatchObject({ code: 'conflict' });
    const [row] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(row!.displayName).toBe('李娜');
  });

  it('ends the sessions of a deactivated user', async () => {
    const { user } = await createUser(admin, newHead('leaver'));
    const [before] = await t.db.select().from(users).where(eq(users.id, user.id));
    expect(await loadSessionActor(user.id, before!.sessionVersion)).not.toBeNull();
    await setUserActive(admin, { id: user.id, version: before!.version, active: false });
    expect(await loadSessionActor(user.id, before!.sessionVersion)).toBeNull();
    expect(await loadSessionActor(user.id, before!.sessionVersion + 1)).toBeNull();
  });

  it("lets an admin sign a user out everywhere, audited, and no one else sign out another user", async () => {
    const { user } = await createUser(admin, newHead('wanderer'));
    const [before] = await t.db.select().from(users).where(eq(users.id, user.id));
    const colleague = await makeActor(t.db, 'department_head', deptId);
    for (const actor of [secretary, leader, colleague]) {
      await expect(signOutEverywhere(actor, user.id)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await loadSessionActor(user.id, before!.sessionVersion)).not.toBeNull();
    await signOutEverywhere(admin, user.id);
    expect(await loadSessionActor(user.id, before!.sessionVersion)).toBeNull();
    expect(await loadSessionActor(user.id, before!.sessionVersion + 1)).not.toBeNull();
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(user.id)));
    expect(audit.filter((a) => a.action === 'user.sign_out_everywhere').map((a) => a.actorId)).toEqual([admin.id]);
  });

  it('lists, searches and sorts users in the database', async () => {
    const page = await listUsers(admin, { q: 'zhang', sort: 'username', dir: 'asc' });
    expect(page.rows.map((r) => r.username)).toEqual(['zhang.wei']);
    const heads = await listUsers(admin, { role: 'department_head', departmentId: deptId, pageSize: 2, page: 1 });
    expect(heads.rows).toHaveLength(2);
    expect(heads.total).toBeGreaterThan(2);
    expect(heads.rows.every((r) => r.departmentId === deptId)).toBe(true);
  });
});

describe('own profile', () => {
  it('changes the password only with the current one and a strong new one', async () => {
    await expect(
      changeOwnPassword(head, { currentPassword: 'wrong', newPassword: 'harbour-lantern-97', confirmPassword: 'harbour-lantern-97' }),
    ).rejects.toMatchObject({ fieldErrors: { currentPassword: [{ key: 'password.currentWrong' }] } });
    await expect(
      changeOwnPassword(head, { currentPassword: fixturePassword, newPassword: `${head.username}-2026`, confirmPassword: `${head.username}-2026` }),
    ).rejects.toMatchObject({ fieldErrors: { newPassword: [{ key: 'password.containsUsername' }] } });
    const [before] = await t.db.select().from(users).where(eq(users.id, head.id));
    const changed = await changeOwnPassword(head, { currentPassword: fixturePassword, newPassword: 'harbour-lantern-97', confirmPassword: 'harbour-lantern-97' });
    const [row] = await t.db.select().from(users).where(eq(users.id, head.id));
    expect(await verifyPassword(row!.passwordHash, 'harbour-lantern-97')).toBe(true);
    // Every session from before the change is over; the one that changed it carries on with the new version.
    expect(changed).toEqual({ sessionVersion: before!.sessionVersion + 1 });
    expect(await loadSessionActor(head.id, before!.sessionVersion)).toBeNull();
    expect(await loadSessionActor(head.id, changed.sessionVersion)).not.toBeNull();
  });

  it('signs the user out everywhere, this session too', async () => {
    const me = await makeActor(t.db, 'secretary');
    await signOutEverywhere(me, me.id);
    expect(await loadSessionActor(me.id, 1)).toBeNull();
    expect(await loadSessionActor(me.id, 2)).not.toBeNull();
  });

  it('saves the language', async () => {
    await setOwnLocale(leader, 'en');
    const [row] = await t.db.select().from(users).where(eq(users.id, leader.id));
    expect(row!.locale).toBe('en');
    await expect(setOwnLocale(leader, 'fr' as never)).rejects.toMatchObject({ code: 'validation' });
  });
});
