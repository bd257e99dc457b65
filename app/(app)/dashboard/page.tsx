import type { Metadata } from 'next';
import Link from 'next/link';
import { LayoutDashboard } from 'lucide-react';
import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { PeriodPicker } from '@/app/(app)/reports/_components/period-picker';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { dashboard, trendPeriod } from '@/lib/data/dashboard';
import { reportPeriod } from '@/lib/data/report-period';
import { earlierPeriod, periodParam } from '@/lib/domain/period';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { periodLabel } from '@/lib/i18n/period-label';
import { ConferenceProgressList } from './_components/conference-progress';
import { DepartmentTable } from './_components/department-table';
import { FigureCards } from './_components/figure-cards';
import { PeriodFigures } from './_components/period-figures';
import { TrendChart, type TrendRow } from './_components/trend-chart';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Departments listed on the dashboard; the full ranking is on the reports page. */
const departmentRows = 10;

export default async function DashboardPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'report.read')) forbidden();
  const now = new Date();
  const params = await searchParams;
  const { period, param, error, fellBackFrom } = await reportPeriod(actor, params, now);
  const [t, tTrend, tValidation, rawLocale, data] = await Promise.all([
    getTranslations('dashboard'),
    getTranslations('dashboard.trend'),
    getTranslations('validation'),
    getLocale(),
    dashboard(actor, period, now),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const ownOnly = actor.role === 'department_head';
  const periodName = periodLabel(period, locale);
  const before = earlierPeriod(period);
  const earlier = before ? { name: periodLabel(before, locale), href: `/dashboard?period=${encodeURIComponent(periodParam(before))}` } : null;
  const nothingYet =
    Object.values(data.counts).every((n) => n === 0) && data.figures.assigned === 0 && data.progress.conferences.length === 0 && data.trend.every((p) => p.assigned === 0);

  const trendRows: TrendRow[] = data.trend.map((p) => ({
    label: tTrend('quarter', { year: String(p.year), quarter: p.quarter }),
    assigned: p.assigned,
    completedOnTime: p.completedOnTime,
    completedLate: p.completedLate,
    overdueNow: p.overdueNow,
  }));
  const span = trendPeriod(period);

  return (
    <>
      <PageHeader title={t('title')} description={ownOnly ? t('descriptionOwn') : t('description')} />
      {nothingYet && !error ? (
        <EmptyState
          icon={LayoutDashboard}
          title={t('empty.title')}
          description={t('empty.description')}
          action={
            <Button asChild variant="secondary">
              <Link href="/conferences">{t('empty.action')}</Link>
            </Button>
          }
        />
      ) : (
        <>
          <FigureCards counts={data.counts} links={data.links} now={now} locale={locale} />
          <PeriodPicker param={param} error={error ? tValidation(error.key as Parameters<typeof tValidation>[0], error.values) : null} className="mb-6 rounded-lg border border-border bg-surface px-4 py-3" />
          {fellBackFrom ? (
            <p role="note" className="mb-3 text-sm text-ink">
              {t('period.fellBack', { current: periodLabel(fellBackFrom, locale), shown: periodName })}
            </p>
          ) : null}
          <PeriodFigures figures={data.figures} periodName={periodName} earlier={earlier} locale={locale} />
          <section aria-labelledby="dashboard-trend" className="mb-8">
            <h2 id="dashboard-trend" className="text-base font-semibold text-ink">
              {tTrend('title')}
            </h2>
            <p className="mb-3 text-sm text-ink-muted">{tTrend('description', { from: formatDate(span.from, locale), to: formatDate(span.to, locale) })}</p>
            {trendRows.some((r) => r.assigned > 0) ? (
              <TrendChart rows={trendRows} />
            ) : (
              <p className="rounded-lg border border-border bg-surface px-4 py-3 text-sm text-ink-muted">{tTrend('empty')}</p>
            )}
          </section>
          <DepartmentTable rows={data.departments} limit={departmentRows} periodName={periodName} periodParam={param} earlier={earlier} locale={locale} />
          <ConferenceProgressList conferences={data.progress.conferences} more={data.progress.more} periodName={periodName} ownOnly={ownOnly} locale={locale} />
        </>
      )}
    </>
  );
}
