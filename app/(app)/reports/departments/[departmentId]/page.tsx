import type { Metadata } from 'next';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { cache } from 'react';
import { BackLink } from '@/app/_components/ui/back-link';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { type QuarterScorecard, type ScorecardRow, departmentScorecard, departmentScorecardByQuarter } from '@/lib/data/scorecards';
import { periodParam } from '@/lib/domain/period';
import type { Locale } from '@/lib/i18n/config';
import { localizedName } from '@/lib/i18n/localized';
import { periodLabel } from '@/lib/i18n/period-label';
import { id as rowId } from '@/lib/validation/common';
import { periodFromParams } from '@/lib/validation/period';
import { type RankingFigure, rankingFigureColumns } from '@/lib/validation/scoring';
import { pageLocale } from '../../../conferences/[conferenceId]/load';
import { formatFigure, formatScore } from '../../_components/figure-format';
import { PeriodPicker } from '../../_components/period-picker';
import { ScoringFormula } from '../../_components/scoring-formula';

type SearchParams = Record<string, string | string[] | undefined>;
type Props = { params: Promise<{ departmentId: string }>; searchParams: Promise<SearchParams> };

/** Quarters compared when the period is not a year. */
const recentQuarters = 8;

/**
 * The department of the route for the URL's period, or not found: malformed id, unknown
 * department, or another department for a department head. Cached per request.
 */
const loadScorecard = cache(async (rawId: string, search: string) => {
  const actor = await requireActor();
  if (!can(actor, 'report.read')) forbidden();
  const id = rowId.safeParse(rawId);
  if (!id.success) notFound();
  const { period, param, error } = periodFromParams(new URLSearchParams(search));
  const now = new Date();
  const [card, history] = await Promise.all([
    departmentScorecard(actor, id.data, period, now),
    departmentScorecardByQuarter(actor, id.data, period.kind === 'year' ? { period, now } : { quarters: recentQuarters, now }),
  ]);
  if (!card || !history) notFound();
  return { actor, period, param, error, card, history };
});

function searchOf(params: SearchParams): string {
  const out = new URLSearchParams();
  for (const key of ['period', 'from', 'to']) {
    const v = params[key];
    const value = Array.isArray(v) ? v[0] : v;
    if (value) out.set(key, value);
  }
  return out.toString();
}

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const [{ card }, locale, t] = await Promise.all([
    loadScorecard((await params).departmentId, searchOf(await searchParams)),
    pageLocale(),
    getTranslations('scorecard'),
  ]);
  return { title: t('metaTitle', { department: localizedName(card.department, locale) }) };
}

/** The figures a card shows for the chosen period, in reading order (score and rank come first). */
const cardFigures: readonly RankingFigure[] = rankingFigureColumns.filter((key) => key !== 'score');

/** A department's scorecard (单位记分卡): the chosen period with its rank, then quarter by quarter. */
export default async function DepartmentScorecardPage({ params, searchParams }: Props) {
  const { actor, period, param, error, card, history } = await loadScorecard((await params).departmentId, searchOf(await searchParams));
  const [t, tRanking, tKinds, tValidation, locale] = await Promise.all([
    getTranslations('scorecard'),
    getTranslations('ranking'),
    getTranslations('departmentKinds'),
    getTranslations('validation'),
    pageLocale(),
  ]);
  const name = localizedName(card.department, locale);
  const { row } = card;
  const quarters = [...history.quarters].reverse();
  const figure = (key: RankingFigure, r: ScorecardRow) => formatFigure(key, r[key], locale);

  return (
    <>
      <BackLink href={`/reports?period=${encodeURIComponent(param)}`}>{t('backToRanking')}</BackLink>
      <PageHeader
        title={name}
        description={t('description', { kind: tKinds(card.department.kind) })}
        actions={
          <Link href={`/tasks?departmentId=${card.department.id}`} className="text-sm text-accent underline-offset-2 hover:underline print:hidden">
            {t('tasksLink')}
          </Link>
        }
      />
      <section aria-labelledby="scorecard-period" className="mb-4 space-y-4 rounded-lg border border-border bg-surface px-4 py-3">
        <PeriodPicker param={param} error={error ? tValidation(error.key as never) : null} />
        <div>
          <h2 id="scorecard-period" className="text-base font-semibold text-ink">
            {periodLabel(period, locale)}
          </h2>
          <dl className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
            <div className="rounded-md border border-border bg-canvas px-3 py-2">
              <dt className="text-xs text-ink-muted">{tRanking('columns.rank')}</dt>
              <dd className="text-lg font-semibold text-ink">
                {row.rank === null ? t('unranked') : t('rankOf', { rank: row.rank, ranked: card.ranked })}
              </dd>
            </div>
            <div className="rounded-md border border-border bg-canvas px-3 py-2">
              <dt className="text-xs text-ink-muted">{tRanking('columns.score')}</dt>
              <dd className="text-lg font-semibold text-ink">{formatScore(row, locale, tRanking('notDueYet'))}</dd>
            </div>
            {cardFigures.map((key) => (
              <div key={key} className="rounded-md border border-border px-3 py-2">
                <dt className="text-xs text-ink-muted">{tRanking(`columns.${key}`)}</dt>
                <dd className="font-medium tabular-nums text-ink">{figure(key, row)}</dd>
              </div>
            ))}
          </dl>
        </div>
      </section>
      <ScoringFormula weights={card.weights} updatedAt={card.weightsSavedAt} locale={locale} canManage={can(actor, 'settings.manage')} />
      <Card>
        <CardHeader>
          <CardTitle>{period.kind === 'year' ? t('quartersOfYear', { year: String(period.year) }) : t('recentQuarters', { count: recentQuarters })}</CardTitle>
        </CardHeader>
        <CardContent>
          <QuarterTable departmentId={card.department.id} quarters={quarters} locale={locale} caption={t('quartersCaption', { department: name })} />
        </CardContent>
      </Card>
    </>
  );
}

/** One row per quarter, newest first; each quarter links to the scorecard of that quarter. */
async function QuarterTable({ departmentId, quarters, locale, caption }: { departmentId: number; quarters: QuarterScorecard[]; locale: Locale; caption: string }) {
  const [t, tRanking] = await Promise.all([getTranslations('scorecard'), getTranslations('ranking')]);
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-canvas text-left">
          <tr className="border-b border-border">
            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
              {t('quarter')}
            </th>
            <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap text-ink-muted">
              {tRanking('columns.rank')}
            </th>
            {rankingFigureColumns.map((key) => (
              <th key={key} scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap text-ink-muted">
                {tRanking(`columns.${key}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {quarters.map((q) => (
            <tr key={`${q.year}-${q.quarter}`} className="border-b border-border last:border-b-0">
              <th scope="row" className="px-3 py-2 text-left font-medium whitespace-nowrap">
                <Link href={`/reports/departments/${departmentId}?period=${periodParam(q.period)}`} className="text-accent underline-offset-2 hover:underline">
                  {periodLabel(q.period, locale)}
                </Link>
              </th>
              <td className="px-3 py-2 text-right tabular-nums whitespace-nowrap">{q.rank === null ? '—' : t('rankOfShort', { rank: q.rank, ranked: q.ranked })}</td>
              {rankingFigureColumns.map((key) => (
                <td key={key} className={`px-3 py-2 text-right tabular-nums${key === 'score' ? ' font-semibold' : ''}`}>
                  {key === 'score' ? formatScore(q, locale, tRanking('notDueYet')) : formatFigure(key, q[key], locale)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
