import type { Metadata } from 'next';
import Link from 'next/link';
import { Download, FileText } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { localizedName } from '@/lib/i18n/localized';
import { periodLabel } from '@/lib/i18n/period-label';
import { clampPage, tableUrlState } from '@/lib/validation/list-query';
import { departmentKinds } from '@/lib/validation/departments';
import { rankingQuery } from '@/lib/validation/scoring';
import { pageLocale } from '../conferences/[conferenceId]/load';
import { PeriodPicker } from './_components/period-picker';
import { RankingTable, type RankingTableRow } from './_components/ranking-table';
import { ScoringFormula } from './_components/scoring-formula';
import { rankingView } from './ranking-view';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('ranking');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The URL's own parameters that the CSV and the department pages carry over. */
function carried(view: Awaited<ReturnType<typeof rankingView>>): URLSearchParams {
  const { query, param } = view;
  const out = new URLSearchParams({ period: param });
  if (query.sort !== rankingQuery.defaultSort || query.dir !== rankingQuery.defaultDir) {
    out.set('sort', query.sort);
    out.set('dir', query.dir);
  }
  if (query.q) out.set('q', query.q);
  if (query.kind) out.set('kind', query.kind);
  return out;
}

/** 排名通报: every department's scorecard for a period, ranked by the documented score. */
export default async function RankingPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'report.read')) forbidden();
  const params = await searchParams;
  const [t, tKinds, tValidation, locale, view] = await Promise.all([
    getTranslations('ranking'),
    getTranslations('departmentKinds'),
    getTranslations('validation'),
    pageLocale(),
    rankingView(actor, params),
  ]);
  const tPicker = await getTranslations('periodPicker');
  const { query, period, param } = view;
  const page = clampPage(query.page, query.pageSize, view.rows.length);
  const shown = view.rows.slice((page - 1) * query.pageSize, page * query.pageSize);
  const rows: RankingTableRow[] = shown.map((r) => ({
    ...r,
    department: localizedName(r, locale),
    kindLabel: tKinds(r.kind),
    href: `/reports/departments/${r.departmentId}?period=${encodeURIComponent(param)}`,
  }));
  const ownOnly = actor.role === 'department_head';
  const own = ownOnly ? view.rows[0] : undefined;
  const label = periodLabel(period, locale);

  return (
    <>
      <PageHeader
        title={t('title')}
        description={ownOnly ? t('descriptionOwn') : t('description')}
        actions={
          <>
            <Button asChild variant="secondary">
              <a href={`/api/reports/ranking.csv?${carried(view)}`}>
                <Download aria-hidden="true" />
                {t('downloadCsv')}
              </a>
            </Button>
            <Button asChild variant="secondary">
              <Link href={`/reports/supervision?period=${encodeURIComponent(param)}`}>
                <FileText aria-hidden="true" />
                {t('supervisionReport')}
              </Link>
            </Button>
          </>
        }
      />
      <section aria-labelledby="ranking-period" className="mb-4 space-y-3 rounded-lg border border-border bg-surface px-4 py-3">
        <PeriodPicker param={param} error={view.error ? tValidation(view.error.key as never) : null} />
        {view.fellBackFrom ? (
          <p role="note" className="text-sm text-ink">
            {tPicker('fellBack', { current: periodLabel(view.fellBackFrom, locale), shown: label })}
          </p>
        ) : null}
        <div className="text-sm">
          <h2 id="ranking-period" className="font-medium text-ink">
            {label}
          </h2>
          <p className="text-ink-muted">
            {own
              ? own.rank === null
                ? t('summaryOwnUnranked', { ranked: view.ranked })
                : t('summaryOwn', { rank: own.rank, ranked: view.ranked })
              : view.ranked
                ? t('summary', { ranked: view.ranked })
                : t('summaryNone')}
          </p>
        </div>
      </section>
      <ScoringFormula weights={view.weights} updatedAt={view.weightsSavedAt} locale={locale} canManage={can(actor, 'settings.manage')} />
      <RankingTable
        rows={rows}
        state={tableUrlState(rankingQuery, { ...query, page }, view.rows.length)}
        kindOptions={departmentKinds.map((kind) => ({ value: kind, label: tKinds(kind) }))}
      />
    </>
  );
}
