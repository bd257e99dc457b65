import { isIP } from 'node:net';
import { z } from 'zod';

/** An empty variable counts as unset, as shells and .env files tend to produce them. */
const unsetIfBlank = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), schema);

/** `10.0.0.5`, `2001:db8::1`, `10.0.0.0/8` or `fd00::/8`. */
function isAddressOrRange(entry: string): boolean {
  const [address, bits, extra] = entry.split('/');
  const version = isIP(address ?? '');
  if (!version || extra !== undefined) return false;
  if (bits === undefined) return true;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= (version === 4 ? 32 : 128);
}

const addressList = z
  .string()
  .transform((value) => value.split(',').map((entry) => entry.trim()).filter(Boolean))
  .pipe(z.array(z.string().refine(isAddressOrRange, { error: (issue) => `${String(issue.input)} is not an IP address or CIDR range` })));

const envSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  DATABASE_URL: unsetIfBlank(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
      .optional(),
  ),
  DATA_DIR: unsetIfBlank(z.string().default('./data')),
  PORT: unsetIfBlank(z.coerce.number().int().min(1).max(65535).default(3000)),
  APP_URL: unsetIfBlank(z.url().optional()),
  NEXTAUTH_SECRET: unsetIfBlank(z.string().min(32, 'must be at least 32 characters').optional()),
  SESSION_MAX_AGE_HOURS: unsetIfBlank(z.coerce.number().positive().max(24 * 30).default(8)),
  UPLOAD_MAX_MB: unsetIfBlank(z.coerce.number().positive().max(1024).default(20)),
  /** `smtp://user:pass@host:587` (STARTTLS when offered) or `smtps://…:465`; unset: no e-mail. */
  SMTP_URL: unsetIfBlank(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
  /** Sender of notification e-mail, `Docket <docket@city.gov.cn>`; required with SMTP_URL. */
  MAIL_FROM: unsetIfBlank(z.string().optional()),
  /** Shared secret a scheduler sends in the `X-Reminder-Secret` header; unset: the route answers 404. */
  REMINDER_SECRET: unsetIfBlank(z.string().min(16, 'must be at least 16 characters').optional()),
  /** A task turns yellow ("due soon") this many days before its due date; reminders use it too. */
  DUE_SOON_DAYS: unsetIfBlank(z.coerce.number().int().min(0).max(60).optional()),
  /** A task turns yellow when its progress lags the elapsed share of its time by more than this. */
  LAG_MARGIN_PERCENT: unsetIfBlank(z.coerce.number().int().min(0).max(100).optional()),
  /** Requests a minute each API token may make (counted in the database, across instances). */
  API_RATE_LIMIT: unsetIfBlank(z.coerce.number().int().min(1).max(1_000_000).default(600)),
  /** Statements slower than this many milliseconds are logged (warn, with their SQL text). */
  SLOW_QUERY_MS: unsetIfBlank(z.coerce.number().int().min(0).max(3_600_000).default(500)),
  /** The least severe log level written to stdout (lib/log.ts). */
  LOG_LEVEL: unsetIfBlank(z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional()),
  /** Reverse proxies whose X-Forwarded-For is believed (lib/auth/request-ip.ts); none: the socket's address. */
  TRUSTED_PROXIES: unsetIfBlank(addressList.optional()).transform((list) => list ?? []),
}).refine((e) => !e.SMTP_URL || e.MAIL_FROM, { path: ['MAIL_FROM'], message: 'is required when SMTP_URL is set' });

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

/** Parses the given variables; the message names every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = envSchema.safeParse(source);
  if (result.success) return result.data;
  throw new EnvError(result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
}

let cached: Env | undefined;

/** The process environment, parsed once. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** Tests that change process.env make the next `env()` read it again. */
export function resetEnvForTests(): void {
  cached = undefined;
}

/** The public address of the app, without a trailing slash, for links that leave it (e-mail). */
export function appBaseUrl(): string {
  const { APP_URL, PORT } = env();
  return (APP_URL ?? (process.env.NEXTAUTH_URL || `http://localhost:${PORT}`)).replace(/\/+$/, '');
}
