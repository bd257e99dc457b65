import { z } from 'zod';
import { idPattern, storableString } from './common';

/**
 * The state of a server-side table as it stands in the URL (`?q=&sort=&dir=&page=&pageSize=&hide=`
 * plus each table's filters). The page parses it on the server and hands its table the result
 * (`tableUrlState`); the browser only writes the URL. A value that does not parse falls back to
 * its default: a hand-edited or outdated link shows a table, never an error.
 */

export const listPageSizes = [10, 20, 50, 100] as const;
export const defaultPageSize = 20;
const maxPage = 100_000;

export type SortDir = 'asc' | 'desc';
type Params = URLSearchParams | Record<string, string | string[] | undefined>;

/** A filter: parses one URL value; a failure means "no filter". */
export type FilterSchema = z.ZodType<unknown, string>;

export interface ListConfig<Sort extends string = string, Filters extends Record<string, FilterSchema> = Record<string, FilterSchema>> {
  /** Column ids the server can sort by. */
  sort: readonly Sort[];
  defaultSort: Sort;
  defaultDir: SortDir;
  /** Columns the user may hide (`?hide=`). */
  hideable: readonly string[];
  filters: Filters;
}

export type ListState<Sort extends string = string> = {
  q?: string;
  sort: Sort;
  dir: SortDir;
  page: number;
  pageSize: number;
  hide: string[];
};

export type ParsedList<C extends ListConfig> = ListState<C['sort'][number]> & {
  [K in keyof C['filters']]?: z.output<C['filters'][K]>;
};

export function defineList<const Sort extends string, const Filters extends Record<string, FilterSchema>>(
  config: ListConfig<Sort, Filters>,
): ListConfig<Sort, Filters> {
  return config;
}

function first(params: Params, key: string): string | undefined {
  const value = params instanceof URLSearchParams ? (params.get(key) ?? undefined) : params[key];
  return Array.isArray(value) ? value[0] : value;
}

const searchText = z
  .string()
  .transform((v) => v.trim().replace(/\s+/g, ' '))
  .pipe(storableString().min(1).max(100));
const pageNumber = z.string().regex(/^\d{1,6}$/).transform(Number).pipe(z.number().int().min(1).max(maxPage));
const pageSize = z
  .string()
  .regex(/^\d{1,3}$/)
  .transform(Number)
  .refine((n) => (listPageSizes as readonly number[]).includes(n));
const direction = z.enum(['asc', 'desc']);

function parsed<T>(schema: z.ZodType<T, string>, value: string | undefined): T | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

export function parseListQuery<C extends ListConfig>(config: C, params: Params): ParsedList<C> {
  const sortValue = first(params, 'sort');
  const sort = sortValue !== undefined && (config.sort as readonly string[]).includes(sortValue) ? sortValue : undefined;
  const dir = parsed(direction, first(params, 'dir'));
  const hidden = (first(params, 'hide') ?? '').split(',').filter((id) => config.hideable.includes(id));
  const out: Record<string, unknown> = {
    q: parsed(searchText, first(params, 'q')),
    sort: sort ?? config.defaultSort,
    // A chosen column without a direction sorts ascending; no choice at all is the table's default order.
    dir: dir ?? (sort === undefined ? config.defaultDir : 'asc'),
    page: parsed(pageNumber, first(params, 'page')) ?? 1,
    pageSize: parsed(pageSize, first(params, 'pageSize')) ?? defaultPageSize,
    hide: [...new Set(hidden)],
  };
  for (const [key, schema] of Object.entries(config.filters)) {
    out[key] = parsed(schema, first(params, key));
  }
  return out as ParsedList<C>;
}

/** `?page=` past the end after rows went away: the last page that has rows. */
export function clampPage(page: number, pageSize: number, total: number): number {
  return Math.min(page, Math.max(1, Math.ceil(total / pageSize)));
}

// Filters, each from one URL value.
export const enumFilter = <const T extends readonly [string, ...string[]]>(values: T) => z.enum(values);
export const booleanFilter = z.enum(['true', 'false']).transform((v) => v === 'true');
// The one id rule (lib/validation/common.ts): `01` or `0x10` filters nothing.
export const idFilter = z.string().regex(idPattern).transform(Number).pipe(z.number().int().positive().max(2_147_483_647));
/** A calendar day `YYYY-MM-DD` that exists. */
export const dayFilter = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((v) => {
    const d = new Date(`${v}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
  });

/** The instant a Beijing calendar day starts, and the start of the day after (for `< to`). */
export function dayStart(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`);
}
export function dayAfter(day: string): Date {
  return new Date(dayStart(day).getTime() + 24 * 60 * 60 * 1000);
}

/** What a server page hands its client table: the parsed URL in plain, serializable values. */
export interface TableUrlState {
  q?: string;
  sort: string;
  dir: SortDir;
  page: number;
  pageSize: number;
  hide: string[];
  /** The table's own filters as they stand in the URL; invalid ones are absent. */
  filters: Record<string, string | undefined>;
  /** Rows matching the filters, on all pages. */
  total: number;
  defaultSort: string;
  defaultDir: SortDir;
}

export function tableUrlState<C extends ListConfig>(config: C, query: ParsedList<C>, total: number): TableUrlState {
  const values = query as Record<string, unknown>;
  return {
    q: query.q,
    sort: query.sort,
    dir: query.dir,
    page: query.page,
    pageSize: query.pageSize,
    hide: query.hide,
    filters: Object.fromEntries(
      Object.keys(config.filters).map((key) => [key, values[key] === undefined ? undefined : String(values[key])]),
    ),
    total,
    defaultSort: config.defaultSort,
    defaultDir: config.defaultDir,
  };
}
