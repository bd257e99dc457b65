import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { DepartmentFigures } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { EarlierPeriodHint } from './earlier-period-hint';

type DepartmentTableProps = {
  rows: DepartmentFigures[];
  /** How many rows to show; the rest are counted below the table. */
  limit: number;
  periodName: string;
  /** The period as it stands in the URL, handed on to the scorecards and the ranking. */
  periodParam: string;
  /** The period before, offered when nothing was assigned in this one. */
  earlier: { name: string; href: string } | null;
  locale: Locale;
};

const columns = ['assigned', 'completed', 'completionRate', 'onTimeRate', 'overdueNow'] as const;

/** Completion and overdue figures per department, the most overdue first, each linked to its scorecard. */
export async function DepartmentTable({ rows, limit, periodName, periodParam, earlier, locale }: DepartmentTableProps) {
  const [t, tPeriod] = await Promise.all([getTranslations('dashboard.departments'), getTranslations('dashboard.period')]);
  const query = `?period=${encodeURIComponent(periodParam)}`;
  const shown = rows.slice(0, limit);
  const cell = (row: DepartmentFigures, column: (typeof columns)[number]) => {
    if (column === 'completionRate' || column === 'onTimeRate') {
      const value = row[column];
      return value === null ? tPeriod('none') : formatPercent(value, locale);
    }
    return formatNumber(row[column], locale);
  };
  return (
    <section aria-labelledby="dashboard-departments" className="mb-8">
      <div className="mb-3 flex flex-wrap items-end justify-between gap-2">
        <div className="min-w-0 max-w-3xl">
          <h2 id="dashboard-departments" className="text-base font-semibold text-ink">
            {t('title')}
          </h2>
          <p className="text-sm text-ink-muted">{t('description', { period: periodName })}</p>
        </div>
        <Link href={`/reports${query}`} className="text-sm font-medium text-accent underline underline-offset-2 print:hidden">
          {t('fullRanking')}
        </Link>
      </div>
      {shown.length ? (
        <>
          <div className="overflow-x-auto rounded-lg border border-border bg-surface">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t('caption', { period: periodName })}</caption>
              <thead className="bg-canvas text-left">
                <tr className="border-b border-border">
                  <th scope="col" className="px-3 py-2 font-medium text-ink-muted">
                    {t('columns.department')}
                  </th>
                  {columns.map((column) => (
                    <th key={column} scope="col" className="whitespace-nowrap px-3 py-2 text-right font-medium text-ink-muted">
                      {t(`columns.${column}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((row) => (
                  <tr key={row.departmentId} className="border-b border-border last:border-b-0">
                    <th scope="row" className="px-3 py-2 text-left font-normal">
                      <Link href={`/reports/departments/${row.departmentId}${query}`} className="text-accent underline-offset-2 hover:underline">
                        {localizedName(row, locale)}
                      </Link>
                    </th>
                    {columns.map((column) => (
                      <td key={column} className={`px-3 py-2 text-right tabular-nums ${column === 'overdueNow' && row.overdueNow > 0 ? 'font-semibold text-danger' : 'text-ink'}`}>
                        {cell(row, column)}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > shown.length ? <p className="mt-2 text-sm text-ink-muted">{t('more', { count: rows.length - shown.length })}</p> : null}
        </>
      ) : (
        <EarlierPeriodHint message={t('empty')} earlier={earlier} />
      )}
    </section>
  );
}
