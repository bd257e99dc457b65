'use server';

import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';
import { textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { resetPassword, setUserActive, signOutEverywhere, unlockSignIn, updateUser } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { id, version } from '@/lib/validation/common';
import { updateUserSchema } from '@/lib/validation/users';

/** What is saved now, when someone else saved first. */
export type UserSnapshot = { displayName: string; email: string | null; role: string; departmentId: number | null };
export type UpdateUserState = FormState<{ version: number }, { current?: UserSnapshot }>;
export type SetUserActiveState = FormState<{ active: boolean }>;
export type ResetPasswordState = FormState<{ oneTimePassword: string }>;
export type SignInActionState = FormState<{ done: 'unlocked' | 'signedOut' }>;

async function unauthenticated() {
  return failure(new AppError('unauthenticated'));
}

function revalidateUser(userId: number) {
  revalidatePath('/admin/users');
  revalidatePath(`/admin/users/${userId}`);
}

export async function updateUserAction(_previous: UpdateUserState, formData: FormData): Promise<UpdateUserState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await unauthenticated()), values };
  const parsed = updateUserSchema.safeParse({
    id: textOf(formData, 'id'),
    version: textOf(formData, 'version'),
    displayName: textOf(formData, 'displayName'),
    email: textOf(formData, 'email'),
    role: textOf(formData, 'role'),
    departmentId: textOf(formData, 'departmentId'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: { id: number; version: number };
  try {
    saved = await updateUser(actor, parsed.data);
  } catch (error) {
    const result = { ...(await failure(error)), values };
    // Someone saved first: show what they saved next to what this admin typed.
    if (error instanceof AppError && error.code === 'conflict' && error.details?.current) {
      return { ...result, current: error.details.current as UserSnapshot };
    }
    return result;
  }
  revalidateUser(saved.id);
  return { ok: true, data: { version: saved.version } };
}

const userIdSchema = z.object({ id });
const setActiveSchema = z.object({ id, version, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function setUserActiveAction(_previous: SetUserActiveState, formData: FormData): Promise<SetUserActiveState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = setActiveSchema.safeParse({ id: textOf(formData, 'id'), version: textOf(formData, 'version'), active: textOf(formData, 'active') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setUserActive(actor, parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidateUser(parsed.data.id);
  return { ok: true, data: { active: parsed.data.active } };
}

export async function resetUserPasswordAction(_previous: ResetPasswordState, formData: FormData): Promise<ResetPasswordState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = userIdSchema.safeParse({ id: textOf(formData, 'id') });
  if (!parsed.success) return invalid(parsed.error);
  let result: { oneTimePassword: string };
  try {
    result = await resetPassword(actor, parsed.data.id);
  } catch (error) {
    return failure(error);
  }
  revalidateUser(parsed.data.id);
  return { ok: true, data: result };
}

const signInIntentSchema = userIdSchema.extend({ intent: z.enum(['unlock', 'signOut']) });

/** Unlocks sign-in (the account's failures stop counting) or signs the user out everywhere, as the button says. */
export async function userSignInAction(_previous: SignInActionState, formData: FormData): Promise<SignInActionState> {
  const actor = await getActor();
  if (!actor) return unauthenticated();
  const parsed = signInIntentSchema.safeParse({ id: textOf(formData, 'id'), intent: textOf(formData, 'intent') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    if (parsed.data.intent === 'unlock') await unlockSignIn(actor, parsed.data.id);
    else await signOutEverywhere(actor, parsed.data.id);
  } catch (error) {
    return failure(error);
  }
  revalidateUser(parsed.data.id);
  return { ok: true, data: { done: parsed.data.intent === 'unlock' ? 'unlocked' : 'signedOut' } };
}
