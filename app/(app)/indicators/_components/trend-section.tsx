import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { IndicatorSummary, IndicatorTotals } from '@/lib/data/safety-indicators';
import { indicatorMeasures } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import { formatMeasure, formatYearMonth } from './format';
import { TrendChart } from './trend-chart';

type Row = IndicatorTotals & { label: string; shortLabel: string };

/** Totals by year and by quarter, each as a chart and, for screen readers, as the same figures in a table. */
export async function TrendSection({ summary, locale }: { summary: IndicatorSummary; locale: Locale }) {
  const t = await getTranslations('indicators');
  const years: Row[] = summary.years.map((y) => ({ ...y, label: t('trend.yearLabel', { year: y.year }), shortLabel: String(y.year) }));
  const quarters: Row[] = summary.quarters.map((q) => ({
    ...q,
    label: t('trend.quarterLabel', { year: q.year, quarter: q.quarter }),
    shortLabel: t('trend.quarterShort', { year: q.year, quarter: q.quarter }),
  }));
  const names = { accidents: t('measures.accidents'), deaths: t('measures.deaths') };
  const span = { from: t('trend.yearLabel', { year: summary.fromYear }), to: formatYearMonth(summary.asOf, locale) };

  return (
    <section aria-labelledby="indicator-trend" className="space-y-4">
      <div>
        <h2 id="indicator-trend" className="text-lg font-semibold text-ink">
          {t('trend.title')}
        </h2>
        <p className="text-sm text-ink-muted">{t('trend.description', span)}</p>
      </div>
      <div className="grid gap-4 xl:grid-cols-2">
        {[
          { id: 'trend-years', title: t('trend.byYear'), rows: years },
          { id: 'trend-quarters', title: t('trend.byQuarter'), rows: quarters },
        ].map(({ id, title, rows }) => (
          <Card key={id} className="break-inside-avoid">
            <CardHeader>
              <CardTitle level={3} id={id}>
                {title}
              </CardTitle>
              <CardDescription>{t('trend.chartNote')}</CardDescription>
            </CardHeader>
            <CardContent>
              <TrendChart data={rows.map((r) => ({ label: r.shortLabel, accidents: r.accidents, deaths: r.deaths }))} names={names} />
              <table className="sr-only">
                <caption>{t('trend.tableCaption', { title })}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('trend.period')}</th>
                    {indicatorMeasures.map((m) => (
                      <th key={m} scope="col">
                        {t(`measures.${m}`)}
                      </th>
                    ))}
                    <th scope="col">{t('trend.months')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.label}>
                      <th scope="row">{r.label}</th>
                      {indicatorMeasures.map((m) => (
                        <td key={m}>{formatMeasure(m, r[m], locale)}</td>
                      ))}
                      <td>{formatNumber(r.months, locale)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </CardContent>
          </Card>
        ))}
      </div>
    </section>
  );
}
