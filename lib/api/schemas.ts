import { id } from '@/lib/validation/common';
import { described, z } from './zod';

/**
 * The building blocks of API schemas: JSON dates and times, path ids, list envelopes and their
 * `limit` and `cursor` parameters, and strict comma-separated filters.
 */

/** A calendar day, `YYYY-MM-DD`. */
export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).openapi({ format: 'date', example: '2026-06-30' });
/** An instant with its offset: Beijing time, `2026-05-20T09:30:00.000+08:00`. */
export const isoDateTime = z.iso.datetime({ offset: true }).openapi({ example: '2026-05-20T09:30:00.000+08:00' });

const cityOffsetMs = 8 * 60 * 60 * 1000;
/** An instant as the API writes it: in the committee's time zone (UTC+8, no daylight saving). */
export function toIsoDateTime(date: Date): string;
export function toIsoDateTime(date: Date | null): string | null;
export function toIsoDateTime(date: Date | null): string | null {
  return date ? new Date(date.getTime() + cityOffsetMs).toISOString().replace('Z', '+08:00') : null;
}

/** A record id in a path (`/tasks/{id}`): the UI's id schema. */
export const idParam = described(id, { param: { description: 'The record id.' }, example: 42 });

export const maxLimit = 200;
export const defaultLimit = 50;
/** `?limit=` of every list: 1–200, default 50. */
export const limitParam = z.coerce
  .number()
  .int()
  .min(1)
  .max(maxLimit)
  .default(defaultLimit)
  .openapi({ param: { description: `Rows per page, 1–${maxLimit} (default ${defaultLimit}).` } });
/** `?cursor=` of every list: `nextCursor` of the page before, passed back unchanged. */
export const cursorParam = z
  .string()
  .max(2_000)
  .optional()
  .openapi({ param: { description: 'Where to continue: `nextCursor` of the previous page, unchanged. Absent: the first page.' } });

/** A page of a list: `{ data, nextCursor }`; `nextCursor` is null on the last page. */
export function listOf<T extends z.ZodType>(item: T, name: string) {
  return z
    .object({
      data: z.array(item),
      nextCursor: z.string().nullable().openapi({ description: 'Pass as `cursor` for the next page; null on the last page.' }),
    })
    .openapi(name);
}

/**
 * A filter with one or more values, comma-separated (`?status=assigned,in_progress`), each parsed
 * by `item` (the UI's filter schema). Unlike the task table, where an unknown value is dropped,
 * the API refuses it (422), so a typo never silently widens a query.
 */
export function listParam<T>(item: z.ZodType<T, string>, description: string, example: string) {
  return z
    .string()
    .max(2_000)
    .transform((value, ctx) => {
      const parsed = value.split(',').map((part) => item.safeParse(part.trim()));
      if (parsed.some((p) => !p.success) || parsed.length > 200) {
        ctx.addIssue({ code: 'custom', message: 'invalidChoice' });
        return z.NEVER;
      }
      return [...new Set(parsed.map((p) => p.data as T))];
    })
    .optional()
    .openapi({ param: { description }, example });
}
