import 'server-only';
import { and, gte, lt, ne, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { type Period, currentQuarter, earlierPeriod, periodParam } from '@/lib/domain/period';
import { cityDate } from '@/lib/domain/quarters';
import { dayAfter, dayStart } from '@/lib/validation/list-query';
import { assertCan, departmentScope } from './guard';
import { dueOrDoneSql } from './task-light-sql';
import type { FieldMessage } from '@/lib/validation/common';
import { periodFromParams } from '@/lib/validation/period';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export interface ReportPeriod {
  period: Period;
  param: string;
  /** Why the address's period was refused (the current quarter is shown instead). */
  error?: FieldMessage;
  /** No period was asked for and nothing in the current quarter is due or done yet: the one before is shown. */
  fellBackFrom?: Period;
}

/**
 * The period of an oversight page (dashboard, ranking, supervision report): the address's, or by
 * default the current quarter — or the one before while nothing visible in it is due or done yet, so
 * that the pages do not open empty, or on scores of work nobody could have finished, for the first
 * weeks of every quarter.
 */
export async function reportPeriod(actor: Actor, params: Params, now: Date = new Date()): Promise<ReportPeriod> {
  const chosen = periodFromParams(params, now);
  const value = (key: string) => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  if (['period', 'from', 'to'].some((key) => value(key))) return chosen;
  const fallback = await defaultReportPeriod(actor, now);
  return { period: fallback.period, param: periodParam(fallback.period), fellBackFrom: fallback.fellBack ? chosen.period : undefined };
}

/**
 * The period the oversight pages open on: the current quarter, or the quarter before while none of
 * the current quarter's tasks the actor may see weighs yet: none is completed or past its due date
 * (lib/domain/scoring.ts), as when its conference is still ahead or has just assigned its work.
 */
export async function defaultReportPeriod(actor: Actor, now: Date = new Date()): Promise<{ period: Period; fellBack: boolean }> {
  assertCan(actor, 'report.read');
  const current = currentQuarter(now);
  const db = await getDb();
  const [any] = await db
    .select({ one: sql`1` })
    .from(tasks)
    .where(
      and(
        departmentScope(actor, 'report.read', tasks.departmentId),
        gte(tasks.assignedAt, dayStart(current.from)),
        lt(tasks.assignedAt, dayAfter(current.to)),
        ne(tasks.status, 'cancelled'),
        dueOrDoneSql(cityDate(now)),
      ),
    )
    .limit(1);
  if (any || current.kind !== 'quarter') return { period: current, fellBack: false };
  return { period: earlierPeriod(current)!, fellBack: true };
}
