'use client';

import { useActionState } from 'react';
import { CalendarPlus } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { scheduleYearAction } from '../actions';

/** One year in, four draft quarterly conferences out; then the list shows that year. */
export function PlanYearForm({ defaultYear }: { defaultYear: number }) {
  const t = useTranslations('conferences.plan');
  const [state, formAction, pending] = useActionState(scheduleYearAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} noValidate aria-busy={pending || undefined} className="space-y-3">
      <FormMessage error={failed?.message} />
      <div className="flex flex-wrap items-start gap-3">
        <Field label={t('year')} name="year" errors={failed?.fieldErrors?.year} required className="w-48">
          {(control) => (
            <input
              {...control}
              type="number"
              inputMode="numeric"
              min={2000}
              max={2100}
              step={1}
              defaultValue={failed?.values?.year ?? String(defaultYear)}
              className={inputClasses}
            />
          )}
        </Field>
        <Button type="submit" disabled={pending} className="mt-7">
          <CalendarPlus aria-hidden="true" />
          {pending ? t('submitting') : t('submit')}
        </Button>
      </div>
    </form>
  );
}
