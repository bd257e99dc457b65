import { redirect } from 'next/navigation';
import { getActor } from '@/lib/auth/session';
import { openNotification } from '@/lib/data/notifications';
import { AppError } from '@/lib/errors';
import { id } from '@/lib/validation/common';

type Context = { params: Promise<{ notificationId: string }> };

/** Following a notification's link: marks it read, then goes to its task or conference. */
export async function GET(_request: Request, { params }: Context) {
  const actor = await getActor();
  if (!actor) redirect('/login');
  const parsed = id.safeParse((await params).notificationId);
  let target = '/notifications';
  if (parsed.success) {
    try {
      target = await openNotification(actor, parsed.data);
    } catch (error) {
      // Someone else's or a missing notification: back to the list, nothing changed.
      if (!(error instanceof AppError)) throw error;
    }
  }
  redirect(target);
}
