import 'server-only';
import { type TokenActor, authenticateToken, countApiRequest } from '@/lib/data/api-tokens';
import { env } from '@/lib/env';
import { notFound } from '@/lib/errors';
import type { Locale } from '@/lib/i18n/config';
import { ZodError } from 'zod';
import { type FieldErrors, ValidationError, fieldErrorsOf, mergeFieldErrors } from '@/lib/validation/common';
import { readJsonBody } from './body';
import { negotiateLocale } from './locale';
import { ApiProblem, type ProblemStatus, errorToProblem } from './problem';
import { type RequestSeen, clientClosedRequest, observeApiRequest } from './request-log';
import type { z } from './zod';

/**
 * One API operation, declared once: its path, its zod schemas for path parameters, query,
 * headers, body and answer, the problems it may answer, and the handler. The declaration is both
 * the route (`export const GET = listTasksOperation.handle` in app/api/v1/…/route.ts) and its
 * entry in the OpenAPI document (lib/api/openapi.ts), so the two cannot drift apart.
 *
 * Before the handler runs, every request is authenticated (`Authorization: Bearer <token>`, else
 * 401), counted against the token's rate limit (429 with `Retry-After`), and its input parsed:
 * path parameters (invalid: 404), query and headers (strict: unknown query parameters are 422),
 * and the JSON body (415 unless JSON in UTF-8, 413 over 1 MB, 400 malformed or nested past 32,
 * 422 invalid or with unknown fields). Errors thrown by the handler become RFC 9457 problems (lib/api/problem.ts).
 */

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';
type AnyObject = z.ZodObject;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;
type In<S> = S extends z.ZodType ? z.input<S> : undefined;

export interface HandlerContext<P, Q, H, B> {
  request: Request;
  /** The token's user, acting with exactly their role and department. */
  actor: TokenActor;
  /** The answer language: the user's saved one, else `Accept-Language`'s. */
  locale: Locale;
  params: Out<P>;
  query: Out<Q>;
  headers: Out<H>;
  body: Out<B>;
}

const replyBrand = Symbol('reply');
/** An answer with a status or headers of its own; a handler may also return just the body. */
export interface Reply<T> {
  [replyBrand]: true;
  body: T;
  status?: number;
  headers?: Record<string, string>;
}
export function reply<T>(body: T, init: { status?: number; headers?: Record<string, string> } = {}): Reply<T> {
  return { [replyBrand]: true, body, ...init };
}
const isReply = (value: unknown): value is Reply<unknown> => typeof value === 'object' && value !== null && replyBrand in value;

export interface OperationConfig<P extends AnyObject | undefined, Q extends AnyObject | undefined, H extends AnyObject | undefined, B extends z.ZodType | undefined, R extends z.ZodType | undefined> {
  method: HttpMethod;
  /** The OpenAPI path below /api/v1, `{name}` for a parameter: `/tasks/{id}` is app/api/v1/tasks/[id]/route.ts. */
  path: `/${string}`;
  operationId: string;
  summary: string;
  /** Markdown, shown in the reference under the summary. */
  description?: string;
  tags: [string, ...string[]];
  params?: P;
  /** A strict object: a query parameter it does not name is refused. */
  query?: Q;
  /** Request headers the operation reads, keyed by their canonical names (`If-Match`). */
  headers?: H;
  /** The JSON body; use strict objects, so unknown fields are refused. */
  body?: B;
  response: {
    status: 200 | 201 | 204;
    description: string;
    schema?: R;
    /** Response headers (name → description), e.g. `ETag`. */
    headers?: Record<string, string>;
    /**
     * The media type of an answer that is not JSON (`text/calendar; charset=utf-8`): the handler
     * returns the text itself, sent as it is (`schema`: `z.string()`). Default: JSON.
     */
    contentType?: string;
  };
  /**
   * The problems this operation answers beyond those every one may: 401 and 429 always, 404 with
   * path parameters, 422 with a query, headers or body, and 400, 413, 415 with a body.
   */
  problems?: readonly ProblemStatus[];
  handler: (context: HandlerContext<P, Q, H, B>) => Promise<In<R> | Reply<In<R>>>;
}

/** What Next passes a route handler besides the request. */
export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

export type Operation<
  P extends AnyObject | undefined = AnyObject | undefined,
  Q extends AnyObject | undefined = AnyObject | undefined,
  H extends AnyObject | undefined = AnyObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
  R extends z.ZodType | undefined = z.ZodType | undefined,
> = OperationConfig<P, Q, H, B, R> & {
  /** The route handler: `export const GET = operation.handle;`. */
  handle: (request: Request, context?: RouteContext) => Promise<Response>;
};

// Keyed by method and path, so a module evaluated again (dev reloads) replaces its entries.
const operations = new Map<string, Operation>();

/** Every declared operation, in declaration order; lib/api/openapi.ts imports them all first. */
export function apiOperations(): Operation[] {
  return [...operations.values()];
}

export function defineOperation<
  P extends AnyObject | undefined = undefined,
  Q extends AnyObject | undefined = undefined,
  H extends AnyObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
  R extends z.ZodType | undefined = undefined,
>(config: OperationConfig<P, Q, H, B, R>): Operation<P, Q, H, B, R> {
  const operation: Operation<P, Q, H, B, R> = {
    ...config,
    handle: (request, context) => observeApiRequest(request, (seen) => handleRequest(operation as unknown as Operation, request, seen, context)),
  };
  operations.set(`${config.method.toUpperCase()} ${config.path}`, operation as unknown as Operation);
  return operation;
}

