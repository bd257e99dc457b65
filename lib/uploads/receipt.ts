import 'server-only';
import crypto from 'node:crypto';
import { z } from 'zod';
import { env } from '@/lib/env';

/** How long an uploaded file waits for its follow-up to be posted. */
export const receiptLifetimeMs = 30 * 60 * 1000;

/**
 * What the upload route vouches for: this user put this file, checked and hashed, in staging
 * for this task. The follow-up that redeems it trusts these fields because they are signed.
 */
const receiptSchema = z.object({
  userId: z.number().int(),
  taskId: z.number().int().positive(),
  stagedId: z.string().regex(/^[0-9a-f]{32}$/),
  fileName: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(200),
  sizeBytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  expiresAt: z.number().int(),
});
export type UploadReceipt = z.infer<typeof receiptSchema>;

// Without NEXTAUTH_SECRET (tests, a first demo) receipts are signed with a key of this process only.
const fallback = globalThis as unknown as { __docketReceiptKey?: Buffer };
function key(): Buffer {
  const secret = env().NEXTAUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  // Derived, so a receipt's signature can never stand in for a session token's.
  if (secret) return crypto.createHmac('sha256', secret).update('docket upload receipt v1').digest();
  fallback.__docketReceiptKey ??= crypto.randomBytes(32);
  return fallback.__docketReceiptKey;
}

const sign = (payload: string) => crypto.createHmac('sha256', key()).update(payload).digest('base64url');

export function signReceipt(receipt: UploadReceipt): string {
  const payload = Buffer.from(JSON.stringify(receipt)).toString('base64url');
  return `${payload}.${sign(payload)}`;
}

/** The receipt when its signature holds and it has not expired, else null (forged, altered, old). */
export function readReceipt(token: string, now = Date.now()): UploadReceipt | null {
  const [payload, signature, ...rest] = token.split('.');
  if (!payload || !signature || rest.length) return null;
  const expected = Buffer.from(sign(payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !crypto.timingSafeEqual(expected, given)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  const receipt = receiptSchema.safeParse(parsed);
  if (!receipt.success || receipt.data.expiresAt < now) return null;
  return receipt.data;
}
