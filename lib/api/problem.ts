import { AppError, type ErrorCode, httpStatus } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { currentRequestId, errorFields, logger } from '@/lib/log';
import { translator } from '@/lib/i18n/translator';
import { type FieldErrors, ValidationError } from '@/lib/validation/common';
import { z } from './zod';

/** Problems only the HTTP layer raises: the request cannot be read, is too large or is not JSON. */
export type HttpProblemCode = 'bad_request' | 'payload_too_large' | 'unsupported_media_type' | 'internal';
export type ProblemCode = ErrorCode | HttpProblemCode;

export const problemStatus: Record<ProblemCode, number> = {
  ...httpStatus,
  bad_request: 400,
  payload_too_large: 413,
  unsupported_media_type: 415,
  internal: 500,
};
/** Every problem code, in the order the reference lists them. */
export const problemCodes = (Object.keys(problemStatus) as ProblemCode[]).sort((a, b) => problemStatus[a] - problemStatus[b]);
/** The statuses an operation may document as problems. */
export type ProblemStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 422 | 429;

/** The `type` of a problem: its section in the API reference (`/api/docs#problem-not-found`). */
export const problemType = (code: ProblemCode) => `/api/docs#problem-${code.replaceAll('_', '-')}`;

/**
 * A problem raised by the API layer itself, with the message key under `api.problems.` that
 * explains it and headers the answer carries (`Retry-After`, `WWW-Authenticate`).
 */
export class ApiProblem extends Error {
  constructor(
    public readonly code: ProblemCode,
    public readonly detailKey: string,
    public readonly values?: Record<string, string | number>,
    public readonly headers?: Record<string, string>,
  ) {
    super(`${code}: ${detailKey}`);
    this.name = 'ApiProblem';
  }
}

export const problemSchema = z
  .object({
    type: z.string().openapi({ description: 'Where this kind of problem is explained (a section of /api/docs).', example: problemType('validation') }),
    title: z.string().openapi({ description: 'A short summary of the kind of problem, in the answer language.' }),
    status: z.number().int().openapi({ description: 'The HTTP status code.', example: 422 }),
    detail: z.string().openapi({ description: 'What went wrong with this request, in the answer language.' }),
    instance: z.string().optional().openapi({ description: 'The request path.' }),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .openapi({ description: 'For 422: each invalid field (a dotted path, or a header name) with its messages.', example: { progress: ['Must be at most 100.'] } }),
    current: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'For 409/412 on a stale version: the record as it is saved now (e.g. status, progress, dueDate, version).' }),
    requestId: z
      .string()
      .optional()
      .openapi({ description: 'The id of this request in the server log, also sent as the `X-Request-Id` header: quote it when reporting a problem.' }),
  })
  .openapi('Problem', {
    description: 'An error answer (RFC 9457, `application/problem+json`). The answer language is the token user\'s, else the `Accept-Language` header\'s, else Chinese.',
  });
export type Problem = z.infer<typeof problemSchema>;

export function translateFieldErrors(errors: FieldErrors, locale: Locale): Record<string, string[]> {
  const t = translator(locale);
  // fromEntries defines each field, whatever its name (`__proto__` too).
  return Object.fromEntries(
    Object.entries(errors).map(([field, messages]) => [
      field,
      // Two checks of one value may fail alike (a date's pattern and its day): say it once.
      [
        ...new Set(
          messages.map((m) => {
            const key = `validation.${m.key}`;
            return t.has(key as never) ? t(key as never, m.values as never) : t('validation.invalid');
          }),
        ),
      ],
    ]),
  );
}

export const problemContentType = 'application/problem+json';

export function problemResponse(
  code: ProblemCode,
  locale: Locale,
  detail: string,
  extra: { instance?: string; errors?: Record<string, string[]>; current?: Record<string, unknown>; headers?: Record<string, string>; requestId?: string } = {},
): Response {
  const t = translator(locale);
  const status = problemStatus[code];
  const requestId = extra.requestId ?? currentRequestId();
  const body: Problem = {
    type: problemType(code),
    title: t(`api.problemTitles.${code}` as never),
    status,
    detail,
    ...(extra.instance ? { instance: extra.instance } : {}),
    ...(extra.errors ? { errors: extra.errors } : {}),
    ...(extra.current ? { current: extra.current } : {}),
    ...(requestId ? { requestId } : {}),
  };
  return new Response(JSON.stringify(body), {
    status,
    headers: {
      'Content-Type': `${problemContentType}; charset=utf-8`,
      'Cache-Control': 'no-store',
      ...(requestId ? { 'X-Request-Id': requestId } : {}),
      ...extra.headers,
    },
  });
}

const plainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

/**
 * Any error as an answer: validation → 422 with each field's translated messages, the data
 * layer's expected failures by their code, the API layer's own problems; anything else is a bug,
 * logged and answered 500 without its details.
 */
export function errorToProblem(error: unknown, locale: Locale, instance?: string): Response {
  const t = translator(locale);
  if (error instanceof ValidationError) {
    return problemResponse('validation', locale, t('errors.validation'), { instance, errors: translateFieldErrors(error.fieldErrors, locale) });
  }
  if (error instanceof AppError) {
    const key = t.has(`errors.${error.messageKey}` as never) ? error.messageKey : error.code;
    const current = error.details?.current;
    return problemResponse(error.code, locale, t(`errors.${key}` as never), { instance, current: plainObject(current) ? current : undefined });
  }
  if (error instanceof ApiProblem) {
    return problemResponse(error.code, locale, t(`api.problems.${error.detailKey}` as never, error.values as never), { instance, headers: error.headers });
  }
  logger.error('API request failed', { path: instance, ...errorFields(error) });
  return problemResponse('internal', locale, t('api.problems.internal'), { instance });
}
