import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { captureLogsForTests } from '@/lib/log';
import { maxBodyBytes, readJsonBody } from './body';
import { decodeCursor, encodeCursor } from './cursor';
import { docsModel, fieldsOf, typeLabel } from './docs';
import { etagOf, preconditioned, writeVersion } from './etag';
import { negotiateLocale } from './locale';
import { openApiDocument } from './openapi';
import { offsetPage } from './pagination';
import { ApiProblem, errorToProblem } from './problem';
import { toIsoDateTime } from './schemas';
import { z } from './zod';
import en from '@/messages/en.json';
import zhCN from '@/messages/zh-CN.json';

const jsonRequest = (body: BodyInit | null, headers: Record<string, string> = { 'Content-Type': 'application/json' }) =>
  new Request('http://docket.test/api/v1/x', { method: 'POST', body, headers });

async function problemOf(promise: Promise<unknown>): Promise<ApiProblem> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiProblem);
  return error as ApiProblem;
}

describe('the answer language', () => {
  it("follows Accept-Language's weights, falling back to Chinese", () => {
    expect(negotiateLocale(null)).toBe('zh-CN');
    expect(negotiateLocale('en-GB,en;q=0.9')).toBe('en');
    expect(negotiateLocale('fr-FR, en;q=0.5, zh-TW;q=0.8')).toBe('zh-CN');
    expect(negotiateLocale('de, fr;q=0.7')).toBe('zh-CN');
    expect(negotiateLocale('zh;q=0, en')).toBe('en');
  });
});

describe('JSON bodies', () => {
  it('reads JSON sent as application/json (or +json)', async () => {
    expect(await readJsonBody(jsonRequest('{"a":[1,"二"]}'))).toEqual({ a: [1, '二'] });
    expect(await readJsonBody(jsonRequest('{"a":1}', { 'Content-Type': 'application/merge-patch+json; charset=utf-8' }))).toEqual({ a: 1 });
  });

  it('refuses what is not JSON: 415 for another type, 400 for empty, malformed or non-UTF-8 bodies', async () => {
    expect((await problemOf(readJsonBody(jsonRequest('{"a":1}', { 'Content-Type': 'text/plain' })))).code).toBe('unsupported_media_type');
    expect((await problemOf(readJsonBody(jsonRequest('{"a":1}', {})))).code).toBe('unsupported_media_type');
    expect(await problemOf(readJsonBody(jsonRequest('')))).toMatchObject({ code: 'bad_request', detailKey: 'bodyRequired' });
    expect(await problemOf(readJsonBody(jsonRequest('{"a":')))).toMatchObject({ code: 'bad_request', detailKey: 'malformedJson' });
    expect(await problemOf(readJsonBody(jsonRequest(new Uint8Array([0x7b, 0xff, 0x7d]))))).toMatchObject({ code: 'bad_request', detailKey: 'notUtf8' });
  });

  it('stops reading at 1 MB (413), whatever Content-Length says', async () => {
    const big = `{"body":"${'x'.repeat(maxBodyBytes)}"}`;
    expect((await problemOf(readJsonBody(jsonRequest(big)))).code).toBe('payload_too_large');
    // A stream without a length is cut off too.
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new Uint8Array(64 * 1024).fill(0x20));
      },
    });
    const streamed = new Request('http://docket.test/', { method: 'POST', body: stream, headers: { 'Content-Type': 'application/json' }, duplex: 'half' } as RequestInit);
    expect((await problemOf(readJsonBody(streamed))).code).toBe('payload_too_large');
    expect(await readJsonBody(jsonRequest(`"${'x'.repeat(maxBodyBytes - 2)}"`))).toHaveLength(maxBodyBytes - 2);
  });
});

describe('cursors', () => {
  const schema = z.object({ v: z.string(), id: z.number().int() }).strict();

  it('round-trip a position as opaque base64url', () => {
    const cursor = encodeCursor({ v: '2026-06-30', id: 12 });
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, schema)).toEqual({ v: '2026-06-30', id: 12 });
  });

  it('refuse anything forged or damaged with a field error on `cursor`', () => {
    const refused = (cursor: string) => {
      try {
        decodeCursor(cursor, schema);
      } catch (error) {
        return error instanceof ValidationError ? error.fieldErrors : error;
      }
      return null;
    };
    const invalid = { cursor: [{ key: 'invalidCursor' }] };
    expect(refused('not base64!')).toEqual(invalid);
    expect(refused(Buffer.from('{"v":').toString('base64url'))).toEqual(invalid);
    expect(refused(encodeCursor({ v: "'; DROP TABLE tasks; --", id: '1 OR 1=1' }))).toEqual(invalid);
    expect(refused(encodeCursor({ v: 'x', id: 1, extra: true }))).toEqual(invalid);
    expect(refused('')).toEqual(invalid);
  });
});

