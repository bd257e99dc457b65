import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { openDatabase, targetFromEnv } from '../db/client';
import { env } from '../lib/env';
import { BackupRefusedError, formatSummary, writeBackup } from '../lib/ops/backup';
import { getStorage } from '../lib/storage';
import { runCli } from './cli';
import { parseCliArgs } from './cli-args';

const usage = `Usage: npm run db:backup -- --out <file>
Writes a consistent, compressed logical backup (every table, the attachment files, the schema level)
of the configured database: DATABASE_URL, else the embedded database in DATA_DIR (stop the app first).
The file must not exist yet. Prints each table's row count and SHA-256.`;

const argsSchema = z
  .object({
    out: z
      .string({ error: 'is required' })
      .trim()
      .min(1, 'is required')
      .refine((p) => !fs.existsSync(p), 'names a file that already exists (backups are never overwritten)'),
  })
  .strict();

runCli(async () => {
  const args = parseCliArgs({ out: { type: 'string' } }, argsSchema, usage);
  if (!args) return;
  const started = Date.now();
  const handle = await openDatabase(targetFromEnv(env()));
  try {
    const summary = await writeBackup(handle, args.out, { storage: getStorage() });
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    console.log(`Backup of the ${handle.kind} database written to ${path.resolve(args.out)} in ${seconds} s.`);
    console.log(formatSummary(summary));
  } catch (error) {
    if (!(error instanceof BackupRefusedError)) throw error;
    console.error(`docket: backup refused: ${error.message}`);
    process.exitCode = 2;
  } finally {
    await handle.close();
  }
});
