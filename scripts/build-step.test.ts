import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFailureMessage } from './build-step';

describe('a failed demo build says why', () => {
  const log = path.join(os.tmpdir(), 'next-build.log');
  it('names the exit code and the log', () => {
    expect(buildFailureMessage({ code: 1, signal: null }, log)).toBe(`next build exited with code 1. Its whole output is in ${log}.`);
  });
  it('names the signal, and memory when the kernel killed it', () => {
    expect(buildFailureMessage({ code: null, signal: 'SIGKILL' }, log)).toMatch(/^next build was stopped by SIGKILL \(often the machine ran out of memory/);
    expect(buildFailureMessage({ code: null, signal: 'SIGTERM' }, log)).toBe(`next build was stopped by SIGTERM. Its whole output is in ${log}.`);
  });
  it('is not the bare "next build failed" any more', () => {
    expect(fs.readFileSync(path.join(__dirname, 'demo.ts'), 'utf8')).not.toContain("'next build failed'");
  });
});
