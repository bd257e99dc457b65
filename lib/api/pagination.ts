import { decodeCursor, encodeCursor, offsetCursorSchema } from './cursor';
import type { z } from './zod';

/** A page of a list as the API answers it. */
export interface ListPage<T> {
  data: T[];
  nextCursor: string | null;
}

/**
 * A page of a list read by keyset (the best kind: every page costs the same): `fetch` returns up
 * to `n` rows after `key` in the list's order; one row more than `limit` is read to know whether
 * another page follows. The cursor is `keyOf` the page's last row, checked with `keySchema` when
 * it comes back.
 */
export async function keysetPage<Row, K extends z.ZodType>(
  options: { cursor?: string; limit: number; keySchema: K; keyOf: (row: Row) => z.input<K> },
  fetch: (key: z.output<K> | undefined, n: number) => Promise<Row[]>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const key = options.cursor === undefined ? undefined : decodeCursor(options.cursor, options.keySchema);
  const rows = await fetch(key, options.limit + 1);
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > options.limit && last ? encodeCursor(options.keyOf(last)) : null };
}

/** The page size lib/data's page-numbered lists allow at most (lib/data/list-query.ts `pageOf`). */
const dataPageSize = 100;

/**
 * A page of a list whose data function pages by number (`{ page, pageSize }` → `{ rows, total }`,
 * as listDepartments, listUsers and the like), read from any offset: the cursor is the offset.
 * Fine for short lists (departments, people); a long one wants a keyset function.
 */
export async function offsetPage<Row>(
  options: { cursor?: string; limit: number },
  fetch: (page: { page: number; pageSize: number }) => Promise<{ rows: Row[]; total: number }>,
): Promise<{ rows: Row[]; nextCursor: string | null }> {
  const offset = options.cursor === undefined ? 0 : decodeCursor(options.cursor, offsetCursorSchema).o;
  const end = offset + options.limit;
  const rows: Row[] = [];
  let total = 0;
  for (let page = Math.floor(offset / dataPageSize) + 1; ; page += 1) {
    const start = (page - 1) * dataPageSize;
    const result = await fetch({ page, pageSize: dataPageSize });
    total = result.total;
    rows.push(...result.rows.slice(Math.max(0, offset - start), Math.max(0, end - start)));
    if (result.rows.length < dataPageSize || start + dataPageSize >= end) break;
  }
  const next = offset + rows.length;
  return { rows, nextCursor: rows.length === options.limit && next < total ? encodeCursor({ o: next }) : null };
}
