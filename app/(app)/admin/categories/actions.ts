'use server';

import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { createActionCategory, updateActionCategory } from '@/lib/data/action-categories';
import { AppError } from '@/lib/errors';
import { createCategorySchema, updateCategorySchema } from '@/lib/validation/action-categories';

export type CategoryState = FormState<{ code: string; at: number }>;

type Actor = NonNullable<Awaited<ReturnType<typeof getActor>>>;

async function save<T>(formData: FormData, parsed: z.ZodSafeParseResult<T>, write: (actor: Actor, data: T) => Promise<{ code: string; updatedAt: Date }>): Promise<CategoryState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  let saved: { code: string; updatedAt: Date };
  try {
    saved = await write(actor, parsed.data);
  } catch (error) {
    // Someone else saved first: show what is saved now, keep what was typed here.
    if (error instanceof AppError && error.code === 'conflict') revalidatePath('/admin/categories');
    return { ...(await failure(error)), values };
  }
  revalidatePath('/admin/categories');
  return { ok: true, data: { code: saved.code, at: saved.updatedAt.getTime() } };
}

export async function createCategoryAction(_previous: CategoryState, formData: FormData): Promise<CategoryState> {
  return save(
    formData,
    createCategorySchema.safeParse({ code: textOf(formData, 'code'), name: textOf(formData, 'name'), nameEn: textOf(formData, 'nameEn') }),
    createActionCategory,
  );
}

export async function updateCategoryAction(_previous: CategoryState, formData: FormData): Promise<CategoryState> {
  return save(
    formData,
    updateCategorySchema.safeParse({
      code: textOf(formData, 'code'),
      updatedAt: textOf(formData, 'updatedAt'),
      name: textOf(formData, 'name'),
      nameEn: textOf(formData, 'nameEn'),
      // An unticked box is absent from the form.
      active: formData.get('active') === 'on',
    }),
    updateActionCategory,
  );
}