/** The bearer token's actor; 401 (with `WWW-Authenticate`) for none or a bad one. */
async function authenticate(request: Request): Promise<TokenActor> {
  const header = request.headers.get('authorization') ?? '';
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  const actor = match ? await authenticateToken(match[1]!) : null;
  if (!actor) {
    throw new ApiProblem('unauthenticated', match ? 'tokenInvalid' : 'tokenMissing', undefined, {
      'WWW-Authenticate': match ? 'Bearer error="invalid_token"' : 'Bearer',
    });
  }
  return actor;
}

/**
 * Takes the request from the token's sliding window (`API_RATE_LIMIT` in any 60 seconds); the
 * RateLimit headers every answer carries.
 */
async function throttle(actor: TokenActor): Promise<Record<string, string>> {
  const limit = env().API_RATE_LIMIT;
  const taken = await countApiRequest(actor.tokenId, limit);
  const headers = { 'RateLimit-Limit': String(limit), 'RateLimit-Remaining': String(taken.remaining), 'RateLimit-Reset': String(taken.resetSeconds) };
  if (!taken.allowed) {
    const seconds = taken.retryAfterSeconds;
    throw new ApiProblem('rate_limited', 'rateLimited', { limit, seconds }, { ...headers, 'Retry-After': String(seconds) });
  }
  return headers;
}

/** The query string as an object; a repeated parameter becomes an array (which a string schema refuses). */
function queryObject(params: URLSearchParams): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const key of new Set(params.keys())) {
    const values = params.getAll(key);
    out[key] = values.length === 1 ? values[0]! : values;
  }
  return out;
}

/** Field errors of a failed parse, each unknown field named on its own (`{ taskId: [unknownField] }`). */
function apiFieldErrors(error: ZodError): FieldErrors {
  const issues = error.issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === 'unrecognized_keys' ? issue.keys.map((key) => ({ ...issue, keys: [key], path: [...issue.path, key] })) : [issue],
  );
  return fieldErrorsOf(new ZodError(issues));
}

/** The paths of strings with a NUL character, which PostgreSQL cannot store or compare. */
function nulPaths(value: unknown, path: string[] = []): string[] {
  if (typeof value === 'string') return value.includes('\u0000') ? [path.join('.') || '_form'] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => nulPaths(item, [...path, String(i)]));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => nulPaths(item, [...path, key]));
  return [];
}

/** One part of the request parsed; its field errors are added to `errors.fields` (any name, `__proto__` too). */
function parsePart(schema: z.ZodType | undefined, input: unknown, errors: { fields: FieldErrors }): unknown {
  if (!schema) return undefined;
  const nul = nulPaths(input);
  if (nul.length) {
    errors.fields = mergeFieldErrors(errors.fields, Object.fromEntries(nul.map((path) => [path, [{ key: 'invalidCharacter' }]])));
    return undefined;
  }
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  errors.fields = mergeFieldErrors(errors.fields, apiFieldErrors(result.error));
  return undefined;
}

async function handleRequest(operation: Operation, request: Request, seen: RequestSeen, context?: RouteContext): Promise<Response> {
  const instance = new URL(request.url).pathname;
  let locale = negotiateLocale(request.headers.get('accept-language'));
  let rateHeaders: Record<string, string> = {};
  try {
    const actor = await authenticate(request);
    seen.userId = actor.id;
    locale = actor.locale ?? locale;
    rateHeaders = await throttle(actor);

    let params: unknown;
    if (operation.params) {
      const parsed = operation.params.safeParse((await context?.params) ?? {});
      // A malformed id names no record.
      if (!parsed.success) throw notFound(`${instance}: invalid path parameters`);
      params = parsed.data;
    }
    const errors = { fields: {} as FieldErrors };
    const query = parsePart(operation.query, queryObject(new URL(request.url).searchParams), errors);
    const headerNames = operation.headers ? Object.keys(operation.headers.shape) : [];
    const headers = parsePart(
      operation.headers,
      Object.fromEntries(headerNames.flatMap((name) => (request.headers.has(name) ? [[name, request.headers.get(name)]] : []))),
      errors,
    );
    const body = operation.body ? parsePart(operation.body, await readJsonBody(request), errors) : undefined;
    if (Object.keys(errors.fields).length) throw new ValidationError(errors.fields);

    const result = await operation.handler({ request, actor, locale, params, query, headers, body } as never);
    const answer = isReply(result) ? result : reply(result);
    const status = answer.status ?? operation.response.status;
    const responseHeaders = { 'Cache-Control': 'no-store', ...rateHeaders, ...answer.headers };
    if (status === 204) return new Response(null, { status, headers: responseHeaders });
    // Outside production every answer is checked against its documented schema.
    if (process.env.NODE_ENV !== 'production' && operation.response.schema) operation.response.schema.parse(answer.body);
    const { contentType } = operation.response;
    if (contentType) {
      if (typeof answer.body !== 'string') throw new Error(`${operation.operationId}: a ${contentType} answer must be text`);
      return new Response(answer.body, { status, headers: { 'Content-Type': contentType, ...responseHeaders } });
    }
    return new Response(JSON.stringify(answer.body), {
      status,
      headers: { 'Content-Type': 'application/json; charset=utf-8', ...responseHeaders },
    });
  } catch (error) {
    // The caller closed the connection mid-request (a timeout, a cancelled client): nobody reads
    // the answer and nothing is wrong here. 499 is what the request log records, as nginx does.
    if (request.signal.aborted) return new Response(null, { status: clientClosedRequest });
    const response = errorToProblem(error, locale, instance);
    for (const [name, value] of Object.entries(rateHeaders)) if (!response.headers.has(name)) response.headers.set(name, value);
    return response;
  }
}
