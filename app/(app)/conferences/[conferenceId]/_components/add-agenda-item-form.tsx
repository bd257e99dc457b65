'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { type AddPartState, addAgendaItemAction } from '../parts-actions';
import { useFocusFirstInvalid } from './part-row-actions';
import { fieldsKey } from './parts-shared';

export const agendaKinds = ['opening', 'relay', 'report', 'speech', 'deliberation', 'review', 'closing', 'other'] as const;

type AddAgendaItemFormProps = {
  conferenceId: number;
  /** This conference's speakers, labelled "name (role)". */
  presenters: { id: number; label: string }[];
};

/** Title, kind, presenter and planned minutes of a new item at the end of the agenda. */
export function AddAgendaItemForm({ conferenceId, presenters }: AddAgendaItemFormProps) {
  const t = useTranslations('conferenceParts');
  const tKinds = useTranslations('agendaKinds');
  const [state, formAction, pending] = useActionState<AddPartState, FormData>(addAgendaItemAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors;

  return (
    // noValidate: a negative number reaches the server, which answers with the translated message next to the field.
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="add-agenda-item-title" className="space-y-4 print:hidden">
      <h4 id="add-agenda-item-title" className="text-sm font-semibold text-ink">
        {t('agenda.addTitle')}
      </h4>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <FormMessage error={failed?.message} success={state?.ok ? t('agenda.added') : null} />
      <div key={fieldsKey(state)} className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Field label={t('agenda.fields.title')} name="title" errors={errors?.title} required className="sm:col-span-2">
          {(control) => <input {...control} defaultValue={values.title} autoComplete="off" maxLength={300} className={inputClasses} />}
        </Field>
        <Field label={t('agenda.fields.kind')} name="kind" errors={errors?.kind} required>
          {(control) => (
            <select {...control} defaultValue={values.kind ?? 'other'} className={inputClasses}>
              {agendaKinds.map((kind) => (
                <option key={kind} value={kind}>
                  {tKinds(kind)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('agenda.fields.plannedMinutes')} name="plannedMinutes" errors={errors?.plannedMinutes} required>
          {(control) => (
            <input {...control} type="number" min={0} max={1440} step={1} inputMode="numeric" defaultValue={values.plannedMinutes} className={inputClasses} />
          )}
        </Field>
        <Field
          label={t('agenda.fields.presenterSpeakerId')}
          name="presenterSpeakerId"
          errors={errors?.presenterSpeakerId}
          hint={t('agenda.presenterHint')}
          className="sm:col-span-2"
        >
          {(control) => (
            <select {...control} defaultValue={values.presenterSpeakerId ?? ''} className={inputClasses}>
              <option value="">{t('agenda.noPresenter')}</option>
              {presenters.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('common.adding') : t('agenda.add')}
      </Button>
    </form>
  );
}
