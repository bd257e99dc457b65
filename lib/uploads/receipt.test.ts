import { describe, expect, it } from 'vitest';
import { type UploadReceipt, readReceipt, signReceipt } from './receipt';

const receipt: UploadReceipt = {
  userId: 12,
  taskId: 10_234,
  stagedId: 'ab'.repeat(16),
  fileName: '排查台账.pdf',
  mediaType: 'application/pdf',
  sizeBytes: 2048,
  sha256: 'cd'.repeat(32),
  expiresAt: Date.parse('2026-12-07T10:30:00Z'),
};
const before = Date.parse('2026-12-07T10:00:00Z');

describe('upload receipts', () => {
  it('reads back what was signed, until it expires', () => {
    const token = signReceipt(receipt);
    expect(readReceipt(token, before)).toEqual(receipt);
    expect(readReceipt(token, receipt.expiresAt + 1)).toBeNull();
  });

  it('refuses any change to what was signed, and anything that is not a receipt', () => {
    const [payload, signature] = signReceipt(receipt).split('.') as [string, string];
    const altered = Buffer.from(JSON.stringify({ ...receipt, taskId: 1 })).toString('base64url');
    expect(readReceipt(`${altered}.${signature}`, before)).toBeNull();
    expect(readReceipt(`${payload}.${signature.slice(0, -2)}xx`, before)).toBeNull();
    expect(readReceipt(payload, before)).toBeNull();
    expect(readReceipt(`${payload}.${signature}.x`, before)).toBeNull();
    expect(readReceipt('', before)).toBeNull();
  });
});
