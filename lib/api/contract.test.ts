import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDb } from '@/test/db';
import { maxBodyBytes } from './body';
import { apiOperations } from './operation';
import { openApiDocument } from './openapi';
import { problemSchema } from './problem';
import { resourceScenarios } from './resource-scenarios';
import { type ApiWorld, callApi, makeApiWorld, makeTask, routeHandlerOf, throttledCall } from './test-support';

const t = useTestDb();
let w: ApiWorld;
const doc = openApiDocument();

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

const throttled = throttledCall;

/** One request per documented status of each operation, answering with that status. */
const scenarios: Record<string, Record<string, () => Promise<Response>>> = {
  getMe: {
    200: () => callApi({ path: '/me', token: w.tokens.head }),
    401: () => callApi({ path: '/me' }),
    429: () => throttled({ path: '/me' }),
  },
  listDepartments: {
    200: () => callApi({ path: '/departments?limit=1', token: w.tokens.leader }),
    401: () => callApi({ path: '/departments', token: 'dkt_not-a-token' }),
    422: () => callApi({ path: '/departments?kind=ministry', token: w.tokens.leader }),
    429: () => throttled({ path: '/departments' }),
  },
  listTasks: {
    200: async () => {
      await makeTask(w, w.ownDeptId);
      return callApi({ path: '/tasks?status=assigned&limit=5', token: w.tokens.head });
    },
    401: () => callApi({ path: '/tasks' }),
    422: () => callApi({ path: '/tasks?limit=0', token: w.tokens.head }),
    429: () => throttled({ path: '/tasks' }),
  },
  getTask: {
    200: async () => callApi({ path: `/tasks/${(await makeTask(w, w.ownDeptId, 'in_progress')).id}`, token: w.tokens.head }),
    401: async () => callApi({ path: `/tasks/${(await makeTask(w, w.ownDeptId)).id}` }),
    404: async () => callApi({ path: `/tasks/${(await makeTask(w, w.otherDeptId)).id}`, token: w.tokens.head }),
    429: async () => throttled({ path: `/tasks/${(await makeTask(w, w.ownDeptId)).id}` }),
  },
  postFollowUp: {
    201: async () => {
      const task = await makeTask(w, w.ownDeptId);
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'acknowledge', version: task.version } });
    },
    400: async () => callApi({ method: 'POST', path: `/tasks/${(await makeTask(w, w.ownDeptId)).id}/follow-ups`, token: w.tokens.head, body: '{"kind": "acknowledge",' }),
    401: async () => callApi({ method: 'POST', path: `/tasks/${(await makeTask(w, w.ownDeptId)).id}/follow-ups`, body: { kind: 'acknowledge', version: 1 } }),
    403: async () => {
      const task = await makeTask(w, w.ownDeptId, 'submitted');
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'verify', version: task.version } });
    },
    404: async () => {
      const task = await makeTask(w, w.otherDeptId);
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'acknowledge', version: task.version } });
    },
    409: async () => {
      const task = await makeTask(w, w.ownDeptId, 'acknowledged');
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'comment', body: '进展如何', version: task.version - 1 } });
    },
    412: async () => {
      const task = await makeTask(w, w.ownDeptId, 'acknowledged');
      return callApi({
        method: 'POST',
        path: `/tasks/${task.id}/follow-ups`,
        token: w.tokens.head,
        headers: { 'If-Match': `"${task.id}-${task.version - 1}"` },
        body: { kind: 'comment', body: '进展如何' },
      });
    },
    413: async () => {
      const task = await makeTask(w, w.ownDeptId, 'acknowledged');
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'comment', body: 'x'.repeat(maxBodyBytes), version: task.version } });
    },
    415: async () => {
      const task = await makeTask(w, w.ownDeptId);
      return callApi({
        method: 'POST',
        path: `/tasks/${task.id}/follow-ups`,
        token: w.tokens.head,
        headers: { 'Content-Type': 'text/plain' },
        body: 'kind=acknowledge',
      });
    },
    422: async () => {
      const task = await makeTask(w, w.ownDeptId, 'acknowledged');
      return callApi({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, token: w.tokens.head, body: { kind: 'progress', progress: 101, body: '超额完成', version: task.version } });
    },
    429: async () => {
      const task = await makeTask(w, w.ownDeptId);
      return throttled({ method: 'POST', path: `/tasks/${task.id}/follow-ups`, body: { kind: 'comment', body: '一', version: task.version } });
    },
  },
  getOpenApiDocument: {
    200: () => callApi({ path: '/openapi.json' }),
  },
  // People, conferences and their parts, actions, reports.
  ...resourceScenarios(() => w),
};

type DocOperation = { operationId: string; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> };
const documented = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
  (['get', 'post', 'put', 'patch', 'delete'] as const).flatMap((method) => {
    const op = (item as Record<string, DocOperation | undefined>)[method];
    return op ? [{ path, method, op }] : [];
  }),
);

describe('the OpenAPI document', () => {
  it('is OpenAPI 3.1 served without a token, and lists every declared operation', async () => {
    const response = await callApi({ path: '/openapi.json' });
    expect(response.status).toBe(200);
    const served = await response.json();
    expect(served).toEqual(JSON.parse(JSON.stringify(doc)));
    expect(served.openapi).toBe('3.1.0');
    const listed = documented.map((d) => d.op.operationId);
    expect(listed).toEqual(expect.arrayContaining(apiOperations().map((o) => o.operationId)));
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("has a route file for each operation, whose handler is the operation's", async () => {
    for (const { path, method, op } of documented) {
      const handler = await routeHandlerOf(method, path);
      expect(handler, `${method} ${path}`).toBeTypeOf('function');
      const declared = apiOperations().find((o) => o.operationId === op.operationId);
      if (declared) expect(handler, op.operationId).toBe(declared.handle);
    }
  });
});

describe('every operation answers as documented', () => {
  for (const { path, method, op } of documented) {
    it(`${method.toUpperCase()} ${path} (${op.operationId})`, async () => {
      const cases = scenarios[op.operationId];
      expect(cases, `scenarios for ${op.operationId}`).toBeDefined();
      // Every documented status is exercised, and no other.
      expect(Object.keys(cases!).sort()).toEqual(Object.keys(op.responses).sort());
      const declared = apiOperations().find((o) => o.operationId === op.operationId);
      for (const [status, run] of Object.entries(cases!)) {
        const response = await run();
        const label = `${op.operationId} → ${status}`;
        const text = await response.text();
        expect(response.status, `${label}: ${text.slice(0, 300)}`).toBe(Number(status));
        const documentedResponse = op.responses[status]!;
        const contentType = Object.keys(documentedResponse.content ?? {})[0];
        expect(response.headers.get('content-type') ?? '', label).toMatch(new RegExp(`^${contentType!.replace('+', '\\+')}`));
        for (const header of Object.keys(documentedResponse.headers ?? {})) {
          if (header !== 'Idempotent-Replayed') expect(response.headers.has(header), `${label}: header ${header}`).toBe(true);
        }
        if (!/json/.test(contentType!)) {
          // A text answer (e.g. text/calendar) is its schema's string.
          expect(() => declared?.response.schema?.parse(text), label).not.toThrow();
          continue;
        }
        const body = JSON.parse(text);
        if (Number(status) >= 400) {
          expect(problemSchema.parse(body), label).toMatchObject({ status: Number(status), type: expect.stringMatching(/^\/api\/docs#problem-/) });
        } else if (declared?.response.schema) {
          // The answer has exactly the documented shape (strict schemas: nothing more).
          expect(() => declared.response.schema!.parse(body), label).not.toThrow();
        }
      }
    });
  }
});
