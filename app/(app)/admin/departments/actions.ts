'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { z } from 'zod';
import type { FormState } from '@/lib/actions/form-state';
import { textOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { moveDepartment, setDepartmentActive } from '@/lib/data/departments';
import { AppError } from '@/lib/errors';
import { id, version } from '@/lib/validation/common';

export type DepartmentRowState = FormState<{ done: 'moved' | 'unmoved' | 'activated' | 'deactivated' }>;

const moveSchema = z.object({ id, direction: z.enum(['up', 'down']) });
const setActiveSchema = z.object({ id, version, active: z.enum(['true', 'false']).transform((v) => v === 'true') });

export async function moveDepartmentAction(_previous: DepartmentRowState, formData: FormData): Promise<DepartmentRowState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const parsed = moveSchema.safeParse({ id: textOf(formData, 'id'), direction: textOf(formData, 'direction') });
  if (!parsed.success) return invalid(parsed.error);
  let moved: boolean;
  try {
    ({ moved } = await moveDepartment(actor, parsed.data));
  } catch (error) {
    return failure(error);
  }
  revalidatePath('/admin/departments');
  return { ok: true, data: { done: moved ? 'moved' : 'unmoved' } };
}

export async function setDepartmentActiveAction(_previous: DepartmentRowState, formData: FormData): Promise<DepartmentRowState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const parsed = setActiveSchema.safeParse({ id: textOf(formData, 'id'), version: textOf(formData, 'version'), active: textOf(formData, 'active') });
  if (!parsed.success) return invalid(parsed.error);
  try {
    await setDepartmentActive(actor, parsed.data);
  } catch (error) {
    // Say how many tasks stand in the way, not only that some do.
    if (error instanceof AppError && error.messageKey === 'departmentHasOpenTasks') {
      const t = await getTranslations('adminDepartments');
      return { ok: false, code: error.code, message: t('status.hasOpenTasks', { count: Number(error.details?.openTasks ?? 0) }) };
    }
    return failure(error);
  }
  revalidatePath('/admin/departments');
  revalidatePath(`/admin/departments/${parsed.data.id}`);
  return { ok: true, data: { done: parsed.data.active ? 'activated' : 'deactivated' } };
}
