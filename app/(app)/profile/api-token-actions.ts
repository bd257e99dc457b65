'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createApiToken, revokeApiToken } from '@/lib/data/api-tokens';
import { AppError } from '@/lib/errors';
import { idOf } from '@/lib/validation/common';

export type CreateApiTokenState = FormState<{ token: string; name: string }>;
export type RevokeApiTokenState = FormState<{ name: string }>;

/** Creates an API token for the signed-in user; the result carries the token, shown once. */
export async function createApiTokenAction(_previous: CreateApiTokenState, formData: FormData): Promise<CreateApiTokenState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  try {
    // createApiToken parses the fields; naming no user makes the token the actor's own.
    const created = await createApiToken(actor, { name: textOf(formData, 'name'), expiresOn: textOf(formData, 'expiresOn') });
    revalidatePath('/profile');
    return { ok: true, data: { token: created.token, name: created.name } };
  } catch (error) {
    return { ...(await failure(error)), values };
  }
}

/** Revokes one of the signed-in user's tokens (`tokenId`). */
export async function revokeApiTokenAction(_previous: RevokeApiTokenState, formData: FormData): Promise<RevokeApiTokenState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  try {
    const { name } = await revokeApiToken(actor, idOf(textOf(formData, 'tokenId')) ?? Number.NaN);
    revalidatePath('/profile');
    return { ok: true, data: { name } };
  } catch (error) {
    return failure(error);
  }
}
