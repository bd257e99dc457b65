import { departmentKind } from '@/db/schema/enums';
import { type ScorecardRow, scorecardRanking } from '@/lib/data/scorecards';
import { currentQuarter, periodParam } from '@/lib/domain/period';
import { scoreWeightKeys } from '@/lib/domain/scoring';
import { parseInput } from '@/lib/validation/common';
import { periodSchema } from '@/lib/validation/period';
import { defineOperation } from '../operation';
import { cursorParam, isoDate, limitParam } from '../schemas';
import { described, z } from '../zod';
import { pageOfRows } from './conferences';

const rate = (description: string) => z.number().min(0).max(1).nullable().openapi({ description });
const count = z.number().int();

export const rankingRowSchema = z
  .object({
    rank: z.number().int().nullable().openapi({ description: '1 = best among all departments (also when the token\'s user sees only their own row); null without a score.' }),
    score: z.number().nullable().openapi({ description: '0–100 with one decimal; null when no task of the period is completed or past its due date (only tasks not due yet, or none).' }),
    departmentId: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    kind: z.enum(departmentKind.enumValues),
    assigned: count.openapi({ description: 'Tasks assigned in the period (not cancelled).' }),
    completed: count,
    completedOnTime: count,
    completedLate: count,
    open: count,
    overdueNow: count,
    dueOrDone: count.openapi({ description: 'Completed, or past their due date: the tasks that weigh, and what the rates are taken over.' }),
    notDueYet: count.openapi({ description: 'Open and not past their due date (未到期): assigned − dueOrDone. They weigh nothing in the score.' }),
    returns: count,
    extensionsRequested: count,
    extensionsApproved: count,
    avgDaysToAcknowledge: z.number().nullable(),
    avgDaysToComplete: z.number().nullable(),
    onTimeRate: rate('0–1; null when nothing was due or done yet.'),
    completionRate: rate('Completed ÷ dueOrDone, 0–1; null when nothing was due or done yet. (Before 2026-12 it was completed ÷ assigned, which counted work not due yet against a department.)'),
    attendanceRate: rate('Present ÷ invited over the conferences held in the period; null when invited to none.'),
    invited: count,
    present: count,
  })
  .strict()
  .openapi('DepartmentRankingRow');

const toApiRow = (r: ScorecardRow): z.infer<typeof rankingRowSchema> => ({
  rank: r.rank,
  score: r.score,
  departmentId: r.departmentId,
  name: r.name,
  nameEn: r.nameEn,
  kind: r.kind,
  assigned: r.assigned,
  completed: r.completed,
  completedOnTime: r.completedOnTime,
  completedLate: r.completedLate,
  open: r.open,
  overdueNow: r.overdueNow,
  dueOrDone: r.dueOrDone,
  notDueYet: r.notDueYet,
  returns: r.returns,
  extensionsRequested: r.extensionsRequested,
  extensionsApproved: r.extensionsApproved,
  avgDaysToAcknowledge: r.avgDaysToAcknowledge,
  avgDaysToComplete: r.avgDaysToComplete,
  onTimeRate: r.onTimeRate,
  completionRate: r.completionRate,
  attendanceRate: r.attendanceRate,
  invited: r.invited,
  present: r.present,
});

const periodFields = periodSchema.in.shape;

export const departmentRankingOperation = defineOperation({
  method: 'get',
  path: '/reports/departments',
  operationId: 'departmentRanking',
  summary: 'Department ranking (排名通报)',
  description:
    'Every department\'s follow-up figures for a period and its score and rank, best first, as on the ranking page: tasks assigned in the period, conferences held in it. ' +
    'The period is `period` (`2019-Q1`, `2019` or `2019-01-01..2019-06-30`) or `from` and `to`; the current quarter when neither is given. ' +
    'A department head gets their own department\'s row, with its rank among all.',
  tags: ['Reports'],
  query: z
    .object({
      limit: limitParam,
      cursor: cursorParam,
      period: described(periodFields.period, { param: { description: 'A quarter (`2019-Q1`), a year (`2019`) or a range of days (`2019-01-01..2019-06-30`).' }, example: '2019-Q1' }),
      from: described(periodFields.from, { param: { description: 'First day (with `to`), `YYYY-MM-DD`.' } }),
      to: described(periodFields.to, { param: { description: 'Last day (with `from`), `YYYY-MM-DD`.' } }),
    })
    .strict(),
  response: {
    status: 200,
    description: 'A page of the ranking.',
    schema: z
      .object({
        period: z.object({ name: z.string().openapi({ description: 'The period as `period` names it, e.g. `2019-Q1`.' }), from: isoDate, to: isoDate }).strict(),
        ranked: z.number().int().openapi({ description: 'How many departments have a rank.' }),
        weights: z.object(Object.fromEntries(scoreWeightKeys.map((k) => [k, z.number()])) as Record<(typeof scoreWeightKeys)[number], z.ZodNumber>).strict().openapi({
          description: 'The score\'s weights: score = 100 × (onTime·onTimeRate + completion·completionRate + attendance·attendanceRate − overdue·overdueNow/dueOrDone − returns·(returns of those tasks)/dueOrDone) ÷ (onTime + completion + attendance).',
        }),
        data: z.array(rankingRowSchema),
        nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
      })
      .strict()
      .openapi('DepartmentRanking'),
  },
  handler: async ({ actor, query }) => {
    const period = parseInput(periodSchema, { period: query.period, from: query.from, to: query.to }) ?? currentQuarter();
    const ranking = await scorecardRanking(actor, period);
    const rows = ranking.rows.map(toApiRow);
    return { period: { name: periodParam(period), from: period.from, to: period.to }, ranked: ranking.ranked, weights: ranking.weights, ...(await pageOfRows(rows, query)) };
  },
});
