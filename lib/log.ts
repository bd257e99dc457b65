import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * Structured logs: one JSON object a line on stdout (`level`, `time`, `msg`, `requestId` and the
 * line's own fields), the shape pino writes, without its dependency. Lines written while a
 * request is handled (`withRequestId`) carry its id without passing it around.
 * `LOG_LEVEL` (debug, info, warn, error, silent) picks the least severe level written; the
 * default is info, and silent under tests, which capture lines with `captureLogsForTests`.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;

const severity: Record<LogLevel | 'silent', number> = { debug: 20, info: 30, warn: 40, error: 50, silent: Infinity };

// On globalThis: Next may bundle this module more than once (instrumentation, routes), and a line
// logged by the database client must still see the request the route handler is serving.
const holder = globalThis as unknown as { __docketRequestContext?: AsyncLocalStorage<{ requestId: string }> };
const requestContext = (holder.__docketRequestContext ??= new AsyncLocalStorage<{ requestId: string }>());

/** Runs `fn` with every line it logs carrying `requestId`. */
export function withRequestId<T>(requestId: string, fn: () => T): T {
  return requestContext.run({ requestId }, fn);
}

/** The id of the request being handled, if any. */
export function currentRequestId(): string | undefined {
  return requestContext.getStore()?.requestId;
}

let sink: ((line: string) => void) | undefined;

function minimumSeverity(): number {
  const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (configured && configured in severity) return severity[configured as LogLevel];
  return process.env.NODE_ENV === 'test' && !sink ? severity.silent : severity.info;
}

/** An error as log fields: its name, message and stack (and a Next digest when it has one). */
export function errorFields(error: unknown): LogFields {
  if (!(error instanceof Error)) return { err: { message: String(error) } };
  const digest = 'digest' in error ? String(error.digest) : undefined;
  const cause = error.cause === undefined ? undefined : errorFields(error.cause).err;
  return { err: { name: error.name, message: error.message, stack: error.stack, ...(digest ? { digest } : {}), ...(cause ? { cause } : {}) } };
}

function serialise(entry: LogFields): string {
  try {
    return JSON.stringify(entry, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  } catch {
    // A cyclic field: keep the line, lose the fields.
    return JSON.stringify({ level: entry.level, time: entry.time, msg: entry.msg, requestId: entry.requestId, unserialisable: true });
  }
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  if (severity[level] < minimumSeverity()) return;
  const requestId = fields.requestId ?? currentRequestId();
  const line = serialise({ level, time: new Date().toISOString(), msg, ...(requestId ? { requestId } : {}), ...fields });
  if (sink) sink(line);
  else process.stdout.write(`${line}\n`);
}

export const logger = {
  debug: (msg: string, fields?: LogFields) => log('debug', msg, fields),
  info: (msg: string, fields?: LogFields) => log('info', msg, fields),
  warn: (msg: string, fields?: LogFields) => log('warn', msg, fields),
  error: (msg: string, fields?: LogFields) => log('error', msg, fields),
};

/** Tests read the lines written until `stop()`, parsed. */
export function captureLogsForTests(): { lines: LogFields[]; stop: () => void } {
  const lines: LogFields[] = [];
  const previous = sink;
  sink = (line) => lines.push(JSON.parse(line) as LogFields);
  return {
    lines,
    stop: () => {
      sink = previous;
    },
  };
}
