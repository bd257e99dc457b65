import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import postgres from 'postgres';

/** PostgreSQL for the multi-instance and crash specs: the server CI provides (user postgres, trust). */
export const pgServer = process.env.E2E_PG_SERVER ?? 'postgres://postgres@127.0.0.1:5432';

/** The same secret scripts/e2e-server.sh gives the main e2e server. */
const authSecret = 'e2e-only-secret-0123456789abcdef0123456789';

/** The environment of this process without a database choice, so each server gets only its own. */
function baseEnv(): NodeJS.ProcessEnv {
  const { DATABASE_URL: _url, DATA_DIR: _dir, TEST_DATABASE_URL: _test, ...rest } = process.env;
  return rest;
}

/** Creates an empty PostgreSQL database and answers its URL; `drop` removes it. */
export async function createDatabase(name: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = postgres(`${pgServer}/postgres`, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `${pgServer}/${name}`,
    drop: async () => {
      const sql = postgres(`${pgServer}/postgres`, { max: 1, onnotice: () => {} });
      try {
        await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await sql.end();
      }
    },
  };
}

/** Where a database lives: a PostgreSQL URL or an embedded data directory. */
export type DatabaseChoice = { DATABASE_URL: string } | { DATA_DIR: string };

/** Runs a command-line script (tsx) against the chosen database and answers its output. */
export function runScript(db: DatabaseChoice, args: string[]): string {
  return execFileSync('npx', ['tsx', '--tsconfig', 'scripts/tsconfig.cli.json', ...args], {
    env: { ...baseEnv(), ...db },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Migrates and seeds the demo data (scripts/db-seed.ts). */
export function seedDemo(db: DatabaseChoice): void {
  runScript(db, ['scripts/db-seed.ts']);
}

/** A personal API token for a demo user (npm run token:create). */
export function createToken(db: DatabaseChoice, username: string): string {
  const out = runScript(db, ['scripts/token-create.ts', '--user', username, '--name', `e2e ${Date.now()}`]);
  const token = out.match(/dkt_[A-Za-z0-9_-]+/)?.[0];
  if (!token) throw new Error(`no token in: ${out}`);
  return token;
}

export interface Instance {
  url: string;
  port: number;
  process: ChildProcess;
  /** What the server wrote, for a failure message. */
  output: () => string;
  /** Ends the server (its whole process group) and waits until it is gone. */
  stop: (signal?: NodeJS.Signals) => Promise<void>;
}

/** Starts the production build (`next start`) on a port and waits until /api/ready answers 200. */
export async function startInstance(port: number, db: DatabaseChoice, extraEnv: Record<string, string> = {}): Promise<Instance> {
  const url = `http://127.0.0.1:${port}`;
  const child = spawn('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...baseEnv(), ...db, NEXTAUTH_SECRET: authSecret, NEXTAUTH_URL: url, LOG_LEVEL: 'warn', ...extraEnv },
    // Its own process group, so a signal reaches npx and the server alike.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  const keep = (chunk: Buffer) => {
    // Enough for a test that reads the server's JSON lines back (every statement, with SLOW_QUERY_MS=0).
    log = (log + chunk.toString()).slice(-2_000_000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid!, signal);
    } catch {
      // Already gone.
    }
    await exited;
    // npx exits first; wait until every process of the group (the server itself) is gone too,
    // as a supervisor would before it restarts the app.
    for (const deadline = Date.now() + 15_000; Date.now() < deadline; ) {
      try {
        process.kill(-child.pid!, 0);
      } catch {
        return;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`server on ${port} still running 15 s after ${signal}`);
  };
  const instance: Instance = { url, port, process: child, output: () => log, stop };
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server on ${port} exited (${child.exitCode}):\n${log}`);
    try {
      const ready = await fetch(`${url}/api/ready`);
      if (ready.status === 200) return instance;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await stop('SIGKILL');
      throw new Error(`server on ${port} not ready in 60 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** The base port of this checkout's e2e run (playwright.config.ts); extra servers use the next ones. */
export const e2eBasePort = Number(process.env.E2E_PORT ?? 3100);
