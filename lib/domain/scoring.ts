/**
 * The ranking's score (排名通报), pure so that the page, the CSV, the supervision report and their
 * tests share one formula. The formula is shown on the ranking page and in the README:
 *
 *   score = 100 × ( wOnTime·onTimeRate + wCompletion·completionRate + wAttendance·attendanceRate
 *                   − wOverdue·(overdueNow ÷ dueOrDone) − wReturns·(dueOrDoneReturns ÷ dueOrDone) )
 *                 ÷ ( wOnTime + wCompletion + wAttendance )
 *
 * - Only tasks that are due weigh: completed ones, and those past their due date. A task still open
 *   before its due date is "not due yet" (未到期) and counts neither for nor against anyone, so a
 *   quarter that has just begun does not rank departments by work they cannot have finished.
 * - Both task rates are taken over the tasks that weigh (dueOrDone): on time ÷ dueOrDone and
 *   completed ÷ dueOrDone. A rate a department does not have is left out of both the sum and the
 *   divisor, so it neither helps nor hurts: the task rates when nothing is due yet, the attendance
 *   rate when it was invited to no conference held in the period.
 * - Penalties are shares of the tasks that weigh: overdue now ÷ dueOrDone (0–1) and their returns ÷
 *   dueOrDone (a task returned twice counts twice).
 * - The result is kept within 0–100 and rounded to one decimal. A department with no task that
 *   weighs has no score and no rank (attendance alone would put it above every department that
 *   worked); neither has one whose rates all weigh 0.
 */

export const scoreWeightKeys = ['onTime', 'completion', 'attendance', 'overdue', 'returns'] as const;
export type ScoreWeightKey = (typeof scoreWeightKeys)[number];
export type ScoreWeights = Record<ScoreWeightKey, number>;

/** The rates that add to the score; their weights also make the divisor. */
export const rewardWeightKeys = ['onTime', 'completion', 'attendance'] as const satisfies readonly ScoreWeightKey[];
/** The shares that are taken off. */
export const penaltyWeightKeys = ['overdue', 'returns'] as const satisfies readonly ScoreWeightKey[];

/** Punctuality counts most, then getting work done at all, then turning up to the conferences. */
export const defaultScoreWeights: ScoreWeights = { onTime: 50, completion: 30, attendance: 20, overdue: 30, returns: 10 };

export const maxScoreWeight = 100;

export interface ScoreInput {
  /** Tasks that weigh: completed, or past their due date. */
  dueOrDone: number;
  overdueNow: number;
  /** Returns of the tasks that weigh. */
  dueOrDoneReturns: number;
  /** 0–1 over dueOrDone, null when nothing is due or done. */
  onTimeRate: number | null;
  /** 0–1 over dueOrDone, null when nothing is due or done. */
  completionRate: number | null;
  /** 0–1, null when not invited to a held conference. */
  attendanceRate: number | null;
}

/** A department's score, 0–100 with one decimal, or null when it has no weighted rate. */
export function departmentScore(figures: ScoreInput, weights: ScoreWeights): number | null {
  if (figures.dueOrDone === 0) return null;
  const rates: Record<(typeof rewardWeightKeys)[number], number | null> = {
    onTime: figures.onTimeRate,
    completion: figures.completionRate,
    attendance: figures.attendanceRate,
  };
  let reward = 0;
  let divisor = 0;
  for (const key of rewardWeightKeys) {
    const rate = rates[key];
    if (rate === null) continue;
    reward += weights[key] * rate;
    divisor += weights[key];
  }
  if (divisor <= 0) return null;
  const penalty = (weights.overdue * figures.overdueNow + weights.returns * figures.dueOrDoneReturns) / figures.dueOrDone;
  const score = (100 * (reward - penalty)) / divisor;
  return Math.round(Math.min(100, Math.max(0, score)) * 10) / 10;
}

export interface Rankable {
  score: number | null;
  onTimeRate: number | null;
  overdueNow: number;
}

/** Higher score first; on a tie the higher on-time rate (none counts lowest), then fewer overdue tasks. */
function compareRanked(a: Rankable, b: Rankable): number {
  return (b.score ?? 0) - (a.score ?? 0) || (b.onTimeRate ?? -1) - (a.onTimeRate ?? -1) || a.overdueNow - b.overdueNow;
}

/**
 * Ranks rows given in department order (the order of the department list). Rank 1 is the best.
 * Rows equal on score, on-time rate and overdue tasks share a rank (1, 2, 2, 4) and keep their
 * department order; rows without a score have no rank and come last, in department order.
 */
export function rankByScore<T extends Rankable>(rows: readonly T[]): (T & { rank: number | null })[] {
  // Array.prototype.sort is stable: ties keep the department order the rows came in.
  const scored = rows.filter((r) => r.score !== null).sort(compareRanked);
  const ranked = scored.map((row, i) => ({ row, rank: i + 1 }));
  for (let i = 1; i < ranked.length; i++) {
    if (compareRanked(ranked[i - 1]!.row, ranked[i]!.row) === 0) ranked[i]!.rank = ranked[i - 1]!.rank;
  }
  return [...ranked.map(({ row, rank }) => ({ ...row, rank })), ...rows.filter((r) => r.score === null).map((row) => ({ ...row, rank: null }))];
}

/**
 * Rows ordered by one figure, rows without it (null) last either way; ties keep the order the rows
 * came in (the ranking's), so equal figures stay in rank order.
 */
export function sortByFigure<T>(rows: readonly T[], figure: (row: T) => number | null, dir: 'asc' | 'desc'): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return rows
    .map((row, i) => ({ row, i, value: figure(row) }))
    .sort((a, b) => {
      if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || a.i - b.i;
      return sign * (a.value - b.value) || a.i - b.i;
    })
    .map(({ row }) => row);
}
