'use server';

import { revalidatePath } from 'next/cache';
import { type FormState, textOf, valuesOf } from '@/lib/actions/form-state';
import { failure, invalid } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { updateScoreWeights } from '@/lib/data/scorecards';
import { type ScoreWeightKey, type ScoreWeights, scoreWeightKeys } from '@/lib/domain/scoring';
import { AppError } from '@/lib/errors';
import { scoreWeightsSchema, weightsStampSchema } from '@/lib/validation/scoring';

/** `at`: the new save's stamp; `current`: what someone else saved first. */
export type WeightsState = FormState<{ at: string }, { current?: ScoreWeights }>;

/** Saves the ranking's weights against the save the form was loaded with. */
export async function updateScoreWeightsAction(_previous: WeightsState, formData: FormData): Promise<WeightsState> {
  const values = valuesOf(formData);
  const actor = await getActor();
  if (!actor) return { ...(await failure(new AppError('unauthenticated'))), values };
  const input = Object.fromEntries(scoreWeightKeys.map((key) => [key, textOf(formData, key)])) as Record<ScoreWeightKey, string | undefined>;
  const parsed = scoreWeightsSchema.safeParse(input);
  const stamp = weightsStampSchema.safeParse(textOf(formData, 'updatedAt'));
  if (!parsed.success) return { ...(await invalid(parsed.error)), values };
  if (!stamp.success) return { ...(await invalid(stamp.error)), values };
  let at: Date;
  try {
    ({ updatedAt: at } = await updateScoreWeights(actor, input, stamp.data));
  } catch (error) {
    const result = { ...(await failure(error)), values };
    // Someone saved first: the form keeps what was typed and shows what is saved now beside it.
    if (error instanceof AppError && error.code === 'conflict' && error.details?.current) {
      return { ...result, current: error.details.current as ScoreWeights };
    }
    return result;
  }
  revalidatePath('/admin/ranking');
  // Every page that shows a score or the formula.
  revalidatePath('/reports', 'layout');
  return { ok: true, data: { at: at.toISOString() } };
}
