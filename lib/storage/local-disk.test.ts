import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LocalDiskStorage, storageKeyFor } from './index';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-storage-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const storage = new LocalDiskStorage(root);
const sha = 'ab'.repeat(32);

describe('LocalDiskStorage', () => {
  it('stores under ab/cd/<sha256> and reads the same bytes back, leaving no temp files', async () => {
    const key = storageKeyFor(sha);
    expect(key).toBe(`ab/ab/${sha}`);
    await storage.put(key, new Uint8Array([1, 2, 3]));
    await storage.put(key, new Uint8Array([1, 2, 3]));
    expect(await storage.get(key)).toEqual(new Uint8Array([1, 2, 3]));
    expect(await storage.has(key)).toBe(true);
    expect(fs.readdirSync(path.join(root, 'ab', 'ab'))).toEqual([sha]);
  });

  it('answers null for a key that was never stored', async () => {
    expect(await storage.get(storageKeyFor('cd'.repeat(32)))).toBeNull();
    expect(await storage.has(storageKeyFor('cd'.repeat(32)))).toBe(false);
  });

  it.each(['../etc/passwd', 'ab/../../x', '/etc/passwd', 'ab//cd', '', 'ab\\cd', 'a/..b', '.hidden'])('refuses the key %j', async (key) => {
    await expect(storage.put(key, new Uint8Array([1]))).rejects.toThrow(/storage key/);
    await expect(storage.get(key)).rejects.toThrow(/storage key/);
  });

  it('accepts only a lower-case hex SHA-256 as content address', () => {
    expect(() => storageKeyFor('../../etc')).toThrow();
    expect(() => storageKeyFor('AB'.repeat(32))).toThrow();
  });
});
