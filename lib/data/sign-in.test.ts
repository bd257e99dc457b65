import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, loginAttempts, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { fixturePassword, makeActor, makeDepartment } from '@/test/fixtures';
import { loadSessionActor, recordSignOut, signIn } from './sign-in';
import { getSignInStatus, unlockSignIn } from './users';

const t = useTestDb();
const t0 = new Date('2026-03-02T01:00:00Z').getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);
const attacker = '198.51.100.66';
const office = '203.0.113.7';
let username: string;
let admin: Actor;
let deptId: number;

beforeAll(async () => {
  deptId = (await makeDepartment(t.db)).id;
  username = (await makeActor(t.db, 'department_head', deptId)).username;
  admin = await makeActor(t.db, 'admin');
});

const newUser = async () => makeActor(t.db, 'department_head', deptId);
const wrong = (name: string, ip: string, when: Date) => signIn({ username: name, password: 'not-it', ip }, when);
const right = (name: string, ip: string, when: Date) => signIn({ username: name, password: fixturePassword, ip }, when);
const later = (when: Date, seconds: number) => new Date(when.getTime() + seconds * 1000);

/** `n` wrong passwords, each as soon as the wait allows; the time of the last. */
async function failures(name: string, ip: string, n: number, start: Date): Promise<Date> {
  let when = start;
  for (let done = 0; done < n; ) {
    const result = await wrong(name, ip, when);
    if (!result.ok && result.reason === 'throttled') when = result.until;
    else done++;
  }
  return when;
}

