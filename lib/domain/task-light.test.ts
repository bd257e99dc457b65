import { describe, expect, it } from 'vitest';
import { isOverdue, trafficLight } from './task-light';

const base = { status: 'in_progress' as const, dueDate: '2026-06-30', acknowledgeBy: '2026-04-03', assignedDate: '2026-04-01', progress: 50 };

describe('isOverdue', () => {
  it('is true only for working tasks past their due date', () => {
    expect(isOverdue(base, '2026-07-01')).toBe(true);
    expect(isOverdue(base, '2026-06-30')).toBe(false);
    expect(isOverdue({ ...base, status: 'submitted' }, '2026-07-01')).toBe(false);
    expect(isOverdue({ ...base, status: 'completed' }, '2026-07-01')).toBe(false);
    expect(isOverdue({ ...base, status: 'assigned' }, '2026-07-01')).toBe(true);
  });
});

describe('trafficLight', () => {
  it('is red when overdue', () => {
    expect(trafficLight(base, '2026-07-01')).toBe('red');
  });

  it('is red when not acknowledged by the acknowledge-by date', () => {
    expect(trafficLight({ ...base, status: 'assigned', progress: 0 }, '2026-04-04')).toBe('red');
    expect(trafficLight({ ...base, status: 'assigned', progress: 0 }, '2026-04-03')).toBe('green');
  });

  it('is yellow when due within three days', () => {
    expect(trafficLight({ ...base, progress: 95 }, '2026-06-27')).toBe('yellow');
    expect(trafficLight({ ...base, progress: 95 }, '2026-06-26')).toBe('green');
  });

  it('is yellow when progress trails the time used by more than the margin', () => {
    // 45 of 90 days used (50 %): 20 % done lags by 30 points, 30 % done by 20.
    expect(trafficLight({ ...base, progress: 20 }, '2026-05-16')).toBe('yellow');
    expect(trafficLight({ ...base, progress: 30 }, '2026-05-16')).toBe('green');
  });

  it('is green for submitted work and absent for closed tasks', () => {
    expect(trafficLight({ ...base, status: 'submitted' }, '2026-08-01')).toBe('green');
    expect(trafficLight({ ...base, status: 'completed' }, '2026-08-01')).toBeNull();
    expect(trafficLight({ ...base, status: 'cancelled' }, '2026-08-01')).toBeNull();
  });

  it('follows configured settings', () => {
    expect(trafficLight({ ...base, progress: 95 }, '2026-06-20', { dueSoonDays: 10, lagMarginPercent: 25 })).toBe('yellow');
    expect(trafficLight({ ...base, progress: 20 }, '2026-05-16', { dueSoonDays: 3, lagMarginPercent: 40 })).toBe('green');
  });
});
