'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { FormState } from '@/lib/actions/form-state';
import { textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createDepartment } from '@/lib/data/departments';
import { AppError } from '@/lib/errors';
import { createDepartmentSchema } from '@/lib/validation/departments';

export type CreateDepartmentState = FormState;

export async function createDepartmentAction(_previous: CreateDepartmentState, formData: FormData): Promise<CreateDepartmentState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = createDepartmentSchema.safeParse({
    code: textOf(formData, 'code'),
    name: textOf(formData, 'name'),
    nameEn: textOf(formData, 'nameEn'),
    shortName: textOf(formData, 'shortName'),
    shortNameEn: textOf(formData, 'shortNameEn'),
    kind: textOf(formData, 'kind'),
    parentId: textOf(formData, 'parentId'),
    sortOrder: textOf(formData, 'sortOrder'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  try {
    await createDepartment(actor, parsed.data);
  } catch (error) {
    return { ...(await failure(error)), values };
  }
  revalidatePath('/admin/departments');
  redirect('/admin/departments');
}
