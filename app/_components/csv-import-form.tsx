'use client';

import { type ReactNode, useActionState, useState } from 'react';
import { Upload } from 'lucide-react';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage } from '@/app/_components/ui/field';
import type { FormState } from '@/lib/actions/form-state';

export type CsvImportState<T> = FormState<T, { problems?: string[] }>;

interface CsvImportFormProps<T> {
  action: (previous: CsvImportState<T>, formData: FormData) => Promise<CsvImportState<T>>;
  /** Files over this many bytes are refused before upload: Next would refuse the request itself. */
  maxBytes: number;
  /** The success message of an import that went through. */
  done: (data: T) => string;
  labels: { file: string; fileHint: string; submit: string; importing: string; tooLarge: string; problemsTitle: string };
  /** The heading level of the problem list, one below the section the form stands in. */
  problemsHeading?: 'h3' | 'h4';
  /** More buttons beside "import". */
  actions?: ReactNode;
  idPrefix: string;
  className?: string;
}

/**
 * Uploads one CSV file to an all-or-nothing import; a refused file lists each problem (by row and
 * column) above the field. Shared by the department and the safety-indicator imports.
 */
export function CsvImportForm<T>({ action, maxBytes, done, labels, problemsHeading: Heading = 'h3', actions, idPrefix, className }: CsvImportFormProps<T>) {
  const [state, formAction, pending] = useActionState(action, null);
  const [tooLarge, setTooLarge] = useState(false);
  const failed = state && !state.ok ? state : null;
  const problemsId = `${idPrefix}-import-problems`;

  return (
    <form
      action={formAction}
      noValidate
      aria-busy={pending || undefined}
      onSubmit={(event) => {
        const file = new FormData(event.currentTarget).get('file');
        const large = file instanceof File && file.size > maxBytes;
        setTooLarge(large);
        if (large) event.preventDefault();
      }}
      className={className ?? 'space-y-5'}
    >
      <FormMessage error={tooLarge ? labels.tooLarge : failed?.message} success={state?.ok ? done(state.data) : null} />
      {failed?.problems?.length && !tooLarge ? (
        <section aria-labelledby={problemsId} className="rounded-md border border-danger-border bg-surface px-4 py-3">
          <Heading id={problemsId} className="text-sm font-semibold text-danger">
            {labels.problemsTitle}
          </Heading>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink">
            {failed.problems.map((problem, i) => (
              <li key={i}>{problem}</li>
            ))}
          </ul>
        </section>
      ) : null}
      <Field label={labels.file} name="file" errors={tooLarge ? [labels.tooLarge] : failed?.fieldErrors?.file} hint={labels.fileHint} required>
        {(control) => (
          <input
            {...control}
            type="file"
            accept=".csv,text/csv"
            className="block w-full text-sm text-ink file:mr-3 file:h-10 file:rounded-md file:border file:border-border-strong file:bg-surface file:px-4 file:text-sm file:font-medium file:text-ink hover:file:bg-canvas"
          />
        )}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          <Upload aria-hidden="true" />
          {pending ? labels.importing : labels.submit}
        </Button>
        {actions}
      </div>
    </form>
  );
}
