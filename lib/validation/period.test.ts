import { describe, expect, it } from 'vitest';
import { quartersIn } from '@/lib/domain/period';
import { periodFromParams } from './period';

const now = new Date('2026-11-28T10:00:00+08:00');

describe('periodFromParams', () => {
  it('defaults to the current quarter in the city', () => {
    expect(periodFromParams({}, now)).toEqual({ period: { kind: 'quarter', year: 2026, quarter: 4, from: '2026-10-01', to: '2026-12-31' }, param: '2026-Q4' });
  });

  it('reads a quarter, a year and a range', () => {
    expect(periodFromParams({ period: '2018-Q1' }, now).period).toMatchObject({ from: '2018-01-01', to: '2018-03-31' });
    expect(periodFromParams({ period: '2024' }, now).period).toEqual({ kind: 'year', year: 2024, from: '2024-01-01', to: '2024-12-31' });
    expect(periodFromParams({ from: '2026-02-01', to: '2026-02-28' }, now)).toMatchObject({ period: { kind: 'range' }, param: '2026-02-01..2026-02-28' });
    expect(periodFromParams(new URLSearchParams('period=2026-02-01..2026-02-28'), now).period).toMatchObject({ from: '2026-02-01', to: '2026-02-28' });
  });

  it('names the problem and falls back to the current quarter', () => {
    expect(periodFromParams({ from: '2026-03-01', to: '2026-02-01' }, now)).toMatchObject({ param: '2026-Q4', error: { key: 'periodEndBeforeStart' } });
    expect(periodFromParams({ period: '2026-Q5' }, now).error).toEqual({ key: 'periodInvalid' });
    expect(periodFromParams({ period: '1066' }, now).error).toEqual({ key: 'periodInvalid' });
    expect(periodFromParams({ from: '2026-02-30', to: '2026-03-01' }, now).error).toBeDefined();
    expect(periodFromParams({ from: '2026-02-01' }, now).error).toEqual({ key: 'required' });
    expect(periodFromParams({ from: '2000-01-01', to: '2026-01-01' }, now).error).toEqual({ key: 'periodTooLong' });
  });
});

describe('quartersIn', () => {
  it('lists the quarters a period touches, across a year end', () => {
    expect(quartersIn({ from: '2025-11-15', to: '2026-04-01' })).toEqual([
      { year: 2025, quarter: 4 },
      { year: 2026, quarter: 1 },
      { year: 2026, quarter: 2 },
    ]);
  });
});
