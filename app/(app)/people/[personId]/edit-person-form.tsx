'use client';

import { useActionState, useRef } from 'react';
import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import { personFieldNames } from '@/lib/validation/people';
import { PersonFields } from '../_components/person-fields';
import { type PersonSnapshot, updatePersonAction } from '../actions';

export type EditablePerson = PersonSnapshot & { id: number; version: number };

const formValues = (p: PersonSnapshot): Record<string, string> => Object.fromEntries(personFieldNames.map((f) => [f, p[f] ?? '']));

/** The saved person with its version: a save over someone else's newer save is refused. */
export function EditPersonForm({ person }: { person: EditablePerson }) {
  const t = useTranslations('people');
  const router = useRouter();
  const [state, formAction, pending] = useActionState(updatePersonAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  // A result belongs to the version it was made against; after a reload it is history.
  const fresh = state !== null && (state.ok ? state.data.version === person.version : state.values?.version === String(person.version));
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok;
  const current = failed?.current;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      <input type="hidden" name="id" value={person.id} />
      <input type="hidden" name="version" value={person.version} />
      <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
      {current ? (
        <section aria-labelledby="person-conflict-title" className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm">
          <h2 id="person-conflict-title" className="font-semibold text-ink">
            {t('conflict.title')}
          </h2>
          <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
            {personFieldNames.map((field) => (
              <div key={field} className="contents">
                <dt className="text-ink-muted">{t(`fields.${field}`)}</dt>
                <dd className="text-ink">{current[field] ?? '—'}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-2 text-ink-muted">{t('conflict.next')}</p>
          <Button variant="secondary" size="sm" className="mt-3" onClick={() => router.refresh()}>
            <RefreshCw aria-hidden="true" />
            {t('conflict.reload')}
          </Button>
        </section>
      ) : null}
      <div key={`${person.version}:${fieldsKey(failed?.values)}`}>
        <PersonFields values={failed?.values ?? formValues(person)} errors={failed?.fieldErrors} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
