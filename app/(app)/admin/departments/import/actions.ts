'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import type { FormState } from '@/lib/actions/form-state';
import { failure } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { CsvImportError, type ImportRowError, importDepartments } from '@/lib/data/department-import';
import { AppError } from '@/lib/errors';
import { maxImportBytes } from './limits';

export type ImportDepartmentsState = FormState<{ created: number; encoding: string }, { problems?: string[] }>;

const requiredColumns = ['name', 'kind'] as const;

async function describe(problems: ImportRowError[]): Promise<string[]> {
  const [t, tValidation] = await Promise.all([getTranslations('adminDepartments.import'), getTranslations('validation')]);
  return problems.map((p) => {
    const key = p.key as Parameters<typeof tValidation>[0];
    const message = tValidation.has(key) ? tValidation(key, p.values as never) : tValidation('invalid');
    // A missing column is named as the reader would write it.
    const column =
      p.key === 'missingColumn' && (requiredColumns as readonly string[]).includes(p.column)
        ? t(`columns.${p.column as (typeof requiredColumns)[number]}`)
        : p.column;
    return column ? t('problem', { row: p.row, column, message }) : t('problemRow', { row: p.row, message });
  });
}

export async function importDepartmentsAction(_previous: ImportDepartmentsState, formData: FormData): Promise<ImportDepartmentsState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const t = await getTranslations('adminDepartments.import');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, code: 'validation', message: t('noFile'), fieldErrors: { file: [t('noFile')] } };
  }
  if (file.size > maxImportBytes) {
    return { ok: false, code: 'validation', message: t('tooLarge'), fieldErrors: { file: [t('tooLarge')] } };
  }
  let result: { created: number; encoding: string };
  try {
    result = await importDepartments(actor, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof CsvImportError) {
      return { ok: false, code: 'validation', message: t('failed', { count: error.rowErrors.length }), problems: await describe(error.rowErrors) };
    }
    return failure(error);
  }
  revalidatePath('/admin/departments');
  return { ok: true, data: result };
}
