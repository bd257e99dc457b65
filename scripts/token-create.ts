import { parseArgs } from 'node:util';
import { z } from 'zod';
import { getDbHandle } from '../db/runtime';
import { systemActor } from '../lib/auth/actor';
import { createApiToken } from '../lib/data/api-tokens';
import { dateOnly } from '../lib/validation/actions';
import { ValidationError } from '../lib/validation/common';
import { runCli } from './cli';

const usage = `Usage: npm run token:create -- --user <username> [--name <name>] [--expires YYYY-MM-DD]
Creates an API token for that user (acting with their role and department) and prints it once.
--expires is the last day the token works; without it the token works until revoked.`;

const argsSchema = z
  .object({
    user: z.string({ error: 'is required' }).trim().min(1, 'is required'),
    name: z.string().trim().min(1, 'must not be empty').max(100, 'is longer than 100 characters').default('command line'),
    expires: dateOnly.optional(),
  })
  .strict();

runCli(async () => {
  const { values } = parseArgs({
    options: {
      user: { type: 'string' },
      name: { type: 'string' },
      expires: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const { help: _, ...rest } = values;
  const args = argsSchema.safeParse(rest);
  if (!args.success) {
    for (const issue of args.error.issues) console.error(`docket: --${issue.path.join('.')}: ${issue.message === 'invalidFormat' ? 'is not a date (YYYY-MM-DD)' : issue.message}`);
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const handle = await getDbHandle();
  try {
    const created = await createApiToken(systemActor, { username: args.data.user, name: args.data.name, expiresOn: args.data.expires });
    console.log(`Created API token "${created.name}" for ${created.username} (id ${created.id})${args.data.expires ? `, valid until ${args.data.expires}` : ''}.`);
    console.log('The token (shown only this once; keep it like a password):');
    console.log(created.token);
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        console.error(`docket: --${options[field] ?? field}: ${messages.map((m) => describe(m.key, m.values)).join('; ')}`);
      }
      console.error(usage);
      process.exitCode = 2;
      return;
    }
    throw error;
  } finally {
    await handle.close();
  }
});

/** The option behind each field of createApiToken's input. */
const options: Record<string, string> = { user: 'user', username: 'user', name: 'name', expiresOn: 'expires' };

const descriptions: Record<string, string> = {
  unknownUser: 'no active user has this username',
  dateInPast: 'the last day is in the past',
  tooManyTokens: 'the user has {max} active tokens already; revoke one first',
  required: 'is required',
  tooLong: 'is too long (at most {max})',
};

function describe(key: string, values?: Record<string, string | number>): string {
  const text = descriptions[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}
