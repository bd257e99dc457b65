import { z } from 'zod';
import { id } from './common';

/** A row id as a route receives it; anything past PostgreSQL's `integer` is simply not found. */
export const rowId = id;

/** No path separators and no control characters; anything else (Chinese included) is kept as typed. */
function isPlainFileName(name: string): boolean {
  if (name === '.' || name === '..') return false;
  for (const ch of name) {
    const code = ch.codePointAt(0)!;
    if (ch === '/' || ch === '\\' || code < 0x20 || code === 0x7f) return false;
  }
  return true;
}

export const documentFileNameSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.normalize('NFC').trim() : v),
  z.string().min(1).max(255).refine(isPlainFileName, 'fileName'),
);

export const removeDocumentSchema = z.object({ conferenceId: rowId, id: rowId });
