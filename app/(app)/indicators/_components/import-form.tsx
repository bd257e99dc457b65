'use client';

import { useActionState, useState } from 'react';
import { Upload } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage } from '@/app/_components/ui/field';
import { maxImportBytes } from '../../admin/departments/import/limits';
import { importIndicatorsAction } from '../actions';

/** Uploads a CSV of monthly figures; a refused file lists each problem by row and column. */
export function ImportIndicatorsForm() {
  const t = useTranslations('indicators.import');
  const [state, formAction, pending] = useActionState(importIndicatorsAction, null);
  // A file too large never reaches the server (Next refuses the request): say so here.
  const [tooLarge, setTooLarge] = useState(false);
  const failed = state && !state.ok ? state : null;

  return (
    <form
      action={formAction}
      noValidate
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        const file = new FormData(event.currentTarget).get('file');
        const large = file instanceof File && file.size > maxImportBytes;
        setTooLarge(large);
        if (large) event.preventDefault();
      }}
      className="space-y-4"
    >
      <FormMessage
        error={tooLarge ? t('tooLarge') : failed?.message}
        success={state?.ok ? t('done', { created: state.data.created, updated: state.data.updated, encoding: state.data.encoding.toUpperCase() }) : null}
      />
      {failed?.problems?.length && !tooLarge ? (
        <section aria-labelledby="indicator-import-problems" className="rounded-md border border-danger-border bg-surface px-4 py-3">
          <h4 id="indicator-import-problems" className="text-sm font-semibold text-danger">
            {t('problemsTitle')}
          </h4>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink">
            {failed.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Field label={t('file')} name="file" errors={tooLarge ? [t('tooLarge')] : failed?.fieldErrors?.file} hint={t('fileHint')} required>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm text-ink file:mr-3 file:h-10 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-4 file:text-sm file:font-medium file:text-ink hover:file:bg-canvas"
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        <Upload aria-hidden="true" />
        {pending ? t('importing') : t('submit')}
      </Button>
    </form>
  );
}
