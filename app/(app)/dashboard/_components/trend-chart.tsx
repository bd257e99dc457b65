'use client';

import { useId, useState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';
import { Button } from '@/app/_components/ui/button';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';

export type TrendRow = {
  /** The quarter in words, e.g. 2026年3季度 / Q3 2026. */
  label: string;
  assigned: number;
  completedOnTime: number;
  completedLate: number;
  overdueNow: number;
};

export const trendSeries = ['assigned', 'completedOnTime', 'completedLate', 'overdueNow'] as const;
type Series = (typeof trendSeries)[number];

// The theme's accent, success, warning and danger (app/globals.css); the legend and the table name them.
const colours: Record<Series, string> = {
  assigned: '#1e3a6b',
  completedOnTime: '#1d6b35',
  completedLate: '#b7791f',
  overdueNow: '#a8231a',
};

/**
 * Quarter-over-quarter bars. The chart is a picture for the eye; the same figures are a table,
 * always there for screen readers and shown on screen with a button.
 */
export function TrendChart({ rows }: { rows: TrendRow[] }) {
  const t = useTranslations('dashboard.trend');
  const locale = useLocale() as Locale;
  const [tableShown, setTableShown] = useState(false);
  const tableId = useId();
  const number = (value: number) => formatNumber(value, locale);

  return (
    <div className="space-y-3">
      <div aria-hidden="true" className="h-72 w-full">
        <BarChart responsive accessibilityLayer={false} data={rows} style={{ width: '100%', height: '100%' }} margin={{ top: 8, right: 8, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#d8dce3" vertical={false} />
          <XAxis dataKey="label" tick={{ fontSize: 12, fill: '#4a5261' }} interval="preserveStartEnd" />
          <YAxis allowDecimals={false} tickFormatter={number} tick={{ fontSize: 12, fill: '#4a5261' }} width={48} />
          <Tooltip formatter={(value) => number(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 13 }} itemSorter={(item) => trendSeries.indexOf(item.dataKey as Series)} />
          {trendSeries.map((series) => (
            <Bar key={series} dataKey={series} name={t(`series.${series}`)} fill={colours[series]} isAnimationActive={false} />
          ))}
        </BarChart>
      </div>
      <Button variant="secondary" size="sm" aria-controls={tableId} onClick={() => setTableShown((shown) => !shown)}>
        {tableShown ? t('hideTable') : t('showTable')}
      </Button>
      <div id={tableId} className={tableShown ? 'overflow-x-auto rounded-lg border border-border bg-surface' : 'sr-only'}>
        <table className="w-full border-collapse text-sm">
          <caption className="sr-only">{t('tableCaption')}</caption>
          <thead className="bg-canvas text-left">
            <tr className="border-b border-border">
              <th scope="col" className="px-3 py-2 font-medium text-ink-muted">
                {t('quarterColumn')}
              </th>
              {trendSeries.map((series) => (
                <th key={series} scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">
                  {t(`series.${series}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.label} className="border-b border-border last:border-b-0">
                <th scope="row" className="whitespace-nowrap px-3 py-2 text-left font-normal text-ink">
                  {row.label}
                </th>
                {trendSeries.map((series) => (
                  <td key={series} className="px-3 py-2 text-right tabular-nums text-ink">
                    {number(row[series])}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
