import { getTranslations } from 'next-intl/server';
import { TriangleAlert } from 'lucide-react';
import type { IndicatorSummary } from '@/lib/data/safety-indicators';
import { type IndicatorMeasure, indicatorMeasures, monthIndex } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { formatMeasure, formatYearMonth, yearSpan } from './format';

/**
 * The figures a work report quotes: accidents and deaths against the baseline year, the months
 * without a major accident, then every measure side by side in a table.
 */
export async function HeadlineFigures({ summary, region, locale }: { summary: IndicatorSummary; region: string; locale: Locale }) {
  const t = await getTranslations('indicators');
  const { baseline, compare, change, withoutMajorAccident: run } = summary;
  const baselineLabel = yearSpan(summary.baselineYear, summary.comparedMonths, locale);
  const compareLabel = summary.compareYear === null ? null : yearSpan(summary.compareYear, summary.comparedMonths, locale);
  const asOf = formatYearMonth(summary.asOf, locale);
  const changeText = (m: IndicatorMeasure) => {
    const ratio = change[m];
    return ratio === null ? '—' : formatPercent(ratio, locale, { signed: true });
  };
  const incomplete = [
    { year: summary.baselineYear, months: baseline.months },
    ...(summary.compareYear !== null && compare ? [{ year: summary.compareYear, months: compare.months }] : []),
  ].filter((y) => y.months < summary.comparedMonths);
  const behind = run.through !== null && monthIndex(run.through) < monthIndex(summary.asOf);

  return (
    <section aria-labelledby="indicator-headline" className="space-y-4">
      <div>
        <h2 id="indicator-headline" className="text-lg font-semibold text-ink">
          {t('summary.title')}
        </h2>
        <p className="text-sm text-ink-muted">
          {compareLabel
            ? t('summary.scope', { region, asOf, compare: compareLabel, baseline: baselineLabel })
            : t('summary.scopeNoCompare', { region, asOf, baseline: baselineLabel })}
        </p>
      </div>
      <dl className="grid gap-4 sm:grid-cols-3">
        {(['accidents', 'deaths'] as const).map((m) => (
          <div key={m} className="rounded-lg border border-border bg-surface px-5 py-4">
            <dt className="text-sm font-medium text-ink-muted">{t('summary.changeOf', { measure: t(`measures.${m}`) })}</dt>
            <dd>
              <span className="block text-3xl font-semibold tabular-nums text-ink">{changeText(m)}</span>
              {compare && compareLabel ? (
                <span className="mt-1 block text-sm text-ink-muted">
                  {t(`summary.detail.${m}`, {
                    compare: compareLabel,
                    compareValue: formatNumber(compare[m], locale),
                    baseline: baselineLabel,
                    baselineValue: formatNumber(baseline[m], locale),
                  })}
                </span>
              ) : (
                <span className="mt-1 block text-sm text-ink-muted">{t('summary.noCompare')}</span>
              )}
            </dd>
          </div>
        ))}
        <div className="rounded-lg border border-border bg-surface px-5 py-4">
          <dt className="text-sm font-medium text-ink-muted">{t('summary.withoutMajor')}</dt>
          <dd>
            <span className="block text-3xl font-semibold tabular-nums text-ink">{t('summary.monthsValue', { count: run.months })}</span>
            <span className="mt-1 block text-sm text-ink-muted">
              {run.lastMajor ? t('summary.lastMajor', { month: formatYearMonth(run.lastMajor, locale) }) : t('summary.noMajorRecorded')}
            </span>
          </dd>
        </div>
      </dl>
      {incomplete.length || behind ? (
        <div className="flex items-start gap-2 rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm text-warning">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          <ul className="space-y-0.5">
            {incomplete.map((y) => (
              <li key={y.year}>{t('summary.incomplete', { year: y.year, months: y.months, expected: summary.comparedMonths })}</li>
            ))}
            {behind ? <li>{t('summary.behind', { through: formatYearMonth(run.through!, locale), asOf })}</li> : null}
          </ul>
        </div>
      ) : null}
      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t('compareTable.caption', { compare: compareLabel ?? '—', baseline: baselineLabel })}</caption>
          <thead className="bg-canvas text-left">
            <tr className="border-b border-border">
              <th scope="col" className="px-3 py-2 font-medium text-ink-muted">
                {t('compareTable.measure')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">
                {t('compareTable.baseline', { period: baselineLabel })}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">
                {compareLabel ? t('compareTable.compare', { period: compareLabel }) : t('compareTable.compareNone')}
              </th>
              <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">
                {t('compareTable.change')}
              </th>
            </tr>
          </thead>
          <tbody>
            {indicatorMeasures.map((m) => (
              <tr key={m} className="border-b border-border last:border-b-0">
                <th scope="row" className="px-3 py-2 text-left font-normal text-ink">
                  {t(`measures.${m}`)}
                </th>
                <td className="px-3 py-2 text-right tabular-nums">{formatMeasure(m, baseline[m], locale)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{compare ? formatMeasure(m, compare[m], locale) : '—'}</td>
                <td className="px-3 py-2 text-right font-medium tabular-nums">{changeText(m)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
