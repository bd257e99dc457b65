'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createUser } from '@/lib/data/users';
import { AppError } from '@/lib/errors';
import { createUserSchema } from '@/lib/validation/users';

export type CreatedUser = { id: number; username: string; displayName: string; oneTimePassword: string };
export type CreateUserState = FormState<CreatedUser>;

/** Creates a user with a one-time password, which is returned once for the admin to hand over. */
export async function createUserAction(_previous: CreateUserState, formData: FormData): Promise<CreateUserState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = createUserSchema.safeParse({
    username: textOf(formData, 'username'),
    displayName: textOf(formData, 'displayName'),
    email: textOf(formData, 'email'),
    role: textOf(formData, 'role'),
    departmentId: textOf(formData, 'departmentId'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let created: Awaited<ReturnType<typeof createUser>>;
  try {
    created = await createUser(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidatePath('/admin/users');
  return {
    ok: true,
    data: {
      id: created.user.id,
      username: created.user.username,
      displayName: parsed.data.displayName,
      oneTimePassword: created.oneTimePassword!,
    },
  };
}
