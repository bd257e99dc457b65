import { z } from 'zod';
import { type Period, currentQuarter, periodParam, quarterPeriod, rangePeriod, yearPeriod } from '@/lib/domain/period';
import type { Quarter } from '@/lib/domain/quarters';
import { type FieldMessage, storableString } from './common';

const isoDate = z.iso.date();
const year = z.coerce.number().int().min(2000).max(2100);

/** The longest custom range a report covers; longer ranges belong to several yearly reports. */
export const maxPeriodDays = 366 * 10;

/**
 * `?period=` as it stands in the URL or an API query: `2026-Q3`, `2026`, or `from..to`
 * (also accepted as separate `from` and `to`). Messages are keys under `validation.`.
 */
export const periodSchema = z
  .object({
    period: storableString().trim().max(40).optional(),
    from: isoDate.optional(),
    to: isoDate.optional(),
  })
  .transform((input, ctx): Period | undefined => {
    const fail = (message: string, path: string) => {
      ctx.addIssue({ code: 'custom', message, path: [path] });
      return z.NEVER;
    };
    let [from, to] = [input.from, input.to];
    const p = input.period;
    if (p && !from && !to) {
      const quarter = /^(\d{4})-?Q([1-4])$/i.exec(p);
      if (quarter) {
        const y = year.safeParse(quarter[1]);
        return y.success ? quarterPeriod(y.data, Number(quarter[2]) as Quarter) : fail('periodInvalid', 'period');
      }
      if (/^\d{4}$/.test(p)) {
        const y = year.safeParse(p);
        return y.success ? yearPeriod(y.data) : fail('periodInvalid', 'period');
      }
      const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(p);
      if (!range) return fail('periodInvalid', 'period');
      [from, to] = [range[1], range[2]];
      if (!isoDate.safeParse(from).success || !isoDate.safeParse(to).success) return fail('periodInvalid', 'period');
    }
    if (!from && !to) return undefined;
    if (!from || !to) return fail('required', from ? 'to' : 'from');
    if (to < from) return fail('periodEndBeforeStart', 'to');
    if ((Date.parse(to) - Date.parse(from)) / 86_400_000 >= maxPeriodDays) return fail('periodTooLong', 'to');
    return rangePeriod(from, to);
  });

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};

/**
 * A page's period from its URL: the current quarter when none is given. A bad period falls back
 * to the current quarter and returns the message for the page to show beside the selector.
 */
export function periodFromParams(params: Params, now: Date = new Date()): { period: Period; param: string; error?: FieldMessage } {
  const parsed = periodSchema.safeParse({ period: first(params, 'period'), from: first(params, 'from'), to: first(params, 'to') });
  if (parsed.success) {
    const period = parsed.data ?? currentQuarter(now);
    return { period, param: periodParam(period) };
  }
  const issue = parsed.error.issues[0];
  const fallback = currentQuarter(now);
  const key = issue?.code === 'custom' ? issue.message : 'periodInvalid';
  return { period: fallback, param: periodParam(fallback), error: { key } };
}
