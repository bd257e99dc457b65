import { describe, expect, it } from 'vitest';
import { quarterPeriod, rangePeriod, yearPeriod } from '@/lib/domain/period';
import { periodLabel } from './period-label';

describe('periodLabel', () => {
  it('names quarters, years and ranges in each language', () => {
    expect(periodLabel(quarterPeriod(2026, 4), 'zh-CN')).toBe('2026年第4季度');
    expect(periodLabel(quarterPeriod(2026, 4), 'en')).toBe('Q4 2026');
    expect(periodLabel(yearPeriod(2026), 'zh-CN')).toBe('2026年');
    expect(periodLabel(yearPeriod(2026), 'en')).toBe('2026');
    expect(periodLabel(rangePeriod('2026-01-05', '2026-02-10'), 'zh-CN')).toBe('2026年1月5日至2026年2月10日');
    expect(periodLabel(rangePeriod('2026-01-05', '2026-02-10'), 'en')).toBe('5 Jan 2026 to 10 Feb 2026');
  });
});
