import { z } from 'zod';
import { departmentKind } from '@/db/schema/enums';
import { type ScoreWeights, maxScoreWeight, rewardWeightKeys, scoreWeightKeys } from '@/lib/domain/scoring';
import { defineList, enumFilter } from './list-query';

/** A weight as typed (or a number): empty is missing, not 0; decimals allowed. */
const weight = z.preprocess(
  (v) => (typeof v === 'number' ? String(v) : typeof v === 'string' ? v.trim() : v),
  z
    .string()
    .min(1)
    .regex(/^(-?\d{1,6}(\.\d{1,4})?)?$/, 'invalidFormat')
    .transform(Number)
    .pipe(z.number().min(0).max(maxScoreWeight)),
);

/**
 * The ranking's weights (lib/domain/scoring.ts): each 0–100; at least one of the rates that add
 * to the score must weigh something, or no department would have a score. Messages are keys under
 * `validation.`; the rates' shared error is on `rewards`.
 */
export const scoreWeightsSchema = z
  .object(Object.fromEntries(scoreWeightKeys.map((key) => [key, weight])) as Record<keyof ScoreWeights, typeof weight>)
  .refine((w) => rewardWeightKeys.some((key) => (w[key] as number) > 0), { message: 'scoreWeightsNoReward', path: ['rewards'] });

export type ScoreWeightsInput = z.input<typeof scoreWeightsSchema>;

/** The save's stamp as the form saw it: empty when the defaults were shown (nothing saved yet). */
export const weightsStampSchema = z.preprocess((v) => (v === '' || v === undefined ? null : v), z.coerce.date().nullable());

/** The ranking's figure columns, in the table's and the CSV's order; each is a sort id. */
export const rankingFigureColumns = [
  'score',
  'assigned',
  'notDueYet',
  'completed',
  'completedOnTime',
  'completedLate',
  'onTimeRate',
  'completionRate',
  'overdueNow',
  'avgDaysToAcknowledge',
  'avgDaysToComplete',
  'returns',
  'extensionsRequested',
  'extensionsApproved',
  'invited',
  'present',
  'attendanceRate',
] as const;
export type RankingFigure = (typeof rankingFigureColumns)[number];

/**
 * The ranking page's URL (and its CSV's): sorted by rank unless a figure is chosen, searched by
 * department name, narrowed to a kind of department. The period (`period`, `from`, `to`) is read
 * by periodFromParams beside it.
 */
export const rankingQuery = defineList({
  sort: ['rank', ...rankingFigureColumns],
  defaultSort: 'rank',
  defaultDir: 'asc',
  hideable: ['completed', 'completedLate', 'completionRate', 'avgDaysToAcknowledge', 'avgDaysToComplete', 'extensionsRequested', 'extensionsApproved', 'invited', 'present'],
  filters: { kind: enumFilter(departmentKind.enumValues) },
});
