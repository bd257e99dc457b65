'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createPerson, updatePerson } from '@/lib/data/people';
import { AppError } from '@/lib/errors';
import { personSchema, updatePersonSchema } from '@/lib/validation/people';

const personFieldsOf = (formData: FormData) => ({
  name: textOf(formData, 'name'),
  nameEn: textOf(formData, 'nameEn'),
  position: textOf(formData, 'position'),
  positionEn: textOf(formData, 'positionEn'),
  organization: textOf(formData, 'organization'),
  organizationEn: textOf(formData, 'organizationEn'),
});

export type CreatePersonState = FormState;

/** Adds a person to the directory, then back to it searched for the new name. */
export async function createPersonAction(_previous: CreatePersonState, formData: FormData): Promise<CreatePersonState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = personSchema.safeParse(personFieldsOf(formData));
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let name: string;
  try {
    ({ name } = await createPerson(actor, parsed.data));
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidatePath('/people');
  redirect(`/people?q=${encodeURIComponent(name)}`);
}

/** What is saved now, when someone else saved first. */
export type PersonSnapshot = {
  name: string;
  nameEn: string | null;
  position: string | null;
  positionEn: string | null;
  organization: string | null;
  organizationEn: string | null;
};
export type UpdatePersonState = FormState<{ version: number }, { current?: PersonSnapshot }>;

/** Saves a person against the version the form was loaded with. */
export async function updatePersonAction(_previous: UpdatePersonState, formData: FormData): Promise<UpdatePersonState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = updatePersonSchema.safeParse({ id: textOf(formData, 'id'), version: textOf(formData, 'version'), ...personFieldsOf(formData) });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: { id: number; version: number };
  try {
    saved = await updatePerson(actor, parsed.data);
  } catch (error) {
    const result = { ...(await failure(error)), values };
    if (error instanceof AppError && error.code === 'conflict' && error.details?.current) {
      return { ...result, current: error.details.current as PersonSnapshot };
    }
    return result;
  }
  revalidatePath('/people');
  revalidatePath(`/people/${saved.id}`);
  // Speaker lists, chairs, notices and minutes show the person's name and position.
  revalidatePath('/conferences', 'layout');
  return { ok: true, data: { version: saved.version } };
}
