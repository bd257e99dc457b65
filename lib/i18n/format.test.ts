import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatNumber, formatPercent } from './format';

describe('formatDate', () => {
  it('writes the Chinese calendar date in zh-CN', () => {
    expect(formatDate(new Date('2018-03-15T09:00:00+08:00'), 'zh-CN')).toBe('2018年3月15日');
  });

  it('writes day, short month and year in en', () => {
    expect(formatDate(new Date('2018-03-15T09:00:00+08:00'), 'en')).toBe('15 Mar 2018');
    expect(formatDate(new Date('2018-09-05T09:00:00+08:00'), 'en')).toBe('5 Sep 2018');
  });

  it('uses Beijing time for instants, whatever the machine zone', () => {
    // 16:30 UTC on 14 March is already 15 March in Beijing.
    expect(formatDate('2018-03-14T16:30:00Z', 'zh-CN')).toBe('2018年3月15日');
    expect(formatDate(Date.UTC(2018, 2, 14, 16, 30), 'en')).toBe('15 Mar 2018');
  });

  it('never shifts a date-only value', () => {
    expect(formatDate('2018-03-15', 'zh-CN')).toBe('2018年3月15日');
    expect(formatDate('2018-12-31', 'en')).toBe('31 Dec 2018');
  });

  it('refuses something that is not a date', () => {
    expect(() => formatDate('not a date', 'en')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  it('adds a 24-hour Beijing time', () => {
    const at = '2018-03-15T06:05:00Z';
    expect(formatDateTime(at, 'zh-CN')).toBe('2018年3月15日 14:05');
    expect(formatDateTime(at, 'en')).toBe('15 Mar 2018, 14:05');
  });
});

describe('formatNumber', () => {
  it('groups digits', () => {
    expect(formatNumber(1234567, 'zh-CN')).toBe('1,234,567');
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
  });

  it('passes Intl options through', () => {
    expect(formatNumber(3, 'en', { minimumIntegerDigits: 2 })).toBe('03');
  });
});

describe('formatPercent', () => {
  it('turns a ratio into a percentage with at most one decimal', () => {
    expect(formatPercent(0.364, 'zh-CN')).toBe('36.4%');
    expect(formatPercent(0.5, 'en')).toBe('50%');
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('signs changes when asked', () => {
    expect(formatPercent(-0.36, 'zh-CN', { signed: true })).toBe('-36%');
    expect(formatPercent(0.05, 'en', { signed: true })).toBe('+5%');
    expect(formatPercent(0, 'en', { signed: true })).toBe('0%');
  });

  it('honours the number of decimals', () => {
    expect(formatPercent(0.12345, 'en', { maximumFractionDigits: 2 })).toBe('12.35%');
  });
});
