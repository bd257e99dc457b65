import { describe, expect, it } from 'vitest';
import { type SignInAttempt, longestAccountWait, signInThrottle, signInWait, unresolvedFailures, waitAfter, waitSeconds, waitUntil } from './throttle';

const t0 = new Date('2026-03-01T09:00:00Z').getTime();
const at = (seconds: number) => new Date(t0 + seconds * 1000);
const fail = (account: string, source: string | null, seconds: number): SignInAttempt => ({ account, source, succeeded: false, at: at(seconds) });
const ok = (account: string, source: string | null, seconds: number): SignInAttempt => ({ account, source, succeeded: true, at: at(seconds) });
const failures = (n: number, account: string, source: (i: number) => string, every = 1) => Array.from({ length: n }, (_, i) => fail(account, source(i), i * every));

describe('waitAfter', () => {
  it('costs nothing for the free failures, then doubles from the first wait up to the cap', () => {
    const rule = signInThrottle.accountFromSource;
    expect([1, 2, 3].map((n) => waitAfter(n, rule))).toEqual([0, 0, 0]);
    expect([4, 5, 6, 7].map((n) => waitAfter(n, rule) / 1000)).toEqual([5, 10, 20, 40]);
    expect(waitAfter(12, rule)).toBe(15 * 60_000);
    expect(waitAfter(10_000, rule)).toBe(15 * 60_000);
  });

  it('caps the account-wide wait at a minute', () => {
    expect(waitAfter(50, signInThrottle.account)).toBe(0);
    expect(waitAfter(51, signInThrottle.account)).toBe(1000);
    expect(waitAfter(500, signInThrottle.account)).toBe(60_000);
  });
});

describe('waitUntil', () => {
  const rule = signInThrottle.accountFromSource;

  it('counts the wait from the last failure and ends it on time', () => {
    const four = [at(0), at(1), at(2), at(3)];
    expect(waitUntil(four.slice(0, 3), rule, at(3))).toBeNull();
    expect(waitUntil(four, rule, at(4))).toEqual(at(8));
    expect(waitUntil(four, rule, at(7.9))).toEqual(at(8));
    expect(waitUntil(four, rule, at(8))).toBeNull();
    expect(waitUntil([...four, at(8)], rule, at(8))).toEqual(at(18));
  });

  it('forgets failures older than a day', () => {
    const old = [at(0), at(1), at(2), at(3), at(4), at(5)];
    expect(waitUntil([...old, at(86_410)], rule, at(86_410))).toBeNull();
  });
});

describe('unresolvedFailures', () => {
  it('forgives failures that the same account put right from the same source, and nothing else', () => {
    const attempts = [fail('wei', 'A', 0), fail('wei', 'A', 1), ok('wei', 'A', 2), fail('wei', 'A', 3), fail('wei', 'B', 1), fail('li', 'A', 1)];
    expect(unresolvedFailures(attempts)).toEqual([at(3), at(1), at(1)]);
  });
});

describe('signInWait', () => {
  it('slows the source that guesses one account, and leaves the owner on a clean source alone', () => {
    const accountAttempts = failures(10, 'wei', () => '198.51.100.66');
    const attacker = signInWait({ account: 'wei', source: '198.51.100.66', accountAttempts, sourceAttempts: accountAttempts }, at(10));
    expect(attacker).toEqual({ key: 'accountFromSource', until: at(9 + 5 * 2 ** 6) });
    expect(signInWait({ account: 'wei', source: '203.0.113.7', accountAttempts, sourceAttempts: [] }, at(10))).toBeNull();
  });

  it('slows a source that tries many accounts, on every account, even one it never tried', () => {
    const sourceAttempts = Array.from({ length: 21 }, (_, i) => fail(`user-${i}`, '198.51.100.66', i));
    expect(signInWait({ account: 'wei', source: '198.51.100.66', accountAttempts: [], sourceAttempts }, at(21))).toEqual({ key: 'source', until: at(25) });
    // Colleagues behind one address who mistype and then sign in do not add up.
    const office = Array.from({ length: 30 }, (_, i) => [fail(`user-${i}`, '192.0.2.1', i), ok(`user-${i}`, '192.0.2.1', i + 0.5)]).flat();
    expect(signInWait({ account: 'wei', source: '192.0.2.1', accountAttempts: [], sourceAttempts: office }, at(31))).toBeNull();
  });

  it('slows an account tried from many sources a little, for everyone, and no more than a minute', () => {
    const accountAttempts = failures(200, 'wei', (i) => `198.51.100.${i}`, 0.01);
    const wait = signInWait({ account: 'wei', source: '203.0.113.7', accountAttempts, sourceAttempts: [] }, at(2));
    expect(wait?.key).toBe('account');
    expect(wait!.until.getTime() - at(1.99).getTime()).toBe(60_000);
    // Below the account-wide threshold, a clean source does not wait at all.
    expect(signInWait({ account: 'wei', source: '203.0.113.7', accountAttempts: accountAttempts.slice(0, 50), sourceAttempts: [] }, at(2))).toBeNull();
  });

  it('does not let the owner signing in reset the account-wide count', () => {
    const accountAttempts = [...failures(52, 'wei', (i) => `198.51.100.${i}`, 0.01), ok('wei', '203.0.113.7', 0.6)];
    expect(signInWait({ account: 'wei', source: '203.0.113.9', accountAttempts, sourceAttempts: [] }, at(0.7))?.key).toBe('account');
  });

  it('clears the owner’s own typos once they sign in from that source', () => {
    const accountAttempts = [...failures(5, 'wei', () => '203.0.113.7'), ok('wei', '203.0.113.7', 100)];
    expect(signInWait({ account: 'wei', source: '203.0.113.7', accountAttempts, sourceAttempts: accountAttempts }, at(101))).toBeNull();
  });
});

describe('longestAccountWait', () => {
  it('is the longest wait any source of the account has', () => {
    const attempts = [...failures(4, 'wei', () => 'A'), ...failures(6, 'wei', () => 'B')];
    expect(longestAccountWait(attempts, at(6))).toEqual(at(5 + 20));
    expect(longestAccountWait(failures(2, 'wei', () => 'A'), at(6))).toBeNull();
  });
});

describe('waitSeconds', () => {
  it('rounds up and is never zero', () => {
    expect(waitSeconds(at(10), at(0.5))).toBe(10);
    expect(waitSeconds(at(1), at(0.999))).toBe(1);
  });
});
