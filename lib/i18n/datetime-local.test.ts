import { describe, expect, it } from 'vitest';
import { fromCityDateTimeLocal, toCityDateTimeLocal } from './datetime-local';

describe('datetime-local in Beijing time', () => {
  it('shows an instant as Beijing wall-clock time', () => {
    expect(toCityDateTimeLocal(new Date('2027-03-19T01:00:00Z'))).toBe('2027-03-19T09:00');
    // Late UTC evening is already the next day in Beijing.
    expect(toCityDateTimeLocal('2027-12-31T16:30:00Z')).toBe('2028-01-01T00:30');
    expect(toCityDateTimeLocal('not a date')).toBe('');
  });

  it('reads a local value as +08:00', () => {
    expect(fromCityDateTimeLocal('2027-03-19T09:00')).toBe('2027-03-19T09:00:00+08:00');
    expect(new Date(fromCityDateTimeLocal('2027-03-19T09:00:30')!).toISOString()).toBe('2027-03-19T01:00:30.000Z');
  });

  it('round-trips', () => {
    const local = '2018-03-15T14:30';
    expect(toCityDateTimeLocal(new Date(fromCityDateTimeLocal(local)!))).toBe(local);
  });

  it('leaves empty and malformed values to the schema', () => {
    expect(fromCityDateTimeLocal(undefined)).toBeUndefined();
    expect(fromCityDateTimeLocal('')).toBe('');
    expect(fromCityDateTimeLocal('tomorrow')).toBe('tomorrow');
  });
});
