import { eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, users } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { fixturePassword, makeActor, makeDepartment } from '@/test/fixtures';
import { signIn } from './sign-in';

const t = useTestDb();
const t0 = new Date('2026-03-02T01:00:00Z').getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
let username: string;

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  username = (await makeActor(t.db, 'department_head', dept.id)).username;
});

describe('signIn', () => {
  it('signs in with the right password, ignoring case and spaces in the username', async () => {
    const result = await signIn({ username: ` ${username.toUpperCase()} `, password: fixturePassword, ip: '10.0.0.1' }, at(0));
    expect(result).toMatchObject({ ok: true, actor: { username, role: 'department_head' } });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(audit).toHaveLength(1);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const wrong = await signIn({ username, password: 'nope', ip: '10.0.0.2' }, at(1));
    const unknown = await signIn({ username: 'nobody-here', password: 'nope', ip: '10.0.0.2' }, at(1));
    expect(wrong).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(wrong);
  });

  it('locks a username after five failures in 15 minutes, even the right password, and unlocks on time', async () => {
    for (let i = 0; i < 4; i++) await signIn({ username, password: 'nope', ip: `10.1.0.${i}` }, at(10 + i));
    const locked = await signIn({ username, password: fixturePassword, ip: '10.1.0.9' }, at(15));
    expect(locked).toMatchObject({ ok: false, reason: 'locked', until: at(28) });
    expect(await signIn({ username, password: fixturePassword, ip: '10.1.0.9' }, at(27.9))).toMatchObject({ reason: 'locked' });
    expect(await signIn({ username, password: fixturePassword, ip: '10.1.0.9' }, at(28))).toMatchObject({ ok: true });
    const lockouts = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.locked_out'));
    expect(lockouts.length).toBe(2);
  });

  it('locks an address after twenty failures across usernames', async () => {
    for (let i = 0; i < 20; i++) await signIn({ username: `guess-${i}`, password: 'nope', ip: '10.9.9.9' }, at(100 + i * 0.1));
    expect(await signIn({ username, password: fixturePassword, ip: '10.9.9.9' }, at(103))).toMatchObject({ reason: 'locked' });
    expect(await signIn({ username, password: fixturePassword, ip: '10.9.9.8' }, at(103))).toMatchObject({ ok: true });
  });

  it('refuses a deactivated user', async () => {
    await t.db.update(users).set({ active: false }).where(eq(users.username, username));
    expect(await signIn({ username, password: fixturePassword, ip: '10.2.0.1' }, at(200))).toEqual({ ok: false, reason: 'invalid' });
  });
});
