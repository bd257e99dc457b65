import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { cn } from '@/app/_components/ui/cn';
import { type DashboardCounts, type DashboardFigure, dashboardFigureFilters, dashboardFigures } from '@/lib/data/dashboard';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatNumber } from '@/lib/i18n/format';

type FigureCardsProps = {
  counts: DashboardCounts;
  links: Record<DashboardFigure, string>;
  now: Date;
  locale: Locale;
};

/** Figures asking for someone to act stand out while they hold tasks; the number is always in words too. */
const urgent: readonly DashboardFigure[] = ['overdue', 'notAcknowledged', 'awaitingVerification'];

/** The six figures of the work as it stands today, each a link to exactly its tasks in the task table. */
export async function FigureCards({ counts, links, now, locale }: FigureCardsProps) {
  const t = await getTranslations('dashboard.now');
  const filters = dashboardFigureFilters(now);
  const day = (d: string | undefined) => (d ? formatDate(d, locale) : '');
  const hint = (figure: DashboardFigure) => {
    const f = filters[figure];
    if (figure === 'dueThisWeek') return t('hints.dueThisWeek', { from: day(f.dueFrom), to: day(f.dueTo) });
    if (figure === 'completedThisQuarter') return t('hints.completedThisQuarter', { from: day(f.completedFrom), to: day(f.completedTo) });
    return t(`hints.${figure}`);
  };
  return (
    <section aria-labelledby="dashboard-now" className="mb-8">
      <h2 id="dashboard-now" className="text-base font-semibold text-ink">
        {t('title')}
      </h2>
      <p className="mb-3 text-sm text-ink-muted">{t('asOf', { date: formatDate(now, locale) })}</p>
      <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 xl:grid-cols-6">
        {dashboardFigures.map((figure) => {
          const alert = urgent.includes(figure) && counts[figure] > 0;
          return (
            <li key={figure} className="flex flex-col">
              <Link
                href={links[figure]}
                aria-describedby={`figure-${figure}-hint`}
                className={cn(
                  'flex flex-1 flex-col rounded-lg border bg-surface px-3 py-2 hover:bg-canvas',
                  alert ? 'border-danger-border' : 'border-border',
                )}
              >
                <span className="text-sm text-ink-muted">{t(`figures.${figure}`)}</span>
                <span className={cn('text-2xl font-semibold tabular-nums', alert ? 'text-danger' : 'text-ink')}>{formatNumber(counts[figure], locale)}</span>
              </Link>
              <p id={`figure-${figure}-hint`} className="mt-1 px-1 text-xs text-ink-muted">
                {hint(figure)}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
