import { afterEach, describe, expect, it } from 'vitest';
import { captureLogsForTests } from './log';
import { logRequestError } from './request-error';

describe('logRequestError', () => {
  let capture: ReturnType<typeof captureLogsForTests> | undefined;
  afterEach(() => capture?.stop());

  it("logs a failed page with the proxy's request id, the digest the error page shows and the stack", async () => {
    capture = captureLogsForTests();
    const error = Object.assign(new Error('cannot read the report'), { digest: '2904718471' });
    await logRequestError(
      error,
      { path: '/reports?period=2026-Q3', method: 'GET', headers: { 'x-request-id': 'req-page-1', cookie: 'secret' } },
      { routerKind: 'App Router', routePath: '/(app)/reports', routeType: 'render', revalidateReason: undefined },
    );
    expect(capture.lines).toEqual([
      {
        level: 'error',
        time: expect.any(String),
        pid: process.pid,
        hostname: expect.any(String),
        msg: 'request failed',
        requestId: 'req-page-1',
        method: 'GET',
        path: '/reports?period=2026-Q3',
        routePath: '/(app)/reports',
        routeType: 'render',
        err: { name: 'Error', message: 'cannot read the report', digest: '2904718471', stack: expect.stringContaining('request-error.test.ts') },
      },
    ]);
    expect(JSON.stringify(capture.lines)).not.toContain('secret');
  });
});
