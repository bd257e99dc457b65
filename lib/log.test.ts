import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureLogsForTests, currentRequestId, errorFields, logger, withRequestId } from './log';
import { requestIdFrom } from './request-id';

describe('requestIdFrom', () => {
  it('keeps a caller id that is a plain token', () => {
    expect(requestIdFrom('lb-7f3a.42:1')).toBe('lb-7f3a.42:1');
    expect(requestIdFrom(' abc123 ')).toBe('abc123');
  });

  it('replaces a missing, long or unsafe id with a new uuid', () => {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
    for (const bad of [null, undefined, '', 'a'.repeat(129), 'x"}\n{"level":"error"', 'has space', '-starts-with-dash']) {
      expect(requestIdFrom(bad)).toMatch(uuid);
    }
    expect(requestIdFrom(null)).not.toBe(requestIdFrom(null));
  });
});

describe('logger', () => {
  let capture: ReturnType<typeof captureLogsForTests> | undefined;
  afterEach(() => {
    capture?.stop();
    vi.unstubAllEnvs();
  });

  it('writes one JSON object a line with level, time, message and fields', () => {
    capture = captureLogsForTests();
    logger.info('task saved', { taskId: 7 });
    expect(capture.lines).toEqual([
      { level: 'info', time: expect.any(String), pid: process.pid, hostname: expect.any(String), msg: 'task saved', taskId: 7 },
    ]);
    expect(Number.isNaN(Date.parse(String(capture.lines[0]!.time)))).toBe(false);
  });

  it('stamps every line written inside a request with its id, even after awaiting', async () => {
    capture = captureLogsForTests();
    await withRequestId('req-1', async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(currentRequestId()).toBe('req-1');
      logger.warn('second');
    });
    logger.info('outside');
    expect(capture.lines.map((l) => [l.msg, l.requestId])).toEqual([
      ['first', 'req-1'],
      ['second', 'req-1'],
      ['outside', undefined],
    ]);
  });

  it('leaves out lines below LOG_LEVEL', () => {
    vi.stubEnv('LOG_LEVEL', 'warn');
    capture = captureLogsForTests();
    logger.info('chatty');
    logger.error('broken');
    expect(capture.lines.map((l) => l.msg)).toEqual(['broken']);
  });

  it('logs an error with its stack', () => {
    capture = captureLogsForTests();
    logger.error('request failed', errorFields(new Error('boom', { cause: new Error('root') })));
    const err = capture.lines[0]!.err as { message: string; stack: string; cause: { message: string } };
    expect(err.message).toBe('boom');
    expect(err.stack).toContain('log.test.ts');
    expect(err.cause.message).toBe('root');
  });

  it('keeps the line when a field is cyclic or a bigint', () => {
    capture = captureLogsForTests();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    withRequestId('req-2', () => logger.info('odd', { cyclic, big: 12345678901234567890n }));
    expect(capture.lines[0]).toMatchObject({ msg: 'odd', requestId: 'req-2', cyclic: { self: '[Circular]' } });
    expect(String(capture.lines[0]!.big)).toMatch(/^1234567890123456/);
  });

  it('lets a field not overwrite the request id of the request being served', () => {
    capture = captureLogsForTests();
    withRequestId('req-3', () => logger.info('explicit', { requestId: 'given' }));
    expect(capture.lines[0]!.requestId).toBe('given');
  });
});