describe('signIn', () => {
  it('signs in with the right password, ignoring case and spaces in the username', async () => {
    const result = await signIn({ username: ` ${username.toUpperCase()} `, password: fixturePassword, ip: '10.0.0.1' }, at(0));
    expect(result).toMatchObject({ ok: true, actor: { username, role: 'department_head' }, failedAttempts: 0 });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.action, 'auth.sign_in'));
    expect(audit).toHaveLength(1);
  });

  it('gives the same answer for a wrong password and an unknown user', async () => {
    const failed = await wrong(username, '10.0.0.2', at(1));
    const unknown = await wrong('nobody-here', '10.0.0.2', at(1));
    expect(failed).toEqual({ ok: false, reason: 'invalid' });
    expect(unknown).toEqual(failed);
  });

  it("slows the source that guesses an account, even with the right password, but not the owner's clean source", async () => {
    const owner = await newUser();
    for (let i = 0; i < 10; i++) expect(await wrong(owner.username, attacker, at(10 + i * 20))).toEqual({ ok: false, reason: 'invalid' });
    // The tenth failure at minute 190 calls for a wait of 5 s × 2⁶.
    const refused = await right(owner.username, attacker, at(190.1));
    expect(refused).toEqual({ ok: false, reason: 'throttled', until: new Date(at(190).getTime() + 320_000) });
    expect(await right(owner.username, office, at(190.2))).toMatchObject({ ok: true, failedAttempts: 10 });
    const delayed = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_in_delayed'), eq(auditLog.entityId, owner.username)));
    expect(delayed).toHaveLength(1);
    expect(delayed[0]!.ip).toBe(attacker);
  });

  it('makes the waits grow with each failure and end on time', async () => {
    const owner = await newUser();
    for (let i = 0; i < 4; i++) await wrong(owner.username, office, at(300));
    const fiveSeconds = new Date(at(300).getTime() + 5000);
    expect(await right(owner.username, office, at(300))).toEqual({ ok: false, reason: 'throttled', until: fiveSeconds });
    expect(await wrong(owner.username, office, fiveSeconds)).toEqual({ ok: false, reason: 'invalid' });
    expect(await right(owner.username, office, fiveSeconds)).toEqual({ ok: false, reason: 'throttled', until: new Date(fiveSeconds.getTime() + 10_000) });
    expect(await right(owner.username, office, new Date(fiveSeconds.getTime() + 10_000))).toMatchObject({ ok: true, failedAttempts: 5 });
    // A refused try is not another failure: it neither lengthens the wait nor counts in the notice.
    const rows = await t.db.select().from(loginAttempts).where(eq(loginAttempts.username, owner.username));
    expect(rows.filter((r) => !r.succeeded)).toHaveLength(5);
  });

  it('counts guesses sent in parallel against each other', async () => {
    const owner = await newUser();
    const results = await Promise.all(Array.from({ length: 10 }, () => wrong(owner.username, attacker, at(400))));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(4);
    expect(results.filter((r) => !r.ok && r.reason === 'throttled')).toHaveLength(6);
  });

  it('slows an address that tries many accounts, on every account, and no other address', async () => {
    for (let i = 0; i < 21; i++) await wrong(`guess-${i}`, '10.9.9.9', at(500 + i * 0.1));
    expect(await right(username, '10.9.9.9', at(502.01))).toMatchObject({ ok: false, reason: 'throttled' });
    expect(await right(username, '10.9.9.8', at(502.01))).toMatchObject({ ok: true });
  });

  it('tells the user, at the next sign-in only, how many failed attempts there were since the last one', async () => {
    const owner = await newUser();
    expect(await right(owner.username, office, at(600))).toMatchObject({ ok: true, failedAttempts: 0 });
    await wrong(owner.username, attacker, at(601));
    await wrong(owner.username, '2001:db8::5', at(602));
    await wrong(owner.username, office, at(603));
    expect(await right(owner.username, office, at(604))).toMatchObject({ ok: true, failedAttempts: 3 });
    expect(await right(owner.username, office, at(605))).toMatchObject({ ok: true, failedAttempts: 0 });
  });

  it('refuses a deactivated user', async () => {
    const leaver = await newUser();
    await t.db.update(users).set({ active: false }).where(eq(users.id, leaver.id));
    expect(await right(leaver.username, '10.2.0.1', at(700))).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('unlocking sign-in', () => {
  it('lets an admin clear the waits on an account at once, audited, and tells the user later still', async () => {
    const owner = await newUser();
    const last = await failures(owner.username, office, 8, at(800));
    expect(await right(owner.username, office, later(last, 1))).toMatchObject({ reason: 'throttled' });
    expect(await getSignInStatus(admin, owner.id, later(last, 1))).toEqual({ failedSinceSignIn: 8, waitUntil: later(last, 80) });

    await expect(unlockSignIn(owner, owner.id, later(last, 2))).rejects.toMatchObject({ code: 'forbidden' });
    await unlockSignIn(admin, owner.id, later(last, 2));
    expect(await getSignInStatus(admin, owner.id, later(last, 2))).toEqual({ failedSinceSignIn: 8, waitUntil: null });
    expect(await right(owner.username, office, later(last, 3))).toMatchObject({ ok: true, failedAttempts: 8 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'user.unlock_sign_in'), eq(auditLog.entityId, String(owner.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(admin.id);
  });

  it('does not clear what an address did to other accounts', async () => {
    const owner = await newUser();
    for (let i = 0; i < 21; i++) await wrong(`spray-${i}`, '10.7.7.7', at(900 + i * 0.01));
    await unlockSignIn(admin, owner.id, at(900.21));
    expect(await right(owner.username, '10.7.7.7', at(900.22))).toMatchObject({ reason: 'throttled' });
  });
});

describe('signing out', () => {
  it("ends every session of the user, and an old token's sign-out changes nothing", async () => {
    const owner = await newUser();
    const signedIn = await right(owner.username, office, at(1000));
    if (!signedIn.ok) throw new Error('sign-in failed');
    const copied = signedIn.sessionVersion;
    const other = await right(owner.username, '10.3.0.1', at(1000));
    expect(other).toMatchObject({ ok: true, sessionVersion: copied });
    expect(await loadSessionActor(owner.id, copied)).not.toBeNull();

    await recordSignOut(owner.id, copied);
    expect(await loadSessionActor(owner.id, copied)).toBeNull();
    const again = await right(owner.username, office, at(1001));
    if (!again.ok) throw new Error('sign-in failed');
    expect(again.sessionVersion).toBe(copied + 1);
    // The copied (void) token signing out again must not end the new session.
    await recordSignOut(owner.id, copied);
    expect(await loadSessionActor(owner.id, again.sessionVersion)).not.toBeNull();
    const signOuts = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'auth.sign_out'), eq(auditLog.entityId, String(owner.id))));
    expect(signOuts).toHaveLength(1);
  });
});
