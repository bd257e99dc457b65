import { spawn } from 'node:child_process';
import { once } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, postgresConnection, targetFromEnv } from './client';
import { DataDirLockedError } from './lock';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-client-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe('targetFromEnv', () => {
  it('uses PostgreSQL when DATABASE_URL is set', () => {
    expect(targetFromEnv({ DATABASE_URL: 'postgres://u@h/db', DATA_DIR: './data' })).toEqual({
      kind: 'postgres',
      url: 'postgres://u@h/db',
    });
  });

  it('uses the embedded database in DATA_DIR otherwise', () => {
    expect(targetFromEnv({ DATA_DIR: '/srv/docket' })).toEqual({ kind: 'pglite', dataDir: '/srv/docket' });
  });
});

describe('postgresConnection', () => {
  it("reads libpq's ?host=/dir as the Unix socket directory and keeps the rest of the URL", () => {
    expect(postgresConnection('postgres://docket@localhost:5433/docket?host=/var/run/postgresql&sslmode=disable')).toEqual({
      url: 'postgres://docket@localhost:5433/docket?sslmode=disable',
      host: '/var/run/postgresql',
    });
  });

  it('leaves a TCP address, or a host parameter that is not a directory, as it is', () => {
    for (const url of ['postgres://postgres@127.0.0.1:5432/docket', 'postgres://u:p@db.city.gov.cn/docket?host=db2']) {
      expect(postgresConnection(url)).toEqual({ url });
    }
  });
});

describe('openDatabase', () => {
  it('opens PGlite in the data directory, creating missing parents', async () => {
    const dir = path.join(tempDir(), 'nested', 'data');
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    try {
      expect(handle.kind).toBe('pglite');
      await handle.db.execute(sql`SELECT 1`);
      expect(fs.existsSync(path.join(dir, 'pg'))).toBe(true);
    } finally {
      await handle.close();
    }
  });

  it('refuses a second opener of the same directory, then allows it once closed', async () => {
    const dir = tempDir();
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await expect(openDatabase({ kind: 'pglite', dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);
    await first.close();
    const second = await openDatabase({ kind: 'pglite', dataDir: dir });
    await second.close();
  });

  it('refuses a directory held by another live process and names it', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      fs.writeFileSync(path.join(dir, 'docket.lock'), String(sleeper.pid));
      const error = await openDatabase({ kind: 'pglite', dataDir: dir }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(DataDirLockedError);
      expect((error as Error).message).toContain(String(sleeper.pid));
    } finally {
      sleeper.kill();
    }
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'docket.lock'), '999999');
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'docket.lock'), 'utf8')).toBe(String(process.pid));
    await handle.close();
    expect(fs.existsSync(path.join(dir, 'docket.lock'))).toBe(false);
  });

  it('takes over a lock whose holder was killed and is a zombie not yet reaped', async () => {
    const dir = tempDir();
    // `sleep` never reaps: the killed child stays a zombie while its parent lives.
    const parent = spawn('sh', ['-c', 'sleep 60 & echo $!; exec sleep 60']);
    try {
      const [chunk] = (await once(parent.stdout, 'data')) as [Buffer];
      const holder = Number.parseInt(chunk.toString(), 10);
      fs.writeFileSync(path.join(dir, 'docket.lock'), String(holder));
      process.kill(holder, 'SIGKILL');
      await expect.poll(() => fs.readFileSync(`/proc/${holder}/stat`, 'utf8').split(') ')[1]?.[0]).toBe('Z');
      const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
      expect(fs.readFileSync(path.join(dir, 'docket.lock'), 'utf8')).toBe(String(process.pid));
      await handle.close();
    } finally {
      parent.kill('SIGKILL');
    }
  });

  it('waits briefly for a holder that is being stopped, then takes over', async () => {
    const dir = tempDir();
    const sleeper = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    fs.writeFileSync(path.join(dir, 'docket.lock'), String(sleeper.pid));
    setTimeout(() => sleeper.kill('SIGKILL'), 300);
    const handle = await openDatabase({ kind: 'pglite', dataDir: dir });
    expect(fs.readFileSync(path.join(dir, 'docket.lock'), 'utf8')).toBe(String(process.pid));
    await handle.close();
  });

  it('opens the engine the environment names', async () => {
    const url = process.env.TEST_DATABASE_URL;
    const handle = await openDatabase(targetFromEnv({ DATABASE_URL: url, DATA_DIR: tempDir() }));
    try {
      expect(handle.kind).toBe(url ? 'postgres' : 'pglite');
      await handle.db.execute(sql`SELECT 1`);
    } finally {
      await handle.close();
    }
  });
});
