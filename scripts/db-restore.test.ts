import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { executeRows, openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { codeSchemaLevel, databaseSchemaLevel, migrateToLevel, writeBackup } from '../lib/ops/backup';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-restore-cli-'));
const dataDir = path.join(tmp, 'data');
let backupFile: string;
let oldLevelFile: string;

/** `npm run db:restore -- --in <file>` into the embedded database in `dir`. */
function restore(file: string, dir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      path.join('node_modules', '.bin', 'tsx'),
      ['--tsconfig', 'scripts/tsconfig.cli.json', 'scripts/db-restore.ts', '--in', file],
      { env: { ...process.env, DATABASE_URL: '', DATA_DIR: dir, LOG_LEVEL: 'silent' } },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function backupOf(level: number, file: string, departments: number): Promise<string> {
  const handle = await openDatabase({ kind: 'pglite', dataDir: 'memory://' });
  try {
    if (level === codeSchemaLevel().count) await migrateDatabase(handle);
    else await migrateToLevel(handle, level);
    await handle.db.execute(sql`
      INSERT INTO departments (code, name, kind)
      SELECT 'cli-' || g, '部门' || g, 'department' FROM generate_series(1, ${departments}) g`);
    await writeBackup(handle, file);
    return file;
  } finally {
    await handle.close();
  }
}

beforeAll(async () => {
  backupFile = await backupOf(codeSchemaLevel().count, path.join(tmp, 'backup.docket.gz'), 3000);
  oldLevelFile = await backupOf(codeSchemaLevel().count - 1, path.join(tmp, 'old.docket.gz'), 5);
});

afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('db:restore', () => {
  const damaged: Array<[string, () => string, RegExp]> = [
    [
      'a gzip stream cut in the middle',
      () => {
        const file = path.join(tmp, 'cut.docket.gz');
        const bytes = fs.readFileSync(backupFile);
        fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
        return file;
      },
      /cut\.docket\.gz is damaged \(decompressing after line \d+: unexpected end of file; the file is cut short or corrupted\)/,
    ],
    [
      'a rows line whose JSON is broken',
      () => {
        const file = path.join(tmp, 'broken.docket.gz');
        const lines = zlib.gunzipSync(fs.readFileSync(backupFile)).toString('utf8').split('\n');
        const i = lines.findLastIndex((l) => l.startsWith('{"type":"rows"'));
        expect(i).toBeGreaterThan(3);
        lines[i] = (lines[i] ?? '').slice(0, -30);
        fs.writeFileSync(file, zlib.gzipSync(lines.join('\n')));
        return file;
      },
      /broken\.docket\.gz is damaged \(line \d+ is not JSON: .*\)/,
    ],
    [
      'a file that is no gzip at all',
      () => {
        const file = path.join(tmp, 'plain.txt');
        fs.writeFileSync(file, 'not a backup\n');
        return file;
      },
      /plain\.txt is not a Docket backup \(incorrect header check\)/,
    ],
  ];

  for (const [name, make, message] of damaged) {
    it(`refuses ${name} in one line on stderr, exit code 2, and leaves the database as it was`, { timeout: 120_000 }, async () => {
      const result = await restore(make(), dataDir);
      expect(result.stderr).toMatch(/^docket: restore refused: [^\n]+; nothing was changed\.\n$/);
      expect(result.stderr).toMatch(message);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      expect(result.stdout).toBe('');
      expect(result.code).toBe(2);
      const handle = await openDatabase({ kind: 'pglite', dataDir });
      try {
        const [tables] = await executeRows<{ n: number }>(
          handle.db,
          sql`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema IN ('public', 'drizzle')`,
        );
        expect(tables?.n).toBe(0);
      } finally {
        await handle.close();
      }
    });
  }

  it('restores an older backup into the database the refusals left empty, saying it is older', { timeout: 120_000 }, async () => {
    const result = await restore(oldLevelFile, dataDir);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^The backup's schema is older than this version of Docket's: the database was migrated on to /m);
    const handle = await openDatabase({ kind: 'pglite', dataDir });
    try {
      expect(await databaseSchemaLevel(handle.db)).toEqual(codeSchemaLevel());
      const [row] = await executeRows<{ n: number }>(handle.db, sql`SELECT count(*)::int AS n FROM departments WHERE code LIKE 'cli-%'`);
      expect(row?.n).toBe(5);
    } finally {
      await handle.close();
    }
  });
});
