'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { type AddPartState, addVenueAction } from '../parts-actions';
import { useFocusFirstInvalid } from './part-row-actions';
import { fieldsKey } from './parts-shared';

export type DepartmentChoice = { id: number; label: string; kind: 'department' | 'district' | 'office' };

const departmentKinds = ['district', 'department', 'office'] as const;
const textareaClasses = `${inputClasses.replace('h-10', 'min-h-20')} py-2`;

type AddVenueFormProps = {
  conferenceId: number;
  /** A conference has one main venue; a second one is refused. */
  hasMain: boolean;
  departments: DepartmentChoice[];
};

/** Name, main or sub, address, host department and connection notes of a new venue. */
export function AddVenueForm({ conferenceId, hasMain, departments }: AddVenueFormProps) {
  const t = useTranslations('conferenceParts');
  const tKinds = useTranslations('venueKinds');
  const tDepartmentKinds = useTranslations('departmentKinds');
  const [state, formAction, pending] = useActionState<AddPartState, FormData>(addVenueAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="add-venue-title" className="space-y-4 print:hidden">
      <h4 id="add-venue-title" className="text-sm font-semibold text-ink">
        {t('venues.addTitle')}
      </h4>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <FormMessage error={failed?.message} success={state?.ok ? t('venues.added') : null} />
      <div key={fieldsKey(state, String(hasMain))} className="grid gap-4 sm:grid-cols-2">
        <Field label={t('venues.fields.name')} name="name" errors={errors?.name} required>
          {(control) => <input {...control} defaultValue={values.name} autoComplete="off" maxLength={200} className={inputClasses} />}
        </Field>
        <Field label={t('venues.fields.kind')} name="kind" errors={errors?.kind} hint={hasMain ? t('venues.hints.mainExists') : undefined} required>
          {(control) => (
            <select {...control} defaultValue={values.kind ?? (hasMain ? 'sub' : 'main')} className={inputClasses}>
              <option value="main">{tKinds('main')}</option>
              <option value="sub">{tKinds('sub')}</option>
            </select>
          )}
        </Field>
        <Field label={t('venues.fields.address')} name="address" errors={errors?.address}>
          {(control) => <input {...control} defaultValue={values.address} autoComplete="off" maxLength={300} className={inputClasses} />}
        </Field>
        <Field label={t('venues.fields.hostDepartmentId')} name="hostDepartmentId" errors={errors?.hostDepartmentId}>
          {(control) => (
            <select {...control} defaultValue={values.hostDepartmentId ?? ''} className={inputClasses}>
              <option value="">{t('venues.noHost')}</option>
              {departmentKinds.map((kind) => {
                const options = departments.filter((d) => d.kind === kind);
                return options.length ? (
                  <optgroup key={kind} label={tDepartmentKinds(kind)}>
                    {options.map((d) => (
                      <option key={d.id} value={d.id}>
                        {d.label}
                      </option>
                    ))}
                  </optgroup>
                ) : null;
              })}
            </select>
          )}
        </Field>
        <Field
          label={t('venues.fields.connectionNotes')}
          name="connectionNotes"
          errors={errors?.connectionNotes}
          hint={t('venues.hints.connectionNotes')}
          className="sm:col-span-2"
        >
          {(control) => (
            <textarea
              {...control}
              defaultValue={values.connectionNotes}
              rows={2}
              maxLength={1000}
              className={textareaClasses}
            />
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('common.adding') : t('venues.add')}
      </Button>
    </form>
  );
}
