import { parseArgs } from 'node:util';
import { eq } from 'drizzle-orm';
import { getDbHandle } from '../db/runtime';
import { departments } from '../db/schema';
import { systemActor } from '../lib/auth/actor';
import { createUser } from '../lib/data/users';
import { ValidationError } from '../lib/validation/common';
import { runCli } from './cli';

const usage = `Usage: npm run user:create -- --username <name> --role <admin|secretary|leader|department_head>
       --name <display name> [--department <code>] [--email <address>]
The password is read from DOCKET_PASSWORD; without it a one-time password is printed,
which the user must change at the first sign-in.`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      role: { type: 'string' },
      name: { type: 'string' },
      department: { type: 'string' },
      email: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const handle = await getDbHandle();
  try {
    let departmentId: number | undefined;
    if (values.department) {
      const [row] = await handle.db.select({ id: departments.id }).from(departments).where(eq(departments.code, values.department));
      if (!row) throw new ValidationError({ department: [{ key: 'unknownDepartment' }] });
      departmentId = row.id;
    }
    const { user, oneTimePassword } = await createUser(systemActor, {
      username: values.username ?? '',
      displayName: values.name ?? values.username ?? '',
      role: values.role as never,
      email: values.email,
      departmentId,
      password: process.env.DOCKET_PASSWORD || undefined,
    });
    console.log(`Created ${user.role} "${user.username}" (id ${user.id}).`);
    if (oneTimePassword) console.log(`One-time password (must be changed at first sign-in): ${oneTimePassword}`);
  } catch (error) {
    if (error instanceof ValidationError) {
      for (const [field, messages] of Object.entries(error.fieldErrors)) {
        console.error(`docket: ${field}: ${messages.map((m) => describe(m.key, m.values)).join('; ')}`);
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

const descriptions: Record<string, string> = {
  required: 'is required',
  tooShort: 'is too short (at least {min})',
  tooLong: 'is too long (at most {max})',
  invalidChoice: 'is not one of the allowed values',
  usernameFormat: 'may contain only lowercase letters, digits, ".", "_" and "-"',
  usernameTaken: 'is already taken',
  departmentRequired: 'is required for a department head (--department <code>)',
  unknownDepartment: 'names no active department',
  'password.tooShort': 'is too short: use at least 10 characters',
  'password.containsUsername': 'must not contain the username',
  'password.common': 'is a commonly used password',
  'password.weak': 'is too easy to guess: use a longer phrase or mix in unrelated words',
};

function describe(key: string, values?: Record<string, string | number>): string {
  const text = descriptions[key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(values?.[name] ?? ''));
}
