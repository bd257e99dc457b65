import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/data/api-tokens';
import { conflict } from '@/lib/errors';
import { captureLogsForTests } from '@/lib/log';
import { useTestDb } from '@/test/db';
import { makeActor } from '@/test/fixtures';
import { defineOperation, reply } from './operation';
import { openApiDocument } from './openapi';
import { idParam } from './schemas';
import { z } from './zod';

// Operations of this test file only (each test file runs in its own process).
const echo = defineOperation({
  method: 'post',
  path: '/test/echo/{id}',
  operationId: 'testEcho',
  summary: 'Echo',
  tags: ['Test'],
  params: z.object({ id: idParam }),
  query: z.object({ shout: z.enum(['true']).optional() }).strict(),
  body: z.object({ text: z.string().max(10) }).strict(),
  response: { status: 201, description: 'The text.', schema: z.object({ id: z.number(), text: z.string() }).strict(), headers: { 'X-Echo': 'Echoed.' } },
  handler: async ({ params, query, body, actor }) => {
    if (body.text === 'stale') throw conflict('stale', { current: { version: 7 } });
    if (body.text === 'bug') throw new Error('column "secret" does not exist');
    if (body.text === 'shape') return { id: params.id, text: body.text, extra: actor.id } as never;
    return reply({ id: params.id, text: query.shout ? body.text.toUpperCase() : body.text }, { headers: { 'X-Echo': 'yes' } });
  },
});
const text = defineOperation({
  method: 'get',
  path: '/test/text',
  operationId: 'testText',
  summary: 'Text',
  tags: ['Test'],
  response: { status: 200, description: 'Plain text.', schema: z.string(), contentType: 'text/plain; charset=utf-8' },
  handler: async ({ actor }) => `hello ${actor.username}`,
});
const nothing = defineOperation({
  method: 'delete',
  path: '/test/nothing',
  operationId: 'testNothing',
  summary: 'Nothing',
  tags: ['Test'],
  response: { status: 204, description: 'Done.' },
  handler: async () => undefined,
});

const t = useTestDb();
let actor: Actor;
let token: string;

beforeAll(async () => {
  actor = await makeActor(t.db, 'leader');
  token = (await createApiToken(actor, { name: 'wrapper' })).token;
});

const send = (operation: typeof echo | typeof text | typeof nothing, init: { url?: string; method?: string; body?: string; headers?: Record<string, string>; params?: Record<string, string> } = {}) =>
  operation.handle(
    new Request(`http://docket.test/api/v1${init.url ?? '/test'}`, {
      method: init.method ?? 'GET',
      headers: { Authorization: `Bearer ${token}`, 'Accept-Language': 'en', ...(init.body ? { 'Content-Type': 'application/json' } : {}), ...init.headers },
      body: init.body,
    }),
    { params: Promise.resolve(init.params ?? {}) },
  );

