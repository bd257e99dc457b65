import { describe, expect, it } from 'vitest';
import { cityDate, proposedQuarterlyTimes, quarterMatchesDate, quarterOfDate, quarterRange } from './quarters';

describe('quarters', () => {
  it('reads dates in the city time zone', () => {
    // 23:30 UTC on 31 March is already 1 April in Dalian.
    expect(cityDate(new Date('2018-03-31T23:30:00Z'))).toBe('2018-04-01');
    expect(quarterOfDate(new Date('2018-03-31T23:30:00Z'))).toEqual({ year: 2018, quarter: 2 });
    expect(quarterOfDate(new Date('2018-03-16T10:30:00+08:00'))).toEqual({ year: 2018, quarter: 1 });
  });

  it('gives each quarter its first and last day, leap years included', () => {
    expect(quarterRange(2024, 1)).toEqual({ first: '2024-01-01', last: '2024-03-31' });
    expect(quarterRange(2024, 4)).toEqual({ first: '2024-10-01', last: '2024-12-31' });
    expect(quarterRange(2019, 2)).toEqual({ first: '2019-04-01', last: '2019-06-30' });
  });

  it('proposes the third Friday of the last month of the quarter by default', () => {
    expect(cityDate(proposedQuarterlyTimes(2018, 1).startsAt)).toBe('2018-03-16');
    expect(proposedQuarterlyTimes(2019, 2).startsAt.toISOString()).toBe('2019-06-21T01:00:00.000Z');
    const { startsAt, endsAt } = proposedQuarterlyTimes(2019, 4);
    expect(endsAt.getTime() - startsAt.getTime()).toBe(120 * 60_000);
  });

  it('follows a configured rule, including the last weekday of a month', () => {
    const rule = { monthOfQuarter: 1, weekday: 1, nth: -1, startTime: '14:30', durationMinutes: 90 } as const;
    expect(proposedQuarterlyTimes(2019, 1, rule).startsAt.toISOString()).toBe('2019-01-28T06:30:00.000Z');
    const first = { ...rule, nth: 1 } as const;
    expect(cityDate(proposedQuarterlyTimes(2019, 3, first).startsAt)).toBe('2019-07-01');
  });

  it('checks that a date lies in the stated quarter', () => {
    expect(quarterMatchesDate(2019, 1, new Date('2019-03-31T15:00:00Z'))).toBe(true);
    expect(quarterMatchesDate(2019, 1, new Date('2019-03-31T16:00:00Z'))).toBe(false);
    expect(quarterMatchesDate(2019, 2, new Date('2018-05-01T02:00:00Z'))).toBe(false);
  });
});
