import 'server-only';
import crypto from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { env } from '@/lib/env';

/** How much of a file's start and end is kept for reading its type (zip directories sit at the end). */
export const sniffBytes = 256 * 1024;
/** Staged files nobody posted are removed after this long (receipts last 30 minutes). */
export const stagedMaxAgeMs = 60 * 60 * 1000;
const sweepEveryMs = 10 * 60 * 1000;

/** A file received and written to the staging folder, with what is needed to check and store it. */
export interface StagedFile {
  stagedId: string;
  sizeBytes: number;
  sha256: string;
  head: Uint8Array;
  tail: Uint8Array;
}

/** The body went past `maxBytes`; nothing of it is kept. */
export class UploadTooLarge extends Error {
  constructor(readonly maxBytes: number) {
    super(`upload larger than ${maxBytes} bytes`);
    this.name = 'UploadTooLarge';
  }
}

const stagedIdPattern = /^[0-9a-f]{32}$/;

/** Outside the storage keys (they never start with a dot), on the same disk so adopting is a rename. */
export function stagingDir(): string {
  return path.join(env().DATA_DIR, 'files', '.staged');
}

export function stagedPath(stagedId: string): string {
  if (!stagedIdPattern.test(stagedId)) throw new Error(`invalid staged id: ${JSON.stringify(stagedId)}`);
  return path.join(stagingDir(), stagedId);
}

/** The last `max` bytes of what passed, kept as the chunks arrive. */
function tailKeeper(max: number) {
  const chunks: Uint8Array[] = [];
  let kept = 0;
  return {
    add(chunk: Uint8Array) {
      chunks.push(chunk);
      kept += chunk.byteLength;
      while (chunks.length > 1 && kept - chunks[0]!.byteLength >= max) kept -= chunks.shift()!.byteLength;
    },
    bytes(): Uint8Array {
      const all = Buffer.concat(chunks);
      return new Uint8Array(all.subarray(Math.max(0, all.byteLength - max)));
    },
  };
}

/**
 * Writes a request body to the staging folder as it arrives, hashing and counting it; past
 * `maxBytes` it stops reading, removes what it wrote and throws `UploadTooLarge`. Memory stays
 * at a few chunks plus the kept start and end, whatever the size.
 */
export async function stageStream(body: ReadableStream<Uint8Array>, maxBytes: number): Promise<StagedFile> {
  void sweepStagedSoon();
  await fs.mkdir(stagingDir(), { recursive: true });
  const stagedId = crypto.randomBytes(16).toString('hex');
  const target = stagedPath(stagedId);
  const out = createWriteStream(target, { flags: 'wx' });
  // A write still pending when the stream is destroyed reports an error; without a listener that is uncaught.
  let writeError: unknown = null;
  out.on('error', (error) => (writeError ??= error));
  const hash = crypto.createHash('sha256');
  const tail = tailKeeper(sniffBytes);
  const head: Uint8Array[] = [];
  let headSize = 0;
  let size = 0;
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) throw new UploadTooLarge(maxBytes);
      hash.update(value);
      tail.add(value);
      if (headSize < sniffBytes) {
        head.push(value);
        headSize += value.byteLength;
      }
      if (writeError) throw writeError;
      if (!out.write(value)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (error) {
    // Releasing, not cancelling: cancel destroys the socket the refusal is about to be written to.
    reader.releaseLock();
    if (!out.closed) {
      // Not `once(out, 'close')`: that rejects on the error the pending write reports.
      const closed = new Promise<void>((resolve) => out.once('close', () => resolve()));
      out.destroy();
      await closed;
    }
    await fs.rm(target, { force: true });
    throw error;
  }
  return {
    stagedId,
    sizeBytes: size,
    sha256: hash.digest('hex'),
    head: new Uint8Array(Buffer.concat(head).subarray(0, sniffBytes)),
    tail: tail.bytes(),
  };
}

/** Removes a staged file (refused, or already stored). */
export async function discardStaged(stagedId: string): Promise<void> {
  await fs.rm(stagedPath(stagedId), { force: true });
}

/** Whether the staged file is still there (a receipt outlives it only when it was swept or used). */
export async function stagedExists(stagedId: string): Promise<boolean> {
  return fs.access(stagedPath(stagedId)).then(
    () => true,
    () => false,
  );
}

/** Removes staged files older than `maxAgeMs`: uploads whose follow-up was never posted. */
export async function sweepStaged(now = Date.now(), maxAgeMs = stagedMaxAgeMs): Promise<number> {
  const names = await fs.readdir(stagingDir()).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const full = path.join(stagingDir(), name);
    const stat = await fs.stat(full).catch(() => null);
    if (stat && now - stat.mtimeMs > maxAgeMs) {
      await fs.rm(full, { force: true });
      removed += 1;
    }
  }
  return removed;
}

const sweepState = globalThis as unknown as { __docketStagedSweptAt?: number };

/** At most every ten minutes per process, on the back of an upload: no timer to keep alive. */
async function sweepStagedSoon(): Promise<void> {
  const now = Date.now();
  if (now - (sweepState.__docketStagedSweptAt ?? 0) < sweepEveryMs) return;
  sweepState.__docketStagedSweptAt = now;
  await sweepStaged(now).catch(() => undefined);
}
