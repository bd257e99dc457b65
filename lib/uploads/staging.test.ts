import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { UploadTooLarge, sniffBytes, stageStream, stagedExists, stagedPath, stagingDir, sweepStaged } from './staging';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-staging-'));
const previous = process.env.DATA_DIR;

beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  resetEnvForTests();
});
afterAll(() => {
  if (previous === undefined) delete process.env.DATA_DIR;
  else process.env.DATA_DIR = previous;
  resetEnvForTests();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

/** Bytes sent in chunks of uneven sizes, counting how many chunks were pulled. */
function streamOf(bytes: Uint8Array, chunkSizes = [1, 4096, 65_536, 7_777, 300_001], { asSocket = false } = {}) {
  const pulled = { count: 0 };
  let at = 0;
  const body = new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        // A socket delivers on later turns of the event loop, while the disk is still writing.
        if (asSocket) await new Promise((resolve) => setImmediate(resolve));
        if (at >= bytes.length) return controller.close();
        const size = chunkSizes[pulled.count % chunkSizes.length]!;
        controller.enqueue(bytes.slice(at, at + size));
        at += size;
        pulled.count += 1;
      },
    },
    { highWaterMark: 0 },
  );
  return { body, pulled };
}

const stagedFiles = () => (fs.existsSync(stagingDir()) ? fs.readdirSync(stagingDir()) : []);

describe('staging an upload as it streams', () => {
  it('writes every byte to disk, hashes it and keeps only the start and the end in memory', async () => {
    const bytes = crypto.randomBytes(3 * 1024 * 1024 + 12_345);
    const staged = await stageStream(streamOf(bytes).body, 20 * 1024 * 1024);
    expect(staged.sizeBytes).toBe(bytes.length);
    // Checked by an independent hash of the bytes sent, and of the file on disk.
    expect(staged.sha256).toBe(crypto.createHash('sha256').update(bytes).digest('hex'));
    const onDisk = fs.readFileSync(stagedPath(staged.stagedId));
    expect(crypto.createHash('sha256').update(onDisk).digest('hex')).toBe(staged.sha256);
    expect(Buffer.from(staged.head).equals(bytes.subarray(0, sniffBytes))).toBe(true);
    expect(Buffer.from(staged.tail).equals(bytes.subarray(bytes.length - sniffBytes))).toBe(true);
  });

  it('keeps a small file whole as both its start and its end', async () => {
    const bytes = crypto.randomBytes(10_000);
    const staged = await stageStream(streamOf(bytes).body, 1024 * 1024);
    expect(Buffer.from(staged.head).equals(bytes)).toBe(true);
    expect(Buffer.from(staged.tail).equals(bytes)).toBe(true);
  });

  it('stops reading just past the limit and leaves nothing behind', async () => {
    const before = stagedFiles().length;
    const { body, pulled } = streamOf(new Uint8Array(50 * 1024 * 1024), [1024 * 1024]);
    await expect(stageStream(body, 20 * 1024 * 1024)).rejects.toBeInstanceOf(UploadTooLarge);
    expect(pulled.count).toBe(21);
    expect(stagedFiles().length).toBe(before);
  });

  it('refuses cleanly while a small write is still on its way to disk', async () => {
    // Chunks under the write buffer are accepted without waiting, so one is pending at the refusal.
    const before = stagedFiles().length;
    for (let round = 0; round < 20; round += 1) {
      const { body } = streamOf(new Uint8Array(2 * 1024 * 1024), [4096], { asSocket: true });
      await expect(stageStream(body, 1024 * 1024)).rejects.toBeInstanceOf(UploadTooLarge);
    }
    expect(stagedFiles().length).toBe(before);
  });

  it('sweeps staged files older than an hour, and only those', async () => {
    const old = await stageStream(streamOf(crypto.randomBytes(100)).body, 1024);
    const fresh = await stageStream(streamOf(crypto.randomBytes(100)).body, 1024);
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    fs.utimesSync(stagedPath(old.stagedId), twoHoursAgo, twoHoursAgo);
    expect(await sweepStaged()).toBe(1);
    expect(await stagedExists(old.stagedId)).toBe(false);
    expect(await stagedExists(fresh.stagedId)).toBe(true);
  });

  it('refuses a staged id that could name another file', () => {
    expect(() => stagedPath('../../etc/passwd')).toThrow();
  });
});
