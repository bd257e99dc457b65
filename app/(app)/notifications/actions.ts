'use server';

import { revalidatePath } from 'next/cache';
import { actorOrThrow } from '@/lib/auth/session';
import { markNotificationsRead } from '@/lib/data/notifications';
import { id } from '@/lib/validation/common';

/** Marks one of the user's notifications read; a bad or foreign id changes nothing. */
export async function markNotificationReadAction(formData: FormData): Promise<void> {
  const actor = await actorOrThrow();
  const parsed = id.safeParse(formData.get('id'));
  if (!parsed.success) return;
  await markNotificationsRead(actor, [parsed.data]);
  // The bell in the layout shows the count.
  revalidatePath('/', 'layout');
}

export async function markAllNotificationsReadAction(): Promise<void> {
  const actor = await actorOrThrow();
  await markNotificationsRead(actor, 'all');
  revalidatePath('/', 'layout');
}
