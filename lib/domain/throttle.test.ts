import { describe, expect, it } from 'vitest';
import { lockedUntil, signInThrottle } from './throttle';

const rule = signInThrottle.perUsername;
const t0 = new Date('2026-03-01T09:00:00Z').getTime();
const at = (minutes: number) => new Date(t0 + minutes * 60_000);

describe('lockedUntil', () => {
  it('does not lock below the limit', () => {
    expect(lockedUntil([at(0), at(1), at(2), at(3)], rule, at(4))).toBeNull();
  });

  it('locks for 15 minutes after the fifth failure within 15 minutes', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4)];
    expect(lockedUntil(failures, rule, at(5))).toEqual(at(19));
    expect(lockedUntil(failures, rule, at(18.9))).toEqual(at(19));
    expect(lockedUntil(failures, rule, at(19))).toBeNull();
  });

  it('does not count failures spread wider than the window', () => {
    expect(lockedUntil([at(0), at(5), at(10), at(15), at(20)], rule, at(21))).toBeNull();
  });

  it('starts counting afresh after a lock ends', () => {
    const failures = [at(0), at(1), at(2), at(3), at(4), at(20)];
    expect(lockedUntil(failures, rule, at(20.5))).toBeNull();
  });

  it('applies the wider per-address limit', () => {
    const failures = Array.from({ length: 19 }, (_, i) => at(i * 0.5));
    expect(lockedUntil(failures, signInThrottle.perIp, at(10))).toBeNull();
    expect(lockedUntil([...failures, at(10)], signInThrottle.perIp, at(10))).toEqual(at(25));
  });
});
