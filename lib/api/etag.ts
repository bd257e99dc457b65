import { AppError } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';

/**
 * Single records carry `version`; their entity tag is `"<id>-<version>"` (strong, so `If-Match`
 * can compare it). A write names the version it was made against with `If-Match` or with
 * `version` in the body; a stale one is refused, 412 for `If-Match` and 409 for the body's version.
 */
export function etagOf(id: number, version: number): string {
  return `"${id}-${version}"`;
}

const preconditionFailed = (internal: string, details?: Record<string, unknown>) =>
  new AppError('precondition_failed', 'precondition_failed', internal, details);

/** The quoted tags of an `If-Match` header, or `*`. Weak tags (`W/"…"`) never match a write. */
function ifMatchTags(header: string): '*' | string[] {
  if (header.trim() === '*') return '*';
  return header.split(',').map((tag) => tag.trim()).filter((tag) => tag.startsWith('"'));
}

/** The version a write to record `id` is made against, and whether `If-Match` named it. */
export function writeVersion(request: Request, id: number, bodyVersion: number | undefined): { version: number; ifMatch: boolean } {
  const header = request.headers.get('if-match');
  const tags = header === null ? null : ifMatchTags(header);
  if (tags === null || tags === '*') {
    if (bodyVersion === undefined) throw new ValidationError({ version: [{ key: 'required' }] });
    return { version: bodyVersion, ifMatch: false };
  }
  const named = tags.map((tag) => /^"(\d{1,10})-(\d{1,10})"$/.exec(tag)).find((m) => m && Number(m[1]) === id);
  if (!named) throw preconditionFailed(`If-Match ${header} does not name record ${id}`);
  const version = Number(named[2]);
  if (bodyVersion !== undefined && bodyVersion !== version) throw preconditionFailed(`If-Match version ${version} differs from body version ${bodyVersion}`);
  return { version, ifMatch: true };
}

/** Runs a write made against an `If-Match` version, answering a stale one with 412 instead of 409. */
export async function preconditioned<T>(ifMatch: boolean, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (ifMatch && error instanceof AppError && error.code === 'conflict') throw preconditionFailed(error.message, error.details);
    throw error;
  }
}
