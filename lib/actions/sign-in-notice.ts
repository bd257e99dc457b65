'use server';

import { updateSessionToken } from '@/lib/auth/session-cookie';
import { getActor } from '@/lib/auth/session';

/** The failed sign-ins notice has been shown: the session stops carrying it, so it is shown once. */
export async function signInNoticeShownAction(): Promise<void> {
  if (!(await getActor())) return;
  await updateSessionToken({ ff: undefined });
}
