import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { conferenceIcs } from '@/lib/data/calendar';
import { rowId } from '@/lib/validation/documents';

export const dynamic = 'force-dynamic';

async function plain(status: 401 | 404) {
  const t = await getTranslations('errors');
  return new Response(t(status === 401 ? 'unauthenticated' : 'notFound'), {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}

/** One conference as an .ics file to add to a calendar, in the user's language. */
export async function GET(_request: Request, { params }: { params: Promise<{ conferenceId: string }> }) {
  const actor = await getActor();
  if (!actor) return plain(401);
  const id = rowId.safeParse((await params).conferenceId);
  const ics = id.success ? await conferenceIcs(actor, id.data, await getLocale()) : null;
  if (!ics) return plain(404);
  return new Response(ics, {
    headers: {
      'Content-Type': 'text/calendar; charset=utf-8',
      'Content-Disposition': `attachment; filename="conference-${id.data}.ics"`,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
