'use server';

import { revalidatePath } from 'next/cache';
import { getTranslations } from 'next-intl/server';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { CsvImportError, type ImportRowError } from '@/lib/data/department-import';
import { correctIndicatorMonth, importIndicators, recordIndicatorMonth } from '@/lib/data/safety-indicators';
import { type IndicatorCsvField, indicatorCsvColumns, indicatorCsvFields, indicatorMeasures } from '@/lib/domain/indicators';
import { AppError } from '@/lib/errors';
import { correctIndicatorSchema, recordIndicatorSchema } from '@/lib/validation/indicators';
import { maxImportBytes } from '../admin/departments/import/limits';

/** A month's figures as saved now, when someone else saved first. */
export type IndicatorSnapshot = Record<(typeof indicatorMeasures)[number], number>;
export type SaveIndicatorState = FormState<
  { id: number; version: number; year: number; month: number; departmentId: number | null; corrected: boolean },
  { current?: IndicatorSnapshot; existingId?: number }
>;

const figuresOf = (formData: FormData) => Object.fromEntries(indicatorMeasures.map((m) => [m, textOf(formData, m)]));

/** Records a new month, or corrects the month named by `id` against its `version`. */
export async function saveIndicatorAction(_previous: SaveIndicatorState, formData: FormData): Promise<SaveIndicatorState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const correcting = textOf(formData, 'id') !== undefined;
  let saved: { id: number; version: number; year: number; month: number; departmentId: number | null };
  try {
    if (correcting) {
      const parsed = correctIndicatorSchema.safeParse({ id: textOf(formData, 'id'), version: textOf(formData, 'version'), ...figuresOf(formData) });
      if (!parsed.success) return { ...(await invalid(parsed.error)), values };
      saved = await correctIndicatorMonth(actor, parsed.data);
    } else {
      const input = { year: textOf(formData, 'year'), month: textOf(formData, 'month'), departmentId: textOf(formData, 'departmentId'), ...figuresOf(formData) };
      const parsed = recordIndicatorSchema.safeParse(input);
      if (!parsed.success) return { ...(await invalid(parsed.error)), values };
      saved = await recordIndicatorMonth(actor, parsed.data);
    }
  } catch (error) {
    const result = { ...(await failure(error)), values };
    if (error instanceof AppError && error.code === 'conflict') {
      const current = error.details?.current as IndicatorSnapshot | undefined;
      const existingId = error.details?.existingId as number | undefined;
      return { ...result, ...(current && { current }), ...(existingId && { existingId }) };
    }
    return result;
  }
  revalidatePath('/indicators');
  // Conference pages quote the figures.
  revalidatePath('/conferences', 'layout');
  return { ok: true, data: { ...saved, corrected: correcting }, values };
}

export type ImportIndicatorsState = FormState<{ created: number; updated: number; encoding: string }, { problems?: string[] }>;

/** A problem as a sentence naming its row and column; a missing column by its name in the reader's language. */
async function describe(problems: ImportRowError[]): Promise<string[]> {
  const [t, tValidation] = await Promise.all([getTranslations('indicators.import'), getTranslations('validation')]);
  return problems.map((p) => {
    const key = p.key as Parameters<typeof tValidation>[0];
    const message = tValidation.has(key) ? tValidation(key, p.values as never) : tValidation('invalid');
    const field = p.key === 'missingColumn' ? indicatorCsvFields.find((f: IndicatorCsvField) => indicatorCsvColumns[f][0] === p.column) : undefined;
    const column = field ? t(`columns.${field}`) : p.column;
    return column ? t('problem', { row: p.row, column, message }) : t('problemRow', { row: p.row, message });
  });
}

/** Imports a CSV of monthly figures: all rows or, when any row is wrong, none, with every problem listed. */
export async function importIndicatorsAction(_previous: ImportIndicatorsState, formData: FormData): Promise<ImportIndicatorsState> {
  const actor = await getActor();
  if (!actor) return failure(new AppError('unauthenticated'));
  const t = await getTranslations('indicators.import');
  const file = formData.get('file');
  if (!(file instanceof File) || file.size === 0) {
    return { ok: false, code: 'validation', message: t('noFile'), fieldErrors: { file: [t('noFile')] } };
  }
  if (file.size > maxImportBytes) {
    return { ok: false, code: 'validation', message: t('tooLarge'), fieldErrors: { file: [t('tooLarge')] } };
  }
  let result: { created: number; updated: number; encoding: string };
  try {
    result = await importIndicators(actor, new Uint8Array(await file.arrayBuffer()));
  } catch (error) {
    if (error instanceof CsvImportError) {
      return { ok: false, code: 'validation', message: t('failed', { count: error.rowErrors.length }), problems: await describe(error.rowErrors) };
    }
    return failure(error);
  }
  revalidatePath('/indicators');
  revalidatePath('/conferences', 'layout');
  return { ok: true, data: result };
}
