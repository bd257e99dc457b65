import { describe, expect, it } from 'vitest';
import { type ScoreInput, type ScoreWeights, defaultScoreWeights, departmentScore, rankByScore, sortByFigure } from './scoring';

const weights: ScoreWeights = defaultScoreWeights; // onTime 50, completion 30, attendance 20, overdue 30, returns 10
const figures: ScoreInput = { dueOrDone: 4, overdueNow: 1, dueOrDoneReturns: 2, onTimeRate: 0.5, completionRate: 0.75, attendanceRate: 1 };

describe('departmentScore', () => {
  it('weighs the rates, takes off the overdue and returned shares, and divides by the rates’ weights', () => {
    // 100 × (50·0.5 + 30·0.75 + 20·1 − 30·1/4 − 10·2/4) / 100 = 25 + 22.5 + 20 − 7.5 − 5
    expect(departmentScore(figures, weights)).toBe(55);
  });

  it('leaves a rate the department does not have out of the sum and the divisor', () => {
    // No conference: 100 × (25 + 22.5 − 7.5 − 5) / 80 = 43.75 → 43.8
    expect(departmentScore({ ...figures, attendanceRate: null }, weights)).toBe(43.8);
    // Nothing done or due yet: 100 × (22.5 + 20 − 7.5 − 5) / 50 = 60
    expect(departmentScore({ ...figures, onTimeRate: null }, weights)).toBe(60);
  });

  it('has no score without a task that is due or done, or without a weighted rate', () => {
    const nothing = { dueOrDone: 0, overdueNow: 0, dueOrDoneReturns: 0, onTimeRate: null, completionRate: null, attendanceRate: null };
    expect(departmentScore(nothing, weights)).toBeNull();
    // Only tasks not due yet (nothing weighs) and full attendance: no score, not 40.
    expect(departmentScore({ ...nothing, attendanceRate: 1 }, weights)).toBeNull();
    // Due or done, but every rate it has weighs nothing.
    expect(departmentScore({ ...nothing, dueOrDone: 1, completionRate: 1 }, { ...weights, onTime: 0, completion: 0, attendance: 0 })).toBeNull();
  });

  it('takes the rates and penalties over the tasks that weigh, not over every task assigned', () => {
    // 4 assigned, 2 of them not due yet: one completed on time, one overdue. The two not due yet
    // change nothing: 100 × (50·0.5 + 30·0.5 + 20·1 − 30·1/2) / 100 = 25 + 15 + 20 − 15 = 45.
    expect(departmentScore({ dueOrDone: 2, overdueNow: 1, dueOrDoneReturns: 0, onTimeRate: 0.5, completionRate: 0.5, attendanceRate: 1 }, weights)).toBe(45);
  });

  it('stays within 0–100 and rounds to one decimal', () => {
    expect(departmentScore({ ...figures, onTimeRate: 0, completionRate: 0, attendanceRate: 0, overdueNow: 4 }, weights)).toBe(0);
    expect(departmentScore({ dueOrDone: 3, overdueNow: 0, dueOrDoneReturns: 0, onTimeRate: 1, completionRate: 1, attendanceRate: 1 }, weights)).toBe(100);
    // 100 × (50·(1/3) + 30·(1/3)) / 80 = 33.33…
    expect(departmentScore({ dueOrDone: 3, overdueNow: 0, dueOrDoneReturns: 0, onTimeRate: 1 / 3, completionRate: 1 / 3, attendanceRate: null }, weights)).toBe(33.3);
  });

  it('follows the weights it is given', () => {
    const onTimeOnly = { onTime: 1, completion: 0, attendance: 0, overdue: 0, returns: 0 };
    expect(departmentScore(figures, onTimeOnly)).toBe(50);
    expect(departmentScore(figures, { ...onTimeOnly, returns: 1 })).toBe(0);
  });
});

describe('rankByScore', () => {
  const row = (name: string, score: number | null, onTimeRate: number | null = 0.5, overdueNow = 0) => ({ name, score, onTimeRate, overdueNow });

  it('ranks the highest score first, breaking ties by on-time rate, then fewer overdue tasks', () => {
    const ranked = rankByScore([row('a', 70), row('b', 80), row('c', 70, 0.9), row('d', 70, 0.5, 2), row('e', 90)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['e', 1],
      ['b', 2],
      ['c', 3],
      ['a', 4],
      ['d', 5],
    ]);
  });

  it('gives rows equal on all three the same rank, in the order they came in', () => {
    const ranked = rankByScore([row('a', 60), row('b', 80), row('c', 80), row('d', 50), row('e', 80, null)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['b', 1],
      ['c', 1],
      ['e', 3],
      ['a', 4],
      ['d', 5],
    ]);
  });

  it('puts rows without a score last, unranked, in the order they came in', () => {
    const ranked = rankByScore([row('x', null), row('a', 10), row('y', null)]);
    expect(ranked.map((r) => [r.name, r.rank])).toEqual([
      ['a', 1],
      ['x', null],
      ['y', null],
    ]);
    expect(rankByScore([])).toEqual([]);
  });
});

describe('sortByFigure', () => {
  const rows = [
    { name: 'a', rate: 0.5 },
    { name: 'b', rate: null },
    { name: 'c', rate: 0.9 },
    { name: 'd', rate: 0.5 },
    { name: 'e', rate: 0 },
  ];
  it('sorts either way, rows without the figure last, ties in the order given', () => {
    expect(sortByFigure(rows, (r) => r.rate, 'asc').map((r) => r.name)).toEqual(['e', 'a', 'd', 'c', 'b']);
    expect(sortByFigure(rows, (r) => r.rate, 'desc').map((r) => r.name)).toEqual(['c', 'a', 'd', 'e', 'b']);
  });
});