describe('offset pages over a page-numbered data function', () => {
  const items = Array.from({ length: 250 }, (_, i) => i);
  const fetch = async ({ page, pageSize }: { page: number; pageSize: number }) => ({ rows: items.slice((page - 1) * pageSize, page * pageSize), total: items.length });

  it('walks the list in pages of any size, ending with a null cursor', async () => {
    const seen: number[] = [];
    let cursor: string | undefined;
    for (;;) {
      const page = await offsetPage({ cursor, limit: 70 }, fetch);
      seen.push(...page.rows);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(items);
    expect((await offsetPage({ limit: 200 }, fetch)).rows).toEqual(items.slice(0, 200));
    expect(await offsetPage({ limit: 50, cursor: encodeCursor({ o: 200 }) }, fetch)).toEqual({ rows: items.slice(200), nextCursor: null });
  });
});

describe('entity tags and write versions', () => {
  const request = (ifMatch?: string) => new Request('http://docket.test/', { headers: ifMatch ? { 'If-Match': ifMatch } : {} });

  it('take the version from If-Match (naming this record) or from the body', () => {
    expect(etagOf(12, 3)).toBe('"12-3"');
    expect(writeVersion(request('"12-3"'), 12, undefined)).toEqual({ version: 3, ifMatch: true });
    expect(writeVersion(request('"9-1", "12-3"'), 12, 3)).toEqual({ version: 3, ifMatch: true });
    expect(writeVersion(request(), 12, 4)).toEqual({ version: 4, ifMatch: false });
    expect(writeVersion(request('*'), 12, 4)).toEqual({ version: 4, ifMatch: false });
  });

  it('refuse a tag of another record, a weak tag or one that disagrees with the body (412), and no version at all (422)', () => {
    for (const [header, body] of [['"13-3"', undefined], ['W/"12-3"', undefined], ['"12-3"', 4], ['12-3', undefined]] as const) {
      expect(() => writeVersion(request(header), 12, body)).toThrow(expect.objectContaining({ code: 'precondition_failed' }));
    }
    expect(() => writeVersion(request(), 12, undefined)).toThrow(ValidationError);
  });

  it('answer a stale write made with If-Match as 412, keeping what is saved now', async () => {
    const stale = () => Promise.reject(new AppError('conflict', 'conflict', 'stale', { current: { version: 5 } }));
    await expect(preconditioned(true, stale)).rejects.toMatchObject({ code: 'precondition_failed', details: { current: { version: 5 } } });
    await expect(preconditioned(false, stale)).rejects.toMatchObject({ code: 'conflict' });
  });
});

describe('problems', () => {
  it('translate field errors and details into the answer language, hiding what a bug says', async () => {
    const validation = errorToProblem(new ValidationError({ progress: [{ key: 'tooBig', values: { max: 100 } }] }), 'en', '/api/v1/tasks/1/follow-ups');
    expect(validation.status).toBe(422);
    expect(validation.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await validation.json()).toEqual({
      type: '/api/docs#problem-validation',
      title: 'Invalid input',
      status: 422,
      detail: 'Please check the marked fields.',
      instance: '/api/v1/tasks/1/follow-ups',
      errors: { progress: ['Must be at most 100.'] },
    });
    const zh = await errorToProblem(new ApiProblem('rate_limited', 'rateLimited', { limit: 5, seconds: 30 }, { 'Retry-After': '30' }), 'zh-CN').json();
    expect(zh).toMatchObject({ status: 429, title: '请求过于频繁', detail: '此令牌在任意 60 秒内最多请求 5 次，请 30 秒后再试。' });
    const logs = captureLogsForTests();
    const bug = errorToProblem(new Error('relation "secret_table" does not exist'), 'en');
    logs.stop();
    expect(logs.lines).toHaveLength(1);
    expect(logs.lines[0]).toMatchObject({ level: 'error', err: { message: 'relation "secret_table" does not exist', stack: expect.any(String) } });
    expect(bug.status).toBe(500);
    expect(JSON.stringify(await bug.json())).not.toContain('secret_table');
  });

  it('write times in Beijing time with their offset', () => {
    expect(toIsoDateTime(new Date('2026-05-20T01:30:00Z'))).toBe('2026-05-20T09:30:00.000+08:00');
    expect(toIsoDateTime(null)).toBeNull();
  });
});

describe('the reference page model', () => {
  const doc = openApiDocument() as unknown as Record<string, unknown>;
  const model = docsModel(doc);

  it('has every operation summary and tag in both languages, the English as the document says', () => {
    const docs = { 'zh-CN': zhCN.api.docs, en: en.api.docs } as Record<string, { operations: Record<string, string>; tags: Record<string, string>; tagDescriptions: Record<string, string> }>;
    for (const section of model.sections) {
      for (const catalogue of Object.values(docs)) {
        expect(catalogue.tags[section.tag], section.tag).toBeTruthy();
        expect(catalogue.tagDescriptions[section.tag], section.tag).toBeTruthy();
      }
      expect(docs.en!.tagDescriptions[section.tag]).toBe(section.description);
      for (const op of section.operations) {
        expect(docs.en!.operations[op.id], op.id).toBe(op.summary);
        expect(docs['zh-CN']!.operations[op.id], op.id).toMatch(/[\u4e00-\u9fff]/);
      }
    }
  });

  it('lists every operation of the document under its tag, with parameters, body and responses', () => {
    const operations = model.sections.flatMap((s) => s.operations.map((o) => `${o.method} ${o.path}`));
    const inDocument = Object.entries(doc.paths as Record<string, object>).flatMap(([path, item]) => Object.keys(item).map((m) => `${m.toUpperCase()} /api/v1${path}`));
    expect([...operations].sort()).toEqual([...inDocument].sort());
    expect(operations).toEqual(
      expect.arrayContaining(['GET /api/v1/me', 'GET /api/v1/departments', 'GET /api/v1/tasks', 'GET /api/v1/tasks/{id}', 'POST /api/v1/tasks/{id}/follow-ups', 'GET /api/v1/openapi.json']),
    );
    // Grouped by tag, in the document's order of tags.
    expect(model.sections.find((s) => s.tag === 'Tasks')?.operations.map((o) => o.id)).toEqual(['listTasks', 'getTask', 'postFollowUp']);
    const post = model.sections.flatMap((s) => s.operations).find((o) => o.id === 'postFollowUp')!;
    expect(post.parameters.map((p) => `${p.in}:${p.name}:${p.required}`)).toEqual(['path:id:true', 'header:If-Match:false', 'header:Idempotency-Key:false']);
    expect(post.body?.fields.find((f) => f.name === 'progress')).toMatchObject({ type: 'integer 0–100', required: false });
    expect(post.responses.map((r) => r.status)).toEqual(['201', '400', '401', '403', '404', '409', '412', '413', '415', '422', '429']);
    const created = post.responses[0]!;
    expect(created.fields.map((f) => f.name)).toContain('followUp.author.name');
    expect(created.headers.map((h) => h.name)).toEqual(['ETag', 'Location', 'Idempotent-Replayed']);
    expect(model.sections.flatMap((s) => s.operations).find((o) => o.id === 'getOpenApiDocument')?.authenticated).toBe(false);
    expect(model.problemFields.map((f) => f.name)).toEqual(['type', 'title', 'status', 'detail', 'instance', 'errors', 'current', 'requestId']);
  });

  it('names types readably', () => {
    expect(typeLabel(doc, { type: ['string', 'null'], format: 'date' })).toBe('string (date) | null');
    expect(typeLabel(doc, { type: 'array', items: { $ref: '#/components/schemas/Task' } })).toBe('array of Task');
    expect(typeLabel(doc, { type: 'string', enum: ['a', 'b'] })).toBe('one of: a, b');
    expect(fieldsOf(doc, { $ref: '#/components/schemas/TaskList' }).map((f) => f.name)).toContain('data[].dueDate');
  });
});
