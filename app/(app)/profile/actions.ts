'use server';

import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/actions/form-state';
import { textOf } from '@/lib/actions/form-state';
import { setLocaleAction } from '@/lib/actions/locale';
import { failure, invalid } from '@/lib/actions/result';
import { updateSessionToken } from '@/lib/auth/session-cookie';
import { getActor } from '@/lib/auth/session';
import { changeOwnPassword } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { changePasswordSchema } from '@/lib/validation/users';

export type ChangePasswordState = FormState;
export type LanguageState = FormState<{ locale: string }>;

/** Changes the signed-in user's password; a forced change (one-time password) then goes on to work. */
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
  try {
    await changeOwnPassword(actor, parsed.data);
  } catch (error) {
    return failure(error);
  }
  if (actor.mustChangePassword) {
    // The session still says "must change" and the proxy would keep sending the user back here.
    await updateSessionToken({ mcp: false });
    redirect('/dashboard');
  }
  return { ok: true, data: undefined };
}

/** The interface language: saved to the profile and the browser's cookie, by the top bar's own action. */
export async function setLanguageAction(_previous: LanguageState, formData: FormData): Promise<LanguageState> {
  const result = await setLocaleAction(textOf(formData, 'locale'));
  return result.ok ? { ok: true, data: result.data } : { ok: false, message: result.message };
}