describe('the operation wrapper', () => {
  it('hands the handler parsed parameters, query and body, and answers its status, headers and JSON', async () => {
    const response = await send(echo, { method: 'POST', url: '/test/echo/5?shout=true', params: { id: '5' }, body: '{"text":"hi"}' });
    expect(response.status).toBe(201);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('x-echo')).toBe('yes');
    expect(response.headers.get('ratelimit-limit')).toBe('600');
    expect(await response.json()).toEqual({ id: 5, text: 'HI' });
  });

  it('checks the token before anything else, then the path, then every input at once', async () => {
    const anonymous = await send(echo, { method: 'POST', params: { id: 'x' }, body: '{', headers: { Authorization: '' } });
    expect(anonymous.status).toBe(401);
    expect((await send(echo, { method: 'POST', params: { id: 'x' }, body: '{"text":"hi"}' })).status).toBe(404);
    const invalid = await send(echo, { method: 'POST', url: '/test/echo/5?shout=no&x=1', params: { id: '5' }, body: '{"text":"much too long","more":1}' });
    expect(invalid.status).toBe(422);
    expect(Object.keys((await invalid.json()).errors).sort()).toEqual(['more', 'shout', 'text', 'x']);
  });

  it("maps the handler's expected failures to problems and hides a bug's details", async () => {
    const stale = await send(echo, { method: 'POST', params: { id: '5' }, body: '{"text":"stale"}' });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ type: '/api/docs#problem-conflict', current: { version: 7 } });
    // The rate-limit headers come with problems too.
    expect(stale.headers.get('ratelimit-remaining')).toEqual(expect.any(String));
    const logs = captureLogsForTests();
    try {
      const bug = await send(echo, { method: 'POST', params: { id: '5' }, body: '{"text":"bug"}' });
      expect(bug.status).toBe(500);
      const body = (await bug.json()) as { requestId: string };
      expect(JSON.stringify(body)).not.toContain('secret');
      // The answer names the request, and the log line with the stack names it too.
      expect(body.requestId).toBe(bug.headers.get('x-request-id'));
      const failure = logs.lines.find((l) => l.msg === 'API request failed');
      expect(failure).toMatchObject({ level: 'error', requestId: body.requestId, err: { message: 'column "secret" does not exist', stack: expect.stringContaining('operation.test.ts') } });
      // Outside production an answer that is not the documented shape is a bug too.
      expect((await send(echo, { method: 'POST', params: { id: '5' }, body: '{"text":"shape"}' })).status).toBe(500);
      expect(logs.lines.filter((l) => l.msg === 'API request failed')).toHaveLength(2);
    } finally {
      logs.stop();
    }
  });

  it('logs one line a request and sends its request id back, keeping a sane one the caller chose', async () => {
    const logs = captureLogsForTests();
    try {
      const ok = await send(echo, { method: 'POST', url: '/test/echo/5', params: { id: '5' }, body: '{"text":"hi"}', headers: { 'X-Request-Id': 'lb-42' } });
      expect(ok.headers.get('x-request-id')).toBe('lb-42');
      const invalid = await send(echo, { method: 'POST', url: '/test/echo/5', params: { id: '5' }, body: '{"text":"far too long"}', headers: { 'X-Request-Id': 'bad id\"' } });
      expect(invalid.status).toBe(422);
      const problem = (await invalid.json()) as { requestId: string };
      expect(problem.requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(invalid.headers.get('x-request-id')).toBe(problem.requestId);
      const anonymous = await send(text, { headers: { Authorization: '' } });
      expect(anonymous.status).toBe(401);
      expect(logs.lines).toEqual([
        { level: 'info', time: expect.any(String), pid: process.pid, hostname: expect.any(String), msg: 'API request', requestId: 'lb-42', method: 'POST', path: '/api/v1/test/echo/5', status: 201, durationMs: expect.any(Number), userId: actor.id },
        { level: 'info', time: expect.any(String), pid: process.pid, hostname: expect.any(String), msg: 'API request', requestId: problem.requestId, method: 'POST', path: '/api/v1/test/echo/5', status: 422, durationMs: expect.any(Number), userId: actor.id },
        { level: 'info', time: expect.any(String), pid: process.pid, hostname: expect.any(String), msg: 'API request', requestId: anonymous.headers.get('x-request-id'), method: 'GET', path: '/api/v1/test', status: 401, durationMs: expect.any(Number) },
      ]);
    } finally {
      logs.stop();
    }
  });

  it('records a request the client abandoned mid-body as 499, not as a failure', async () => {
    const logs = captureLogsForTests();
    try {
      const abort = new AbortController();
      // A body whose sender goes away after the first bytes, as a closed connection looks to the handler.
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"text":'));
          setTimeout(() => {
            abort.abort();
            controller.error(new Error('aborted'));
          }, 10);
        },
      });
      const request = new Request('http://docket.test/api/v1/test/echo/5', {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body,
        signal: abort.signal,
        duplex: 'half',
      } as RequestInit);
      const response = await echo.handle(request, { params: Promise.resolve({ id: '5' }) });
      expect(response.status).toBe(499);
      expect(logs.lines).toEqual([expect.objectContaining({ level: 'info', msg: 'API request', status: 499, userId: actor.id })]);
      // A body that is merely malformed is still the caller's 400, not an abandoned request.
      expect((await send(echo, { method: 'POST', url: '/test/echo/5', params: { id: '5' }, body: '{"text":' })).status).toBe(400);
    } finally {
      logs.stop();
    }
  });

  it('sends a text answer as it is, with its media type, and 204 without a body', async () => {
    const plain = await send(text);
    expect(plain.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    expect(await plain.text()).toBe(`hello ${actor.username}`);
    const none = await send(nothing, { method: 'DELETE' });
    expect(none.status).toBe(204);
    expect(await none.text()).toBe('');
  });

  it('documents each operation: its inputs, its answer with headers and media type, and the problems it may answer', () => {
    const doc = openApiDocument();
    const post = doc.paths?.['/test/echo/{id}']?.post;
    expect(post?.responses && Object.keys(post.responses)).toEqual(['201', '400', '401', '404', '413', '415', '422', '429']);
    expect(Object.keys((post?.responses?.['201'] as { headers: object }).headers)).toEqual(['X-Echo']);
    expect(Object.keys((doc.paths?.['/test/text']?.get?.responses?.['200'] as { content: object }).content)).toEqual(['text/plain']);
    expect(Object.keys(doc.paths?.['/test/nothing']?.delete?.responses ?? {})).toEqual(['204', '401', '429']);
  });
});
