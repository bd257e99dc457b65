'use client';

import { useId, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { Field, inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import { conferenceFormat, conferenceKind, relayLevel } from '@/db/schema/enums';

export type PersonOption = { id: number; label: string };

type ConferenceFieldsProps = {
  /** What the form shows: the saved conference, or what was typed before a failed save. */
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  people: PersonOption[];
};

const quarters = ['1', '2', '3', '4'] as const;

/** Every field of createConferenceSchema, grouped the way the office fills them in. */
export function ConferenceFields({ values, errors, people }: ConferenceFieldsProps) {
  const t = useTranslations('conferences');
  const tFormats = useTranslations('conferenceFormats');
  const tLevels = useTranslations('relayLevels');
  return (
    <div className="space-y-6">
      <Group legend={t('form.basics')}>
        <Field label={t('fields.title')} name="title" errors={errors?.title} required className="sm:col-span-2">
          {(control) => <input {...control} defaultValue={values.title} autoComplete="off" maxLength={200} className={inputClasses} />}
        </Field>
        <Field label={t('fields.titleEn')} name="titleEn" errors={errors?.titleEn} hint={t('hints.titleEn')} className="sm:col-span-2">
          {(control) => <input {...control} lang="en" defaultValue={values.titleEn} autoComplete="off" maxLength={300} className={inputClasses} />}
        </Field>
        <Field label={t('fields.kind')} name="kind" errors={errors?.kind} required>
          {(control) => (
            <select {...control} defaultValue={values.kind ?? ''} className={inputClasses}>
              <option value="" disabled>
                {t('choose')}
              </option>
              {conferenceKind.enumValues.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kinds.${kind}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="grid grid-cols-2 gap-4">
          <Field label={t('fields.year')} name="year" errors={errors?.year} hint={t('hints.year')}>
            {(control) => <input {...control} type="number" inputMode="numeric" min={2000} max={2100} step={1} defaultValue={values.year} className={inputClasses} />}
          </Field>
          <Field label={t('fields.quarter')} name="quarter" errors={errors?.quarter} hint={t('hints.quarter')}>
            {(control) => (
              <select {...control} defaultValue={values.quarter ?? ''} className={inputClasses}>
                <option value="">—</option>
                {quarters.map((q) => (
                  <option key={q} value={q}>
                    {t(`quarters.${q}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
      </Group>

      <Group legend={t('form.when')}>
        <Field label={t('fields.startsAt')} name="startsAt" errors={errors?.startsAt} hint={t('hints.time')} required>
          {(control) => <input {...control} type="datetime-local" step={60} defaultValue={values.startsAt} className={inputClasses} />}
        </Field>
        <Field label={t('fields.endsAt')} name="endsAt" errors={errors?.endsAt} hint={t('hints.time')} required>
          {(control) => <input {...control} type="datetime-local" step={60} defaultValue={values.endsAt} className={inputClasses} />}
        </Field>
        <Field label={t('fields.format')} name="format" errors={errors?.format} required>
          {(control) => (
            <select {...control} defaultValue={values.format ?? ''} className={inputClasses}>
              <option value="" disabled>
                {t('choose')}
              </option>
              {conferenceFormat.enumValues.map((format) => (
                <option key={format} value={format}>
                  {tFormats(format)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.convenedBy')} name="convenedBy" errors={errors?.convenedBy}>
          {(control) => <input {...control} defaultValue={values.convenedBy} autoComplete="off" maxLength={200} className={inputClasses} />}
        </Field>
        <Field label={t('fields.chairPersonId')} name="chairPersonId" errors={errors?.chairPersonId}>
          {(control) => (
            <select {...control} defaultValue={values.chairPersonId ?? ''} className={inputClasses}>
              <option value="">{t('noChair')}</option>
              {people.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.label}
                </option>
              ))}
            </select>
          )}
        </Field>
      </Group>

      <Group legend={t('form.relay')}>
        <Field label={t('fields.relaysTitle')} name="relaysTitle" errors={errors?.relaysTitle} hint={t('hints.relaysTitle')} className="sm:col-span-2">
          {(control) => <input {...control} defaultValue={values.relaysTitle} autoComplete="off" maxLength={300} className={inputClasses} />}
        </Field>
        <Field label={t('fields.relaysLevel')} name="relaysLevel" errors={errors?.relaysLevel}>
          {(control) => (
            <select {...control} defaultValue={values.relaysLevel ?? ''} className={inputClasses}>
              <option value="">—</option>
              {relayLevel.enumValues.map((level) => (
                <option key={level} value={level}>
                  {tLevels(level)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t('fields.relaysDate')} name="relaysDate" errors={errors?.relaysDate}>
          {(control) => <input {...control} type="date" defaultValue={values.relaysDate} className={inputClasses} />}
        </Field>
      </Group>

      <Group legend={t('form.notice')}>
        <Field label={t('fields.noticeText')} name="noticeText" errors={errors?.noticeText} hint={t('hints.noticeText')} className="sm:col-span-2">
          {(control) => <textarea {...control} rows={6} defaultValue={values.noticeText} maxLength={20_000} className={cn(inputClasses, 'h-auto py-2 leading-relaxed')} />}
        </Field>
        <Checkbox name="allowSelfSignIn" label={t('fields.allowSelfSignIn')} hint={t('hints.allowSelfSignIn')} defaultChecked={values.allowSelfSignIn === 'on'} className="sm:col-span-2" />
      </Group>
    </div>
  );
}

function Group({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset className="min-w-0">
      <legend className="mb-3 w-full border-b border-border pb-1 text-sm font-semibold text-ink">{legend}</legend>
      <div className="grid gap-5 sm:grid-cols-2">{children}</div>
    </fieldset>
  );
}

function Checkbox({ name, label, hint, defaultChecked, className }: { name: string; label: string; hint: string; defaultChecked: boolean; className?: string }) {
  const id = useId();
  return (
    <div className={cn('flex items-start gap-3', className)}>
      <input id={id} name={name} type="checkbox" defaultChecked={defaultChecked} aria-describedby={`${id}-hint`} className="mt-1 size-4 accent-accent" />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        <p id={`${id}-hint`} className="text-sm text-ink-muted">
          {hint}
        </p>
      </div>
    </div>
  );
}
