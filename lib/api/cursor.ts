import { ValidationError } from '@/lib/validation/common';
import { z } from './zod';

/**
 * Opaque list cursors: the position after the last row of a page (a keyset, or an offset for
 * lists paged that way) as base64url JSON. Clients pass them back unchanged; what comes back is
 * checked against the list's own schema, so a forged or damaged cursor is a 422, never a query.
 */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position), 'utf8').toString('base64url');
}

const invalid = () => new ValidationError({ cursor: [{ key: 'invalidCursor' }] });

export function decodeCursor<S extends z.ZodType>(cursor: string, schema: S): z.output<S> {
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(cursor)) throw invalid();
  let position: unknown;
  try {
    position = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const parsed = schema.safeParse(position);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

/** The cursor of lists paged by offset: where the next page starts. */
export const offsetCursorSchema = z.object({ o: z.number().int().min(0).max(1_000_000) }).strict();
