'use client';

import { useActionState, useRef } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { SavedNowNotice } from '@/app/_components/ui/saved-now-notice';
import { fieldsKey } from '@/lib/actions/form-state';
import { type ScoreWeightKey, type ScoreWeights, maxScoreWeight, penaltyWeightKeys, rewardWeightKeys, scoreWeightKeys } from '@/lib/domain/scoring';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import { updateScoreWeightsAction } from './actions';

type Props = {
  weights: ScoreWeights;
  /** ISO time of the save the form shows; empty while the defaults apply. */
  updatedAt: string;
};

/** The five weights of the ranking's score; a save over someone else's newer save is refused. */
export function WeightsForm({ weights, updatedAt }: Props) {
  const t = useTranslations('rankingWeights');
  const locale = useLocale() as Locale;
  const [state, formAction, pending] = useActionState(updateScoreWeightsAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  // A result belongs to the save it was made against; after a reload it is history.
  const fresh = state !== null && (state.ok ? state.data.at === updatedAt : (state.values?.updatedAt ?? '') === updatedAt);
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok;
  const values = failed?.values ?? Object.fromEntries(scoreWeightKeys.map((key) => [key, String(weights[key])]));
  const errors = failed?.fieldErrors;
  const current = failed?.current;

  const weightField = (key: ScoreWeightKey) => (
    <Field key={key} label={t(`fields.${key}`)} name={key} errors={errors?.[key]} hint={t(`hints.${key}`)} required>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          min={0}
          max={maxScoreWeight}
          step="any"
          defaultValue={values[key]}
          className={`${inputClasses} w-32`}
        />
      )}
    </Field>
  );

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      <input type="hidden" name="updatedAt" value={updatedAt} />
      <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
      {current ? (
        <SavedNowNotice
          title={t('conflict.title')}
          rows={scoreWeightKeys.map((key) => [t(`fields.${key}`), formatNumber(current[key], locale)] as const)}
          next={t('conflict.next')}
          reload={t('conflict.reload')}
          headingLevel={2}
        />
      ) : null}
      <div key={`${updatedAt}:${fieldsKey(failed?.values)}`} className="space-y-5">
        <fieldset className="space-y-3" aria-describedby={errors?.rewards ? 'weights-rewards-error' : undefined}>
          <legend className="text-sm font-semibold text-ink">{t('rewards')}</legend>
          {errors?.rewards ? (
            <p id="weights-rewards-error" className="text-sm text-danger">
              {errors.rewards.join(' ')}
            </p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-3">{rewardWeightKeys.map(weightField)}</div>
        </fieldset>
        <fieldset className="space-y-3">
          <legend className="text-sm font-semibold text-ink">{t('penalties')}</legend>
          <div className="grid gap-4 sm:grid-cols-3">{penaltyWeightKeys.map(weightField)}</div>
        </fieldset>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
