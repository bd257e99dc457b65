import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { openDatabase } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from '../db/seed/accounts';
import { seedDemo } from '../db/seed';
import { env } from '../lib/env';
import { buildFailureMessage, runBuild } from './build-step';
import { runCli } from './cli';

const root = path.resolve(__dirname, '..');
const sourceDirs = ['app', 'lib', 'db', 'messages', 'public'];
const sourceFiles = ['package-lock.json', 'next.config.js', 'instrumentation.ts', 'proxy.ts', 'postcss.config.mjs'];

function newestSourceChange(): number {
  let newest = 0;
  const visit = (p: string) => {
    if (!fs.existsSync(p)) return;
    const stat = fs.statSync(p);
    if (stat.isDirectory()) for (const entry of fs.readdirSync(p)) visit(path.join(p, entry));
    else newest = Math.max(newest, stat.mtimeMs);
  };
  for (const dir of sourceDirs) visit(path.join(root, dir));
  for (const file of sourceFiles) visit(path.join(root, file));
  return newest;
}

/** Builds when there is no build yet or a source file is newer than it. */
async function buildIfNeeded(dataDir: string): Promise<void> {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs >= newestSourceChange()) return;
  console.log('Building Docket (first run or changed sources)…');
  const logFile = path.join(dataDir, 'next-build.log');
  const outcome = await runBuild(root, logFile);
  if (outcome.code === 0) return;
  console.error(`docket: ${buildFailureMessage(outcome, path.relative(process.cwd(), logFile) || logFile)}`);
  process.exit(1);
}

/** A stable secret per data directory, so demo sessions survive a restart. */
function authSecret(dataDir: string): string {
  const file = path.join(dataDir, 'auth-secret');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dataDir, { recursive: true });
    fs.writeFileSync(file, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return fs.readFileSync(file, 'utf8').trim();
}

runCli(async () => {
  const config = env();
  if (config.DATABASE_URL) console.log('DATABASE_URL is set: the demo data goes into that PostgreSQL database.');
  const dataDir = path.resolve(config.DATA_DIR);

  // Opening first refuses at once if another Docket process holds the data directory.
  const handle = await openDatabase(
    config.DATABASE_URL ? { kind: 'postgres', url: config.DATABASE_URL } : { kind: 'pglite', dataDir },
  );
  try {
    await migrateDatabase(handle);
    const { seeded } = await seedDemo(handle.db);
    console.log(seeded ? 'Demo data loaded.' : 'Demo data already present.');
  } finally {
    await handle.close();
  }

  await buildIfNeeded(dataDir);

  const port = String(config.PORT);
  const url = `http://localhost:${port}`;
  const child = spawn('npx', ['next', 'start', '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      NEXTAUTH_SECRET: config.NEXTAUTH_SECRET ?? authSecret(dataDir),
      NEXTAUTH_URL: config.APP_URL ?? url,
    },
  });
  console.log(`\nDocket is starting on ${url}`);
  console.log(`Demo accounts (password ${DEMO_PASSWORD}):`);
  for (const account of DEMO_ACCOUNTS) console.log(`  ${account.username.padEnd(16)} ${account.role}`);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
  await new Promise<void>((resolve, reject) =>
    child.on('exit', (code) => (code === 0 || code === null ? resolve() : reject(new Error(`next start exited with ${code}`)))),
  );
});
