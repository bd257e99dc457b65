'use server';

import { revalidatePath } from 'next/cache';
import type { FormState } from '@/lib/actions/form-state';
import { textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { updateDepartment } from '@/lib/data/departments';
import { AppError } from '@/lib/errors';
import { updateDepartmentSchema } from '@/lib/validation/departments';

/** What is saved now, when someone else saved first. */
export type DepartmentSnapshot = {
  name: string;
  nameEn: string | null;
  shortName: string | null;
  shortNameEn: string | null;
  kind: 'department' | 'district' | 'office';
  parentId: number | null;
  sortOrder: number;
};
export type UpdateDepartmentState = FormState<{ version: number }, { current?: DepartmentSnapshot }>;

export async function updateDepartmentAction(_previous: UpdateDepartmentState, formData: FormData): Promise<UpdateDepartmentState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const parsed = updateDepartmentSchema.safeParse({
    id: textOf(formData, 'id'),
    version: textOf(formData, 'version'),
    name: textOf(formData, 'name'),
    nameEn: textOf(formData, 'nameEn'),
    shortName: textOf(formData, 'shortName'),
    shortNameEn: textOf(formData, 'shortNameEn'),
    kind: textOf(formData, 'kind'),
    parentId: textOf(formData, 'parentId'),
    sortOrder: textOf(formData, 'sortOrder'),
  });
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: { id: number; version: number };
  try {
    saved = await updateDepartment(actor, parsed.data);
  } catch (error) {
    const result = { ...(await failure(error)), values };
    if (error instanceof AppError && error.code === 'conflict' && error.details?.current) {
      return { ...result, current: error.details.current as DepartmentSnapshot };
    }
    return result;
  }
  revalidatePath('/admin/departments');
  revalidatePath(`/admin/departments/${saved.id}`);
  return { ok: true, data: { version: saved.version } };
}
