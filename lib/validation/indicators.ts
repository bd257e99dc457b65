import { z } from 'zod';
import { type CellResult, parseCount, parseLoss, parseMonth, parseMonthParam, parseYear } from '@/lib/domain/indicators';
import { id, optionalId, version } from './common';
import { defineList } from './list-query';

/** A field read by the same rule as a CSV cell, so the form and the import say the same thing. */
function cell<T>(parse: (text: string) => CellResult<T>, blank?: T) {
  return z.unknown().optional().transform((input, ctx): T => {
    const text = input === undefined || input === null ? '' : String(input);
    if (blank !== undefined && text.trim() === '') return blank;
    const result = parse(text);
    if (result.ok) return result.value;
    ctx.addIssue({ code: 'custom', message: result.key });
    return z.NEVER;
  });
}

/** One month's figures; injuries, major accidents and the loss may be left empty (0). */
const figures = {
  accidents: cell(parseCount),
  deaths: cell(parseCount),
  injuries: cell(parseCount, 0),
  majorAccidents: cell(parseCount, 0),
  directLoss: cell(parseLoss, 0),
};

const majorWithinAccidents = (v: { accidents: number; majorAccidents: number }) => v.majorAccidents <= v.accidents;
const majorRefinement = { message: 'indicators.majorExceedsAccidents', path: ['majorAccidents'] };

/** A month recorded for the first time: the whole city (no department) or one district. */
export const recordIndicatorSchema = z
  .object({ year: cell(parseYear), month: cell(parseMonth), departmentId: optionalId, ...figures })
  .refine(majorWithinAccidents, majorRefinement);
export type RecordIndicatorInput = z.input<typeof recordIndicatorSchema>;

/** A correction of a recorded month's figures, against the version the form was loaded with. */
export const correctIndicatorSchema = z.object({ id, version, ...figures }).refine(majorWithinAccidents, majorRefinement);
export type CorrectIndicatorInput = z.input<typeof correctIndicatorSchema>;

type Params = URLSearchParams | Record<string, string | string[] | undefined>;
const first = (params: Params, key: string) => {
  const v = params instanceof URLSearchParams ? params.get(key) : params[key];
  return (Array.isArray(v) ? v[0] : v) || undefined;
};
const yearParam = (value: string | undefined) => {
  const result = value ? parseYear(value) : null;
  return result?.ok ? result.value : undefined;
};

/**
 * The indicator page's choices as they stand in the URL: region (`city` or a district's id), the
 * "as of" month, baseline and compared years, first year of the trend, the record being corrected.
 * What does not parse is left out and the page uses its default: a hand-edited link shows figures.
 */
export function indicatorPageParams(params: Params) {
  const region = first(params, 'region');
  const district = region && region !== 'city' ? id.safeParse(region) : null;
  const edit = id.safeParse(first(params, 'edit'));
  return {
    departmentId: district?.success ? district.data : null,
    asOf: parseMonthParam(first(params, 'asOf')) ?? undefined,
    baselineYear: yearParam(first(params, 'baseline')),
    compareYear: yearParam(first(params, 'compare')),
    fromYear: yearParam(first(params, 'from')),
    edit: edit.success ? edit.data : undefined,
  };
}

/** The monthly records table's URL. */
export const indicatorListQuery = defineList({
  sort: ['period', 'accidents', 'deaths', 'injuries', 'majorAccidents', 'directLoss', 'updatedAt'],
  defaultSort: 'period',
  defaultDir: 'desc',
  hideable: ['injuries', 'directLoss', 'updatedAt'],
  filters: { year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().int().min(2000).max(2100)) },
});
