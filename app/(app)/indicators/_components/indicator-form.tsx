'use client';

import { useActionState, useRef } from 'react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { SavedNowNotice } from '@/app/_components/ui/saved-now-notice';
import { fieldsKey } from '@/lib/actions/form-state';
import { indicatorMeasures } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import { type IndicatorSnapshot, saveIndicatorAction } from '../actions';
import { formatYearMonth } from './format';

export type EditableIndicator = { id: number; version: number; year: number; month: number; region: string; values: IndicatorSnapshot };

type IndicatorFormProps = {
  /** The whole city (value '') and the districts. */
  regions: { value: string; label: string }[];
  defaultRegion: string;
  defaultYear: number;
  /** The month being corrected, or null to record a new one. */
  editing: EditableIndicator | null;
};

const optional = new Set<string>(['injuries', 'majorAccidents', 'directLoss']);

/**
 * Records a month's figures for the city or a district, or corrects a recorded month against the
 * version it was loaded with (someone else's newer save is shown, not overwritten).
 */
export function IndicatorForm({ regions, defaultRegion, defaultYear, editing }: IndicatorFormProps) {
  const t = useTranslations('indicators.form');
  const tMeasures = useTranslations('indicators.measures');
  const locale = useLocale() as Locale;
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [state, formAction, pending] = useActionState(saveIndicatorAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  // A result belongs to the record (and version) it was made against; after a reload it is history.
  const fresh =
    state !== null &&
    (editing
      ? state.ok
        ? state.data.id === editing.id && state.data.version === editing.version
        : state.values?.id === String(editing.id) && state.values?.version === String(editing.version)
      : state.ok
        ? !state.data.corrected
        : state.values?.id === undefined);
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok ? state.data : null;
  const regionLabel = (value: string) => regions.find((r) => r.value === value)?.label ?? '';
  const hrefWith = (edit: number | null) => {
    const params = new URLSearchParams(searchParams.toString());
    if (edit === null) params.delete('edit');
    else params.set('edit', String(edit));
    const query = params.toString();
    return `${pathname}${query ? `?${query}` : ''}#indicator-form`;
  };

  const values: Record<string, string> =
    failed?.values ??
    (editing
      ? Object.fromEntries(indicatorMeasures.map((m) => [m, String(editing.values[m])]))
      : { year: String(defaultYear), departmentId: defaultRegion });
  const success = saved
    ? t(saved.corrected ? 'corrected' : 'recorded', {
        period: formatYearMonth(saved, locale),
        region: regionLabel(saved.departmentId === null ? '' : String(saved.departmentId)),
      })
    : null;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      {editing ? (
        <>
          <input type="hidden" name="id" value={editing.id} />
          <input type="hidden" name="version" value={editing.version} />
          <p className="rounded-md border border-info-border bg-info-soft px-3 py-2 text-sm text-info">
            {t('correcting', { period: formatYearMonth(editing, locale), region: editing.region })}
          </p>
        </>
      ) : null}
      <FormMessage error={failed?.message} success={success} />
      {failed?.existingId ? (
        <p className="text-sm">
          <Link href={hrefWith(failed.existingId)} className="font-medium text-accent underline underline-offset-2">
            {t('correctExisting')}
          </Link>
        </p>
      ) : null}
      {failed?.current ? (
        <SavedNowNotice
          title={t('conflict.title')}
          rows={indicatorMeasures.map((m) => [tMeasures(m), formatNumber(failed.current![m], locale)] as const)}
          next={t('conflict.next')}
          reload={t('conflict.reload')}
        />
      ) : null}
      <div key={`${editing?.id ?? 'new'}:${editing?.version ?? ''}:${saved ? `${saved.id}:${saved.version}` : ''}:${fieldsKey(failed?.values)}`} className="grid gap-4 sm:grid-cols-2">
        {editing ? null : (
          <>
            <Field label={t('year')} name="year" errors={failed?.fieldErrors?.year} required>
              {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" defaultValue={values.year ?? ''} className={inputClasses} />}
            </Field>
            <Field label={t('month')} name="month" errors={failed?.fieldErrors?.month} required>
              {(control) => (
                <select {...control} defaultValue={values.month ?? ''} className={inputClasses}>
                  <option value="">{t('chooseMonth')}</option>
                  {Array.from({ length: 12 }, (_, i) => (
                    <option key={i + 1} value={i + 1}>
                      {t('monthOption', { month: String(i + 1) })}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field label={t('region')} name="departmentId" errors={failed?.fieldErrors?.departmentId} className="sm:col-span-2">
              {(control) => (
                <select {...control} defaultValue={values.departmentId ?? ''} className={inputClasses}>
                  {regions.map((r) => (
                    <option key={r.value} value={r.value}>
                      {r.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </>
        )}
        {indicatorMeasures.map((m) => (
          <Field
            key={m}
            label={tMeasures(m)}
            name={m}
            errors={failed?.fieldErrors?.[m]}
            hint={optional.has(m) ? t('blankIsZero') : undefined}
            required={!optional.has(m)}
          >
            {(control) => (
              <input
                {...control}
                type="text"
                inputMode={m === 'directLoss' ? 'decimal' : 'numeric'}
                autoComplete="off"
                defaultValue={values[m] ?? ''}
                className={inputClasses}
              />
            )}
          </Field>
        ))}
      </div>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('saving') : editing ? t('saveCorrection') : t('record')}
        </Button>
        {editing ? (
          <Button asChild variant="ghost">
            <Link href={hrefWith(null)}>{t('cancelCorrection')}</Link>
          </Button>
        ) : null}
      </div>
    </form>
  );
}
