import 'server-only';
import { OpenAPIRegistry, OpenApiGeneratorV31, type ResponseConfig } from '@asteasolutions/zod-to-openapi';
import { maxBodyBytes } from './body';
import { type Operation, apiOperations } from './operation';
// Every operation module, so that each has registered itself before the document is made.
import './operations';
import { type ProblemStatus, problemContentType, problemSchema } from './problem';
import { apiBasePath } from './paths';
import { z } from './zod';

const problemDescriptions: Record<ProblemStatus, string> = {
  400: 'The body is not JSON (malformed, empty or not UTF-8).',
  401: 'No token, or a token that is unknown, revoked, expired or belongs to a deactivated user.',
  403: "The token's user may not do this (their role).",
  404: 'No such record, or not visible to the token\'s user (another department\'s task is "not found" to a department head).',
  409: 'The record changed since the given `version` (stale), or its state does not allow this (e.g. verifying a task not submitted).',
  412: 'The `If-Match` entity tag does not match the record as saved now.',
  413: `The body is larger than ${maxBodyBytes / 1024 / 1024} MB.`,
  415: 'The body is not sent as `application/json`.',
  422: 'Invalid input: `errors` names each field (query parameter, header or body field) with its messages. Unknown fields are refused too. On a post, also an `Idempotency-Key` already used for a different request (`idempotency-key-reused`).',
  429: 'Too many requests with this token in the last 60 seconds; `Retry-After` says how many seconds to wait.',
};

/** The problems an operation documents: those of every operation, of its inputs, and its own. */
export function problemStatusesOf(operation: Operation): ProblemStatus[] {
  const statuses = new Set<ProblemStatus>([401, 429, ...(operation.problems ?? [])]);
  if (operation.params) statuses.add(404);
  if (operation.query || operation.headers || operation.body) statuses.add(422);
  if (operation.body) for (const s of [400, 413, 415] as const) statuses.add(s);
  return [...statuses].sort((a, b) => a - b);
}

const stringHeader = (description: string) => ({ description, schema: { type: 'string' as const } });

function problemResponse(status: ProblemStatus): ResponseConfig {
  return {
    description: problemDescriptions[status],
    ...(status === 429 ? { headers: { 'Retry-After': stringHeader('Seconds until a request would be allowed again.') } } : {}),
    ...(status === 401 ? { headers: { 'WWW-Authenticate': stringHeader('`Bearer`, with `error="invalid_token"` for a bad token.') } } : {}),
    content: { [problemContentType]: { schema: problemSchema } },
  };
}

// Paragraphs without hard line breaks: the reference renders this as Markdown, where a newline breaks the line.
const description = [
  "Docket's REST API: the tasks that conferences' requested actions give departments, and their follow-up, for the systems of departments and of the city's data platform. JSON with camelCase fields; dates `YYYY-MM-DD`, times ISO-8601 with their offset (Beijing time, `+08:00`).",
  "**Authentication.** Send a personal API token as `Authorization: Bearer dkt_…`. Create one on your profile page in Docket, or (administrators, on the server) with `npm run token:create -- --user USERNAME`. A token acts with exactly its user's role and department: a department head's token sees and changes only that department's tasks.",
  "**Errors** are `application/problem+json` (RFC 9457) with `type`, `title`, `status`, `detail` and, for invalid input, `errors` (field → messages), in the user's language (else the `Accept-Language` header's).",
  '**Lists** take `limit` (1–200, default 50) and answer `{ "data": [...], "nextCursor": "…" }`; pass `nextCursor` back as `cursor` for the next page (null on the last).',
  '**Concurrency.** Single records carry `version` and an `ETag` (`"<id>-<version>"`). A write names the version it was made against, as `version` in the body or as `If-Match`; a stale one is refused with 409 (body) or 412 (`If-Match`). Posts accept an `Idempotency-Key` header, kept per task and user: repeating a request with the same key records it once; the same key with a different request is refused with 422.',
  '**Throttling.** Each token may make a limited number of requests in any 60 seconds (default 600; a sliding window, not calendar minutes), counted across all servers; past it the answer is 429 with `Retry-After` (seconds until a request is allowed again). Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset` (seconds until more requests are allowed).',
].join('\n\n');

export const apiTags = [
  { name: 'Me', description: "The token's user." },
  { name: 'Departments', description: 'Departments and districts: who tasks are assigned to.' },
  { name: 'Tasks', description: 'One requested action assigned to one department, and its follow-up.' },
  { name: 'People', description: 'The directory of people who chair, report and speak at conferences.' },
  { name: 'Conferences', description: 'Quarterly and special conferences, their venues, invitations and attendance, speakers and agenda.' },
  { name: 'Actions', description: "The actions requested at a conference (部署要求), each assigned to lead and supporting departments as tasks." },
  { name: 'Reports', description: 'The department ranking (排名通报) of a period.' },
];

/** The OpenAPI 3.1 document of every declared operation, generated from their zod schemas. */
export function openApiDocument() {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token (`dkt_…`), created on the profile page or with `npm run token:create`.',
  });
  registry.register('Problem', problemSchema);
  for (const op of apiOperations()) {
    const success: ResponseConfig = {
      description: op.response.description,
      ...(op.response.headers
        ? { headers: Object.fromEntries(Object.entries(op.response.headers).map(([name, text]) => [name, stringHeader(text)])) }
        : {}),
      ...(op.response.schema
        ? { content: { [op.response.contentType?.split(';')[0]?.trim() ?? 'application/json']: { schema: op.response.schema } } }
        : {}),
    };
    registry.registerPath({
      method: op.method,
      path: op.path,
      operationId: op.operationId,
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      tags: op.tags,
      security: [{ bearerAuth: [] }],
      request: {
        ...(op.params ? { params: op.params } : {}),
        ...(op.query ? { query: op.query } : {}),
        ...(op.headers ? { headers: op.headers } : {}),
        ...(op.body ? { body: { required: true, content: { 'application/json': { schema: op.body } } } } : {}),
      },
      responses: {
        [op.response.status]: success,
        ...Object.fromEntries(problemStatusesOf(op).map((status) => [status, problemResponse(status)])),
      },
    });
  }
  registry.registerPath({
    method: 'get',
    path: '/openapi.json',
    operationId: 'getOpenApiDocument',
    summary: 'This description of the API (OpenAPI 3.1)',
    description: 'Needs no token. The human-readable reference is at `/api/docs`.',
    tags: ['Reference'],
    security: [],
    responses: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: z.record(z.string(), z.unknown()) } } } },
  });
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: { title: 'Docket API', version: '1.0.0', description },
    servers: [{ url: apiBasePath }],
    tags: [...apiTags, { name: 'Reference', description: 'The API describing itself.' }],
  });
}
export type OpenApiDocument = ReturnType<typeof openApiDocument>;
