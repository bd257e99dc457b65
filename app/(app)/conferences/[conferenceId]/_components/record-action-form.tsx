'use client';

import { useActionState, useRef, useState } from 'react';
import { Plus, X } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { type ControlProps, Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { type RecordActionState, recordActionAction } from '../requested-actions';
import type { DepartmentChoice } from './add-venue-form';
import { DepartmentSelect } from './department-options';
import { useFocusFirstInvalid } from './part-row-actions';
import { fieldsKey } from './parts-shared';

export const priorities = ['low', 'normal', 'high', 'urgent'] as const;
const roles = ['lead', 'support'] as const;
const textareaClasses = `${inputClasses.replace('h-10', 'min-h-24')} py-2`;

export type Choice = { id: number | string; label: string };

type RecordActionFormProps = {
  conferenceId: number;
  speakers: Choice[];
  /** The speaker offered first: the one who gave the instructions (讲话部署), if any. */
  defaultSpeakerId: number | null;
  agendaItems: Choice[];
  categories: Choice[];
  departments: DepartmentChoice[];
  /** The earliest due date (the conference's day) and acknowledge-by when left empty (two working days from today). */
  meetingDay: string;
  defaultAcknowledgeBy: string;
};

/** Records one requested action and assigns it, in one step: one task per department. */
export function RecordActionForm(props: RecordActionFormProps) {
  const t = useTranslations('requestedActions');
  const [state, formAction, pending] = useActionState<RecordActionState, FormData>(recordActionAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="record-action-title" className="space-y-5 print:hidden">
      <h3 id="record-action-title" className="text-base font-semibold text-ink">
        {t('record.title')}
      </h3>
      <input type="hidden" name="conferenceId" value={props.conferenceId} />
      <FormMessage error={failed?.message} success={state?.ok ? t('record.recorded', { number: state.data.number, count: state.data.tasks }) : null} />
      <RecordActionFields key={fieldsKey(state)} {...props} values={failed?.values ?? {}} errors={failed?.fieldErrors} />
      <Button type="submit" disabled={pending}>
        {pending ? t('record.saving') : t('record.submit')}
      </Button>
    </form>
  );
}

type FieldsProps = RecordActionFormProps & { values: Record<string, string>; errors?: Record<string, string[]> };

/** How many assignment rows the failed submission had (at least the lead's). */
function rowCountOf(values: Record<string, string>): number {
  let n = 0;
  while (`assignments.${n}.role` in values) n++;
  return Math.max(n, 1);
}

function RecordActionFields({ speakers, defaultSpeakerId, agendaItems, categories, departments, meetingDay, defaultAcknowledgeBy, values, errors }: FieldsProps) {
  const t = useTranslations('requestedActions');
  const locale = useLocale() as Locale;
  // Rows keep a stable key of their own, so removing one does not shift what the others show.
  const initialCount = rowCountOf(values);
  const nextKey = useRef(initialCount);
  const [rows, setRows] = useState(() => Array.from({ length: initialCount }, (_, i) => ({ key: i, from: i })));
  const [focusRow, setFocusRow] = useState<number | null>(null);
  const shortcuts = new Set((values.supportAllOf ?? '').split(',').filter(Boolean));

  return (
    <div className="space-y-5">
      <div className="grid gap-4 sm:grid-cols-2">
        <Field label={t('fields.title')} name="title" errors={errors?.title} required className="sm:col-span-2">
          {(control) => <input {...control} defaultValue={values.title} autoComplete="off" maxLength={300} className={inputClasses} />}
        </Field>
        <Field label={t('fields.details')} name="details" errors={errors?.details} className="sm:col-span-2">
          {(control) => <textarea {...control} defaultValue={values.details} maxLength={10_000} className={textareaClasses} />}
        </Field>
        <Field label={t('fields.speakerId')} name="speakerId" errors={errors?.speakerId} hint={speakers.length ? undefined : t('fields.noSpeakers')}>
          {(control) => <ChoiceSelect control={control} choices={speakers} defaultValue={values.speakerId ?? (defaultSpeakerId ? String(defaultSpeakerId) : '')} />}
        </Field>
        <Field label={t('fields.agendaItemId')} name="agendaItemId" errors={errors?.agendaItemId}>
          {(control) => <ChoiceSelect control={control} choices={agendaItems} defaultValue={values.agendaItemId} />}
        </Field>
        <Field label={t('fields.categoryCode')} name="categoryCode" errors={errors?.categoryCode}>
          {(control) => <ChoiceSelect control={control} choices={categories} defaultValue={values.categoryCode} />}
        </Field>
        <Field label={t('fields.priority')} name="priority" errors={errors?.priority} required>
          {(control) => (
            <select {...control} defaultValue={values.priority ?? 'normal'} className={inputClasses}>
              {priorities.map((p) => (
                <option key={p} value={p}>
                  {t(`priority.${p}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.defaultDueDate')} name="defaultDueDate" errors={errors?.defaultDueDate} required hint={t('fields.defaultDueDateHint')}>
          {(control) => <input {...control} type="date" min={meetingDay} defaultValue={values.defaultDueDate} className={inputClasses} />}
        </Field>
      </div>

      <fieldset className="space-y-3 rounded-md border border-border p-4" aria-describedby={errors?.assignments?.length ? 'assignments-error' : 'assignments-hint'}>
        <legend className="px-1 text-sm font-semibold text-ink">{t('assign.legend')}</legend>
        <p id="assignments-hint" className="text-sm text-ink-muted">
          {t('assign.hint', { acknowledgeBy: formatDate(defaultAcknowledgeBy, locale) })}
        </p>
        {errors?.assignments?.length ? (
          <ul id="assignments-error" className="space-y-0.5 text-sm text-danger">
            {errors.assignments.map((m) => (
              <li key={m}>{m}</li>
            ))}
          </ul>
        ) : null}
        <ol className="space-y-3">
          {rows.map((row, i) => {
            const v = (field: string) => values[`assignments.${row.from}.${field}`];
            const e = (field: string) => errors?.[`assignments.${row.from}.${field}`];
            // Every row repeats the same labels: the accessible name says which row.
            const rowLabel = (field: 'role' | 'dueDate' | 'acknowledgeBy') => t('assign.rowField', { field: t(`assign.${field}`), n: i + 1 });
            return (
              <li key={row.key} className="grid gap-3 rounded-md bg-canvas/60 p-3 sm:grid-cols-[minmax(12rem,2fr)_8rem_1fr_1fr_auto] sm:items-start">
                <Field label={t('assign.department', { n: i + 1 })} name={`assignments.${i}.departmentId`} errors={e('departmentId')} required>
                  {(control) => (
                    <DepartmentSelect
                      {...control}
                      departments={departments}
                      defaultValue={v('departmentId')}
                      ref={(el) => {
                        if (el && focusRow === row.key) {
                          el.focus();
                          setFocusRow(null);
                        }
                      }}
                    />
                  )}
                </Field>
                <Field label={t('assign.role')} name={`assignments.${i}.role`} errors={e('role')}>
                  {(control) => (
                    <select {...control} aria-label={rowLabel('role')} defaultValue={v('role') ?? (i === 0 ? 'lead' : 'support')} className={inputClasses}>
                      {roles.map((r) => (
                        <option key={r} value={r}>
                          {t(`role.${r}`)}
                        </option>
                      ))}
                    </select>
                  )}
                </Field>
                <Field label={t('assign.dueDate')} name={`assignments.${i}.dueDate`} errors={e('dueDate')}>
                  {(control) => <input {...control} aria-label={rowLabel('dueDate')} type="date" min={meetingDay} defaultValue={v('dueDate')} className={inputClasses} />}
                </Field>
                <Field label={t('assign.acknowledgeBy')} name={`assignments.${i}.acknowledgeBy`} errors={e('acknowledgeBy')}>
                  {(control) => <input {...control} aria-label={rowLabel('acknowledgeBy')} type="date" defaultValue={v('acknowledgeBy')} className={inputClasses} />}
                </Field>
                <div className="sm:pt-7">
                  {rows.length > 1 ? (
                    <Button
                      variant="ghost"
                      size="sm"
                      aria-label={t('assign.removeRow', { n: i + 1 })}
                      title={t('assign.removeRow', { n: i + 1 })}
                      onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}
                    >
                      <X aria-hidden="true" />
                    </Button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ol>
        <Button
          variant="secondary"
          size="sm"
          onClick={() => {
            const key = nextKey.current++;
            setRows((all) => [...all, { key, from: -1 }]);
            setFocusRow(key);
          }}
        >
          <Plus aria-hidden="true" />
          {t('assign.addRow')}
        </Button>
        <fieldset className="space-y-1 pt-2">
          <legend className="text-sm font-medium text-ink">{t('assign.shortcuts')}</legend>
          <div className="flex flex-wrap gap-x-6 gap-y-2">
            {(['district', 'department'] as const).map((kind) => (
              <label key={kind} className="inline-flex items-center gap-2 text-sm text-ink">
                <input type="checkbox" name="supportAllOf" value={kind} defaultChecked={shortcuts.has(kind)} className="size-4 accent-accent" aria-describedby="shortcuts-hint" />
                {t(`assign.all.${kind}`)}
              </label>
            ))}
          </div>
          <p id="shortcuts-hint" className="text-sm text-ink-muted">
            {t('assign.shortcutsHint')}
          </p>
        </fieldset>
      </fieldset>
    </div>
  );
}

/** An optional choice: "none" first, then the choices. */
function ChoiceSelect({ control, choices, defaultValue }: { control: ControlProps; choices: Choice[]; defaultValue?: string }) {
  const t = useTranslations('requestedActions');
  return (
    <select {...control} defaultValue={defaultValue ?? ''} className={inputClasses}>
      <option value="">{t('fields.none')}</option>
      {choices.map((c) => (
        <option key={c.id} value={c.id}>
          {c.label}
        </option>
      ))}
    </select>
  );
}
