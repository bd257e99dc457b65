import type { Metadata } from 'next';
import { UsersRound } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { BackLink } from '@/app/_components/ui/back-link';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { attendanceRates, heldConferenceYears } from '@/lib/data/conference-parts';
import { formatDate, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { attendanceRateQuery } from '@/lib/validation/conference-list';
import { clampPage, dayAfter, dayStart, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { departmentKinds } from '@/lib/validation/departments';
import { pageLocale } from '../[conferenceId]/load';
import { AttendanceTable, type AttendanceTableRow } from './_components/attendance-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('attendanceRates');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

// Conferences are dated from 2000 (yearSchema): these bounds take in every one.
const firstDay = '2000-01-01';
const lastDay = '2100-12-31';

/** Attendance per department across the conferences held in a year, a date range or ever. */
export default async function AttendanceRatesPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'report.read')) forbidden();
  const [t, tKinds, locale] = await Promise.all([getTranslations('attendanceRates'), getTranslations('departmentKinds'), pageLocale()]);
  const query = parseListQuery(attendanceRateQuery, await searchParams);
  // A range wins over a year; an open end of a range reaches the first or last conference.
  const ranged = query.from !== undefined || query.to !== undefined;
  const year = ranged ? undefined : query.year;
  const fromDay = ranged ? (query.from ?? firstDay) : year ? `${year}-01-01` : firstDay;
  const toDay = ranged ? (query.to ?? lastDay) : year ? `${year}-12-31` : lastDay;
  const rateQuery = () => ({ ...query, from: dayStart(fromDay), to: dayAfter(toDay) });
  let result = await attendanceRates(actor, rateQuery());
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await attendanceRates(actor, rateQuery());
  }
  // Only years with conferences held: other years would show an empty table.
  const heldYears = await heldConferenceYears(actor);
  const years = year && !heldYears.includes(year) ? [year, ...heldYears].sort((a, b) => b - a) : heldYears;

  const period = ranged
    ? t('period.range', { from: query.from ? formatDate(query.from, locale) : '…', to: query.to ? formatDate(query.to, locale) : '…' })
    : year
      ? t('period.year', { year })
      : t('period.all');
  const { totals } = result;
  const rows: AttendanceTableRow[] = result.rows.map((r) => ({ ...r, department: localizedName(r, locale), kind: tKinds(r.kind) }));
  const ownOnly = actor.role === 'department_head';

  return (
    <>
      <BackLink href="/conferences">{t('backToList')}</BackLink>
      <PageHeader title={t('title')} description={ownOnly ? t('descriptionOwn') : t('description')} />
      <section aria-labelledby="attendance-summary" className="mb-4 rounded-lg border border-border bg-surface px-4 py-3 text-sm">
        <h2 id="attendance-summary" className="font-medium text-ink">
          {period}
        </h2>
        <p className="text-ink-muted">
          {totals
            ? t('summary', {
                conferences: totals.conferences,
                departments: totals.departments,
                present: totals.present,
                invited: totals.invited,
                rate: formatPercent(totals.rate, locale),
              })
            : t('summaryNone')}
        </p>
        <p className="mt-1 text-xs text-ink-muted">{t('rateRule')}</p>
      </section>
      {result.total === 0 && !query.q && !query.kind && !ranged && !year ? (
        <EmptyState icon={UsersRound} title={t('empty.title')} description={t('empty.description')} />
      ) : (
        <AttendanceTable
          rows={rows}
          state={tableUrlState(attendanceRateQuery, query, result.total)}
          yearOptions={years.map((year) => ({ value: String(year), label: String(year) }))}
          kindOptions={departmentKinds.map((kind) => ({ value: kind, label: tKinds(kind) }))}
        />
      )}
    </>
  );
}
