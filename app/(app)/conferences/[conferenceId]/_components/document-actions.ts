'use server';

import { revalidatePath } from 'next/cache';
import { type ActionResult, failure } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { removeConferenceDocument } from '@/lib/data/documents';
import { AppError } from '@/lib/errors';

/** Takes a document off a conference (kept, marked removed). The ids are re-checked by lib/data. */
export async function removeDocumentAction(conferenceId: number, id: number): Promise<ActionResult<{ fileName: string }>> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  try {
    const removed = await removeConferenceDocument(actor, { conferenceId, id });
    revalidatePath(`/conferences/${conferenceId}`);
    return { ok: true, data: { fileName: removed.fileName } };
  } catch (error) {
    return failure(error);
  }
}
