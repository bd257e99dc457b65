import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export interface BuildOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Why a build failed, in words a newcomer can act on, naming where its whole output is. */
export function buildFailureMessage(outcome: BuildOutcome, logFile: string): string {
  const why = outcome.signal
    ? `was stopped by ${outcome.signal}${outcome.signal === 'SIGKILL' ? ' (often the machine ran out of memory: close other programs and run it again)' : ''}`
    : `exited with code ${outcome.code}`;
  return `next build ${why}. Its whole output is in ${logFile}.`;
}

/** Runs `next build`, showing its output and keeping a copy in `logFile`. */
export function runBuild(cwd: string, logFile: string): Promise<BuildOutcome> {
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const log = fs.createWriteStream(logFile);
  const child = spawn('npx', ['next', 'build'], { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => (process.stdout.write(chunk), log.write(chunk)));
  child.stderr.on('data', (chunk: Buffer) => (process.stderr.write(chunk), log.write(chunk)));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => log.end(() => resolve({ code, signal })));
  });
}
