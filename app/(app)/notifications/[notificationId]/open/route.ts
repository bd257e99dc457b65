import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { openNotification } from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import { id } from '@/lib/validation/common';

type Context = { params: Promise<{ notificationId: string }> };

/**
 * Following a notification's link: marks it read, then goes to its task or conference. Only a
 * click from Docket itself (or a typed address) marks it: another site embedding this URL must
 * not change what the user sees as unread.
 */
export async function GET(request: Request, { params }: Context) {
  const site = request.headers.get('sec-fetch-site');
  const markRead = site === null || site === 'same-origin' || site === 'none';
  const actor = await getActor();
  if (!actor) redirect('/login');
  const parsed = id.safeParse((await params).notificationId);
  let target = '/notifications';
  if (parsed.success) {
    try {
      target = await openNotification(actor, parsed.data, new Date(), markRead);
    } catch (error) {
      // Someone else's or a missing notification: back to the list, nothing changed.
      if (!(error instanceof AppError)) throw error;
    }
  }
  redirect(target);
}
