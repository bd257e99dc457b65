import { calendarFeedFor } from '@/lib/data/calendar';

export const dynamic = 'force-dynamic';

/**
 * A user's calendar subscription. Calendar apps cannot sign in, so the secret token in the
 * address is the credential (proxy.ts lets /api/calendar through without a session).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  const ics = await calendarFeedFor((await params).token);
  if (!ics) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': 'inline; filename="docket.ics"',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
      // The address is a secret: keep it out of referrers.
      'Referrer-Policy': 'no-referrer',
    },
  });
}
