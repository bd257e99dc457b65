import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';

/**
 * Structured logs with pino: one JSON object a line on stdout (`level` as a word, ISO `time`,
 * `pid`, `hostname`, `msg`, `requestId` and the line's own fields). Lines written while a request
 * is handled (`withRequestId`) carry its id without passing it around.
 * `LOG_LEVEL` (debug, info, warn, error, silent) picks the least severe level written; the
 * default is info, and silent under tests, which capture lines with `captureLogsForTests`.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';
export type LogFields = Record<string, unknown>;
type Threshold = LogLevel | 'silent';

const thresholds: readonly Threshold[] = ['debug', 'info', 'warn', 'error', 'silent'];

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

// Synchronous writes to fd 1: a line logged just before a crash is not lost in a buffer, and no
// worker thread is needed (pino's transports would not survive Next's bundling anyway).
const stdout = pino.destination({ dest: 1, sync: true });
const destination: DestinationStream = {
  write: (line) => (sink ? sink(line.endsWith('\n') ? line.slice(0, -1) : line) : stdout.write(line)),
};

const base: Logger = pino(
  {
    level: 'info',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // `err` fields are plain objects from errorFields already; pino's own serializer would fold
    // the causes into the message.
    serializers: { err: (value: unknown) => value },
  },
  destination,
);

function threshold(): Threshold {
  const configured = process.env.LOG_LEVEL?.trim().toLowerCase();
  if (configured && (thresholds as readonly string[]).includes(configured)) return configured as Threshold;
  return process.env.NODE_ENV === 'test' && !sink ? 'silent' : 'info';
}

// PostgreSQL quotes names after these words (`constraint "users_username_key"`); any other
// quoted text in its messages is a value (`invalid input syntax for type integer: "0x10"`).
const quotedValue = /(?<!\b(?:constraint|relation|column|table|type|index|encoding|function|schema|database|role|sequence|trigger|view|extension) )"(?:[^"\\]|\\.)*"/g;

/**
 * An error's message without what a user submitted: drizzle's failed-query message lists the
 * statement's parameters (`params: …`; the statement itself has placeholders), and PostgreSQL
 * quotes the offending value. The statement, names and reason stay.
 */
export function redactedMessage(message: string, fromDatabase = false): string {
  if (message.startsWith('Failed query: ')) return message.replace(/\nparams: [\s\S]*$/, '\nparams: [redacted]');
  return fromDatabase ? message.replace(quotedValue, '"[redacted]"') : message;
}

/** A PostgreSQL (or PGlite) error: it has a severity and a five-character SQLSTATE code. */
const isDatabaseError = (error: Error) => 'severity' in error && 'code' in error && /^[0-9A-Z]{5}$/.test(String(error.code));

/** An error as log fields: its name, message and stack (and a Next digest when it has one), never submitted values. */
export function errorFields(error: unknown): LogFields {
  // Something thrown that is not an Error says nothing useful and may be anything submitted.
  if (!(error instanceof Error)) return { err: { message: `[a thrown ${typeof error}]` } };
  const digest = 'digest' in error ? String(error.digest) : undefined;
  const cause = error.cause === undefined ? undefined : errorFields(error.cause).err;
  const message = redactedMessage(error.message, isDatabaseError(error));
  // The stack's first lines repeat the message.
  const stack = error.stack && error.message && error.stack.includes(error.message) ? error.stack.replace(error.message, () => message) : error.stack;
  return { err: { name: error.name, message, stack, ...(digest ? { digest } : {}), ...(cause ? { cause } : {}) } };
}

export function log(level: LogLevel, msg: string, fields: LogFields = {}): void {
  // Read per line, so LOG_LEVEL set after start (and tests' capture) take effect.
  const wanted = threshold();
  if (base.level !== wanted) base.level = wanted;
  if (!base.isLevelEnabled(level)) return;
  const requestId = fields.requestId ?? currentRequestId();
  base[level](requestId ? { requestId, ...fields } : fields, msg);
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
