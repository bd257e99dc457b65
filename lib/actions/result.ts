import 'server-only';
import { headers } from 'next/headers';
import { getTranslations } from 'next-intl/server';
import { AppError } from '@/lib/errors';
import { requestIdHeader } from '@/lib/request-id';
import { ValidationError, type FieldErrors, fieldErrorsOf } from '@/lib/validation/common';
import type { z } from 'zod';

/** What every server action returns: expected failures are values, bugs throw to error.tsx. */
export type ActionResult<T = undefined> =
  | { ok: true; data: T }
  | { ok: false; message: string; fieldErrors?: Record<string, string[]>; code?: string };

export async function translateFieldErrors(errors: FieldErrors): Promise<Record<string, string[]>> {
  const t = await getTranslations('validation');
  // fromEntries defines each field, whatever its name (`__proto__` too).
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [field, messages.map((m) => (t.has(m.key as never) ? t(m.key as never, m.values as never) : t('invalid')))]),
  );
}

/** Turns an expected failure into a translated result; anything else is rethrown. */
export async function failure(error: unknown): Promise<ActionResult<never>> {
  if (error instanceof ValidationError) {
    const t = await getTranslations('errors');
    return { ok: false, code: 'validation', message: t('validation'), fieldErrors: await translateFieldErrors(error.fieldErrors) };
  }
  if (error instanceof AppError) {
    const t = await getTranslations('errors');
    const key = t.has(error.messageKey as never) ? error.messageKey : error.code;
    return { ok: false, code: error.code, message: t(key as never) };
  }
  await stampRequestId(error);
  throw error;
}

/**
 * A bug goes on to error.tsx, which shows its digest; Next keeps a digest the error already has.
 * Making it this action's request id lets the page name the id on the `request failed` log line
 * (the proxy's request-id cookie is not set on actions). Next's own errors (redirects, not found)
 * carry their digest already and are left alone.
 */
async function stampRequestId(error: unknown): Promise<void> {
  if (!(error instanceof Error) || 'digest' in error) return;
  try {
    const requestId = (await headers()).get(requestIdHeader);
    if (requestId) Object.assign(error, { digest: requestId });
  } catch {
    // Outside a request (a test calling the action directly): nothing to name.
  }
}

/** For actions that parse FormData before calling lib/data. */
export async function invalid(error: z.ZodError): Promise<ActionResult<never>> {
  return failure(new ValidationError(fieldErrorsOf(error)));
}
