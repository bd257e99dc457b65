'use client';

import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { SlidersHorizontal } from 'lucide-react';
import { Button } from '@/app/_components/ui/button';
import { inputClasses } from '@/app/_components/ui/field';
import type { IndicatorSummary } from '@/lib/data/safety-indicators';
import { monthParam } from '@/lib/domain/indicators';

type PeriodControlsProps = {
  regions: { value: string; label: string }[];
  region: string;
  /** The figures' resolved choices; null when the region has no recorded month. */
  summary: Pick<IndicatorSummary, 'firstYear' | 'latest' | 'asOf' | 'baselineYear' | 'compareYear' | 'fromYear'> | null;
  /** The compared year as chosen in the URL; none means "the last complete year". */
  chosenCompareYear: number | undefined;
  /** The records table's own URL state, kept when the figures are re-chosen. */
  keep: Record<string, string | undefined>;
};

const selectClasses = `${inputClasses} w-auto min-w-28`;

/**
 * Which figures the page shows: region, "as of" month, baseline and compared years, first year
 * of the trend. A plain GET form: every choice is a link, and it works before any script loads.
 */
export function PeriodControls({ regions, region, summary, chosenCompareYear, keep }: PeriodControlsProps) {
  const t = useTranslations('indicators.controls');
  const years = summary
    ? Array.from({ length: summary.latest.year - summary.firstYear + 1 }, (_, i) => String(summary.firstYear + i)).map((y) => ({ value: y, label: y }))
    : [];
  const compareYear = chosenCompareYear !== undefined && chosenCompareYear === summary?.compareYear ? String(chosenCompareYear) : '';

  return (
    <form method="get" action="/indicators" className="mb-8 rounded-lg border border-border bg-surface px-4 py-3 print:hidden" aria-labelledby="indicator-controls">
      <h2 id="indicator-controls" className="mb-2 text-sm font-semibold text-ink">
        {t('title')}
      </h2>
      {Object.entries(keep).map(([name, value]) => (value ? <input key={name} type="hidden" name={name} value={value} /> : null))}
      <div className="flex flex-wrap items-end gap-3">
        <Choice name="region" label={t('region')} value={region} options={regions} />
        {summary ? (
          <>
            <Control id="indicator-as-of" label={t('asOf')}>
              <input
                id="indicator-as-of"
                type="month"
                name="asOf"
                defaultValue={monthParam(summary.asOf)}
                min={`${summary.firstYear}-01`}
                max={monthParam(summary.latest)}
                className={`${inputClasses} w-44`}
              />
            </Control>
            <Choice name="baseline" label={t('baseline')} value={String(summary.baselineYear)} options={years} />
            <Choice name="compare" label={t('compare')} value={compareYear} options={[{ value: '', label: t('compareAuto') }, ...years]} />
            <Choice name="from" label={t('from')} value={String(summary.fromYear)} options={years} />
          </>
        ) : null}
        <Button type="submit" variant="secondary">
          <SlidersHorizontal aria-hidden="true" />
          {t('apply')}
        </Button>
      </div>
      {summary ? <p className="mt-2 text-xs text-ink-muted">{t('hint')}</p> : null}
    </form>
  );
}

function Control({ id, label, children }: { id: string; label: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      {children}
    </div>
  );
}

function Choice({ name, label, value, options }: { name: string; label: string; value: string; options: { value: string; label: string }[] }) {
  const id = `indicator-${name}`;
  return (
    <Control id={id} label={label}>
      <select id={id} name={name} defaultValue={value} className={selectClasses}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Control>
  );
}
