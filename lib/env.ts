import { z } from 'zod';

/** An empty variable counts as unset, as shells and .env files tend to produce them. */
const unsetIfBlank = <S extends z.ZodType>(schema: S) =>
  z.preprocess((v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : v.trim()) : v), schema);

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
  SMTP_URL: unsetIfBlank(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
  MAIL_FROM: unsetIfBlank(z.string().optional()),
  REMINDER_SECRET: unsetIfBlank(z.string().optional()),
});

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
