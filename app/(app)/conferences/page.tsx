import type { Metadata } from 'next';
import Link from 'next/link';
import { CalendarDays, Plus, UsersRound } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { conferenceYearSpan, listConferences } from '@/lib/data/conferences';
import { quarterOfDate } from '@/lib/domain/quarters';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { conferenceFormatValues, conferenceListQuery, conferenceQuarters, conferenceStatusValues } from '@/lib/validation/conference-list';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { ConferencesTable, type ConferenceTableRow } from './_components/conferences-table';
import { PlanYearForm } from './_components/plan-year-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('conferences');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The years the year filter offers: from the first conference to the last, and at least up to next year. */
async function yearRange(actor: Actor, thisYear: number, chosen: number | undefined) {
  const span = await conferenceYearSpan(actor);
  const from = Math.min(span?.first ?? thisYear, chosen ?? thisYear, thisYear);
  const to = Math.max(span?.last ?? thisYear, chosen ?? thisYear, thisYear + 1);
  return Array.from({ length: to - from + 1 }, (_, i) => to - i);
}

export default async function ConferencesPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [t, tStatus, tFormat, rawLocale] = await Promise.all([
    getTranslations('conferences'),
    getTranslations('conferenceStatuses'),
    getTranslations('conferenceFormats'),
    getLocale(),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const query = parseListQuery(conferenceListQuery, await searchParams);
  const listQuery = () => ({ ...query, status: query.status ? [query.status] : undefined, format: query.format ? [query.format] : undefined });
  let result = await listConferences(actor, listQuery());
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listConferences(actor, listQuery());
  }
  const thisYear = quarterOfDate(new Date()).year;
  const years = await yearRange(actor, thisYear, query.year);
  const canPlan = can(actor, 'conference.scheduleYear');
  const canCreate = can(actor, 'conference.create');
  const filtered = query.q !== undefined || query.year !== undefined || query.quarter !== undefined || query.status !== undefined || query.format !== undefined;

  const rows: ConferenceTableRow[] = result.rows.map((c) => ({
    id: c.id,
    title: localizedName({ name: c.title, nameEn: c.titleEn }, locale),
    period:
      c.kind === 'quarterly' && c.quarter
        ? t('period.quarterly', { year: c.year, quarter: t(`quarters.${String(c.quarter) as '1'}`) })
        : t('period.special', { year: c.year }),
    startsAt: c.startsAt,
    format: tFormat(c.format),
    status: c.status,
    chair: c.chairName ? localizedName({ name: c.chairName, nameEn: c.chairNameEn }, locale) : null,
  }));

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            {can(actor, 'report.read') ? (
              <Button asChild variant="secondary">
                <Link href="/conferences/attendance">
                  <UsersRound aria-hidden="true" />
                  {t('attendanceLink')}
                </Link>
              </Button>
            ) : null}
            {canCreate ? (
              <Button asChild variant="secondary">
                <Link href="/conferences/new">
                  <Plus aria-hidden="true" />
                  {t('create.link')}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />
      {canPlan ? (
        <Card className="mb-6 print:hidden">
          <CardHeader>
            <CardTitle>{t('plan.title')}</CardTitle>
            <CardDescription>{t('plan.description')}</CardDescription>
          </CardHeader>
          <CardContent>
            <PlanYearForm defaultYear={thisYear + 1} />
          </CardContent>
        </Card>
      ) : null}
      {result.total === 0 && !filtered ? (
        <EmptyState icon={CalendarDays} title={t('empty.title')} description={canPlan ? t('emptyOffice') : t('empty.description')} />
      ) : (
        <ConferencesTable
          rows={rows}
          state={tableUrlState(conferenceListQuery, query, result.total)}
          yearOptions={years.map((year) => ({ value: String(year), label: String(year) }))}
          quarterOptions={conferenceQuarters.map((q) => ({ value: q, label: t(`quarters.${q}`) }))}
          statusOptions={conferenceStatusValues.map((s) => ({ value: s, label: tStatus(s) }))}
          formatOptions={conferenceFormatValues.map((f) => ({ value: f, label: tFormat(f) }))}
        />
      )}
    </>
  );
}
