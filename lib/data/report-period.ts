import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { type Period, periodParam } from '@/lib/domain/period';
import type { FieldMessage } from '@/lib/validation/common';
import { periodFromParams } from '@/lib/validation/period';
import { dashboardDefaultPeriod } from './dashboard';

type Params = URLSearchParams | Record<string, string | string[] | undefined>;

export interface ReportPeriod {
  period: Period;
  param: string;
  /** Why the address's period was refused (the current quarter is shown instead). */
  error?: FieldMessage;
  /** No period was asked for and nothing is assigned in the current quarter yet: the one before is shown. */
  fellBackFrom?: Period;
}

/**
 * The period of an oversight page (dashboard, ranking, supervision report): the address's, or by
 * default the current quarter — or the one before while nothing visible is assigned in it yet, so
 * that the pages do not open empty for the first weeks of every quarter.
 */
export async function reportPeriod(actor: Actor, params: Params, now: Date = new Date()): Promise<ReportPeriod> {
  const chosen = periodFromParams(params, now);
  const value = (key: string) => (params instanceof URLSearchParams ? params.get(key) : params[key]);
  if (['period', 'from', 'to'].some((key) => value(key))) return chosen;
  const fallback = await dashboardDefaultPeriod(actor, now);
  return { period: fallback.period, param: periodParam(fallback.period), fellBackFrom: fallback.fellBack ? chosen.period : undefined };
}
