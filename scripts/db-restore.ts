import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openDatabase, targetFromEnv } from '../db/client';
import { env } from '../lib/env';
import {
  BackupRefusedError,
  codeSchemaLevel,
  describeLevel,
  formatSummary,
  readBackupHeader,
  restoreBackup,
} from '../lib/ops/backup';
import { getStorage } from '../lib/storage';
import { runCli } from './cli';
import { parseCliArgs } from './cli-args';

const usage = `Usage: npm run db:restore -- --in <file>
Restores a backup made by db:backup into the configured database (DATABASE_URL, else the embedded
database in DATA_DIR), which must be empty; attachment files go into the configured storage.
Prints each table's row count (counted in the restored database) and SHA-256, which match what
db:backup printed. A damaged file is refused and the database is left as it was.`;

const argsSchema = z
  .object({
    in: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .refine((p) => fs.existsSync(p), 'names no file'),
  })
  .strict();

runCli(async () => {
  const args = parseCliArgs({ in: { type: 'string' } }, argsSchema, usage);
  if (!args) return;
  const started = Date.now();
  const handle = await openDatabase(targetFromEnv(env()));
  try {
    const summary = await restoreBackup(handle, args.in, { storage: getStorage() });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Restored ${path.resolve(args.in)} into the ${handle.kind} database in ${seconds} s.`);
    console.log(formatSummary(summary));
    const code = codeSchemaLevel();
    if (summary.schemaLevel.count < code.count) {
      console.log(`The backup's schema is older than this version of Docket's: the database was migrated on to ${describeLevel(code)}.`);
    }
    const { version } = await readBackupHeader(args.in);
    const long = summary.tables.filter((t) => t.rows >= 1000).map((t) => t.name);
    if (version < 2 && long.length > 0) {
      console.log(
        `Warning: this backup was written by an earlier Docket, which could leave out rows of tables of 1 000 rows or more ` +
          `(${long.join(', ')} here). Compare those counts with the source database, and take new backups.`,
      );
    }
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    console.error(`docket: restore refused: ${error.message}`);
    process.exitCode = 2;
  } finally {
    await handle.close();
  }
});
