'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/actions/form-state';
import { textOf } from '@/lib/actions/form-state';
import { setLocaleAction } from '@/lib/actions/locale';
import { failure, invalid } from '@/lib/actions/result';
import { endSessionCookie, updateSessionToken } from '@/lib/auth/session-cookie';
import { getActor } from '@/lib/auth/session';
import { changeOwnPassword, signOutEverywhere } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validation/users';

export type ChangePasswordState = FormState;
export type LanguageState = FormState<{ locale: string }>;

/**
 * Changes the signed-in user's password, which ends all their sessions; this browser's carries on
 * with the new session version. A forced change (one-time password) then goes on to work.
 */
export async function changePasswordAction(_previous: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const parsed = changePasswordSchema.safeParse({
    currentPassword: textOf(formData, 'currentPassword'),
    newPassword: textOf(formData, 'newPassword'),
    confirmPassword: textOf(formData, 'confirmPassword'),
  });
  // Passwords are not sent back: the form asks for them again.
  if (!parsed.success) return invalid(parsed.error);
  let sessionVersion: number;
  try {
    ({ sessionVersion } = await changeOwnPassword(actor, parsed.data));
  } catch (error) {
    return failure(error);
  }
  // Without "must change" too: the proxy would otherwise keep sending the user back here.
  await updateSessionToken({ sv: sessionVersion, mcp: false });
  if (actor.mustChangePassword) redirect('/dashboard');
  return { ok: true, data: undefined };
}

/** Ends every session of the signed-in user, this one too, and goes to the sign-in page. */
export async function signOutEverywhereAction(): Promise<FormState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  try {
    await signOutEverywhere(actor, actor.id);
  } catch (error) {
    return failure(error);
  }
  await endSessionCookie();
  redirect('/login');
}

/** The interface language: saved to the profile and the browser's cookie, by the top bar's own action. */
export async function setLanguageAction(_previous: LanguageState, formData: FormData): Promise<LanguageState> {
  const result = await setLocaleAction(textOf(formData, 'locale'));
  return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
}
