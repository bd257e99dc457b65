import { describe, expect, it } from 'vitest';
import { addWorkingDays } from './working-days';

describe('addWorkingDays', () => {
  it('skips weekends', () => {
    expect(addWorkingDays('2018-03-16', 2)).toBe('2018-03-20'); // Friday → Tuesday
    expect(addWorkingDays('2018-03-12', 2)).toBe('2018-03-14'); // Monday → Wednesday
    expect(addWorkingDays('2018-03-17', 1)).toBe('2018-03-19'); // Saturday → Monday
    expect(addWorkingDays('2018-03-16', 0)).toBe('2018-03-16');
  });
});
