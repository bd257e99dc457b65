'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { type FormState, textOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { addCarryOverItem } from '@/lib/data/carry-over';
import { AppError } from '@/lib/errors';
import { id } from '@/lib/validation/common';

/** `created: false` when the conference already had its review item. */
export type CarryOverState = FormState<{ created: boolean }>;

const carryOverSchema = z.object({ conferenceId: id });

/** The conference page and the papers printed from it show the agenda. */
function revalidateAgenda(conferenceId: number) {
  for (const path of ['', '/notice', '/minutes', '/carry-over']) revalidatePath(`/conferences/${conferenceId}${path}`);
}

/** Adds the review of the earlier conferences' open tasks to the agenda (one click). */
export async function addCarryOverItemAction(_previous: CarryOverState, formData: FormData): Promise<CarryOverState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const parsed = carryOverSchema.safeParse({ conferenceId: textOf(formData, 'conferenceId') });
  if (!parsed.success) return invalid(parsed.error);
  let created: boolean;
  try {
    ({ created } = await addCarryOverItem(actor, parsed.data));
  } catch (error) {
    // Held or cancelled since the page was loaded: show the page as it is now, with the reason.
    if (error instanceof AppError && (error.code === 'conflict' || error.code === 'not_found')) revalidateAgenda(parsed.data.conferenceId);
    return failure(error);
  }
  revalidateAgenda(parsed.data.conferenceId);
  return { ok: true, data: { created } };
}
