import { createHash, timingSafeEqual } from 'node:crypto';
import { runRemindersAndSend } from '@/lib/data/reminders';
import { env } from '@/lib/env';
import { errorFields, logger } from '@/lib/log';

export const dynamic = 'force-dynamic';

const secretHeader = 'x-reminder-secret';
const noStore = { 'Cache-Control': 'no-store' };

// Hashing first gives equal lengths, so the comparison takes the same time for any guess.
const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * For schedulers: sends today's reminders and drains the e-mail outbox, answering the counts.
 * A scheduler cannot sign in, so the `X-Reminder-Secret` header equal to REMINDER_SECRET is
 * the credential (proxy.ts lets /api/cron through); without REMINDER_SECRET the route is off (404).
 */
export async function POST(request: Request) {
  const secret = env().REMINDER_SECRET;
  if (!secret) return new Response(null, { status: 404, headers: noStore });
  if (!timingSafeEqual(digest(request.headers.get(secretHeader) ?? ''), digest(secret))) {
    return Response.json({ error: 'unauthorized' }, { status: 401, headers: noStore });
  }
  try {
    return Response.json(await runRemindersAndSend(), { headers: noStore });
  } catch (error) {
    logger.error('reminders run failed', errorFields(error));
    return Response.json({ error: 'failed' }, { status: 500, headers: noStore });
  }
}
