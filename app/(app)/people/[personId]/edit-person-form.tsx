'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { SavedNowNotice } from '@/app/_components/ui/saved-now-notice';
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
        <SavedNowNotice
          title={t('conflict.title')}
          rows={personFieldNames.map((field) => [t(`fields.${field}`), current[field] ?? '—'] as const)}
          next={t('conflict.next')}
          reload={t('conflict.reload')}
          headingLevel={2}
        />
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
