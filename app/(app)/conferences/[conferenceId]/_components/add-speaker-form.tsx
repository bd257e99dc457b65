'use client';

import { useActionState, useRef, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { type AddPartState, addSpeakerAction } from '../parts-actions';
import { useFocusFirstInvalid } from './part-row-actions';
import { NEW_PERSON, fieldsKey } from './parts-shared';

export const speakerRoles = ['chair', 'report', 'instructions', 'relay', 'remarks'] as const;

type AddSpeakerFormProps = {
  conferenceId: number;
  /** People to pick from, labelled "name · position" in the reader's language. */
  people: { id: number; label: string }[];
};

/** A speaker at the end of the order: an existing person, or a new one created in the same step. */
export function AddSpeakerForm({ conferenceId, people }: AddSpeakerFormProps) {
  const t = useTranslations('conferenceParts');
  const [state, formAction, pending] = useActionState<AddPartState, FormData>(addSpeakerAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="add-speaker-title" className="space-y-4 print:hidden">
      <h4 id="add-speaker-title" className="text-sm font-semibold text-ink">
        {t('speakers.addTitle')}
      </h4>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <FormMessage error={failed?.message} success={state?.ok ? t('speakers.added') : null} />
      <SpeakerFields key={fieldsKey(state)} people={people} values={failed?.values ?? {}} errors={failed?.fieldErrors} />
      <Button type="submit" disabled={pending}>
        {pending ? t('common.adding') : t('speakers.add')}
      </Button>
    </form>
  );
}

function SpeakerFields({ people, values, errors }: { people: AddSpeakerFormProps['people']; values: Record<string, string>; errors?: Record<string, string[]> }) {
  const t = useTranslations('conferenceParts');
  const tRoles = useTranslations('speakerRoles');
  const [person, setPerson] = useState(values.personId ?? (people.length ? '' : NEW_PERSON));
  const creating = person === NEW_PERSON;

  // In reading order: who (picked, or created right under the picker), then the role and the topic.
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <Field label={t('speakers.fields.personId')} name="personId" errors={errors?.personId} required>
        {(control) => (
          <select {...control} defaultValue={person} onChange={(event) => setPerson(event.target.value)} className={inputClasses}>
            <option value="" disabled>
              {t('common.choose')}
            </option>
            {people.map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
            <option value={NEW_PERSON}>{t('speakers.newPersonOption')}</option>
          </select>
        )}
      </Field>
      {creating ? (
        <fieldset className="grid gap-4 rounded-md border border-border bg-canvas/60 p-4 sm:col-span-2 sm:grid-cols-3">
          <legend className="px-1 text-sm font-medium text-ink">{t('speakers.newPerson')}</legend>
          <Field label={t('speakers.fields.name')} name="newPerson.name" errors={errors?.['newPerson.name']} required>
            {(control) => <input {...control} defaultValue={values['newPerson.name']} autoComplete="off" maxLength={60} className={inputClasses} />}
          </Field>
          <Field label={t('speakers.fields.position')} name="newPerson.position" errors={errors?.['newPerson.position']}>
            {(control) => <input {...control} defaultValue={values['newPerson.position']} autoComplete="off" maxLength={120} className={inputClasses} />}
          </Field>
          <Field label={t('speakers.fields.organization')} name="newPerson.organization" errors={errors?.['newPerson.organization']}>
            {(control) => <input {...control} defaultValue={values['newPerson.organization']} autoComplete="off" maxLength={200} className={inputClasses} />}
          </Field>
          <p className="text-sm text-ink-muted sm:col-span-3">{t('speakers.newPersonHint')}</p>
        </fieldset>
      ) : null}
      <Field label={t('speakers.fields.role')} name="role" errors={errors?.role} required>
        {(control) => (
          <select {...control} defaultValue={values.role ?? ''} className={inputClasses}>
            <option value="" disabled>
              {t('common.choose')}
            </option>
            {speakerRoles.map((role) => (
              <option key={role} value={role}>
                {tRoles(role)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('speakers.fields.topic')} name="topic" errors={errors?.topic}>
        {(control) => <input {...control} defaultValue={values.topic} autoComplete="off" maxLength={300} className={inputClasses} />}
      </Field>
    </div>
  );
}
