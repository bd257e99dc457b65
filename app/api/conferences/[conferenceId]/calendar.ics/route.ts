import { getLocale } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { conferenceIcs } from '@/lib/data/calendar';
import { rowId } from '@/lib/validation/documents';
import { plainError } from '@/lib/http/plain-error';

export const dynamic = 'force-dynamic';

/** One conference as an .ics file to add to a calendar, in the user's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ conferenceId: string }> }) {
  const actor = await getActor();
  if (!actor) return plainError(401);
  const id = rowId.safeParse((await params).conferenceId);
  const ics = id.success ? await conferenceIcs(actor, id.data, await getLocale()) : null;
  if (!ics) return plainError(404);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="conference-${id.data}.ics"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
