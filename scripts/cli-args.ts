import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { z } from 'zod';

/**
 * Parses `--name value` options with a zod schema. `--help` prints the usage; a bad option prints
 * one line per problem and the usage, and sets exit code 2. Either way the caller gets undefined.
 */
export function parseCliArgs<S extends z.ZodType>(
  options: NonNullable<ParseArgsConfig['options']>,
  schema: S,
  usage: string,
): z.infer<S> | undefined {
  const { values } = parseArgs({ options: { ...options, help: { type: 'boolean' } } });
  if (values.help) {
    console.log(usage);
    return undefined;
  }
  const { help: _, ...rest } = values;
  const args = schema.safeParse(rest);
  if (args.success) return args.data;
  for (const issue of args.error.issues) console.error(`docket: --${issue.path.join('.')}: ${issue.message}`);
  console.error(usage);
  process.exitCode = 2;
  return undefined;
}
