import 'server-only';
import path from 'node:path';
import { env } from '@/lib/env';
import { LocalDiskStorage } from './local-disk';

/**
 * Where uploaded files live. Local disk under `DATA_DIR/files` for now; an S3-compatible
 * store plugs in here when several app instances share the files.
 */
export interface FileStorage {
  put(key: string, data: Uint8Array): Promise<void>;
  get(key: string): Promise<Uint8Array | null>;
  /** Optional: lets content-addressed writers skip a file that is already stored. */
  has?(key: string): Promise<boolean>;
  /** Optional: takes over a file on local disk (an upload streamed to staging), removing it there. */
  putFile?(key: string, sourcePath: string): Promise<void>;
}

/** Content-addressed: the same bytes always get the same key, so a file uploaded twice is stored once. */
export function storageKeyFor(sha256: string): string {
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('storageKeyFor: expected a lower-case hex SHA-256');
  return `${sha256.slice(0, 2)}/${sha256.slice(2, 4)}/${sha256}`;
}

// Kept on globalThis so dev-mode module reloads and tests share one instance.
const holder = globalThis as unknown as { __docketStorage?: FileStorage };

export function getStorage(): FileStorage {
  holder.__docketStorage ??= new LocalDiskStorage(path.join(env().DATA_DIR, 'files'));
  return holder.__docketStorage;
}

/** Tests put files in a temporary directory (or pass undefined to go back to the configured one). */
export function setStorageForTests(storage: FileStorage | undefined): void {
  holder.__docketStorage = storage;
}

export { LocalDiskStorage };
