import type { Metadata } from 'next';
import { ChartColumn, Download } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { getIndicatorMonth, indicatorSummary, indicatorYears, listIndicatorMonths, listIndicatorRegions } from '@/lib/data/safety-indicators';
import { cityMonth, indicatorMeasures } from '@/lib/domain/indicators';
import { localizedName } from '@/lib/i18n/localized';
import { indicatorListQuery, indicatorPageParams } from '@/lib/validation/indicators';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { pageLocale } from '../conferences/[conferenceId]/load';
import { HeadlineFigures } from './_components/headline-figures';
import { ImportIndicatorsForm } from './_components/import-form';
import { IndicatorForm } from './_components/indicator-form';
import { IndicatorMonthsTable, type IndicatorMonthTableRow } from './_components/indicator-months-table';
import { PeriodControls } from './_components/period-controls';
import { TrendSection } from './_components/trend-section';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('indicators');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * Safety indicators: the figures of the whole city or a district as of a month, against a baseline
 * year, with trends by year and quarter and the monthly records; the office records, corrects and
 * imports months here.
 */
export default async function IndicatorsPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'indicator.read')) forbidden();
  const params = await searchParams;
  const choice = indicatorPageParams(params);
  const query = parseListQuery(indicatorListQuery, params);
  const canManage = can(actor, 'indicator.manage');
  const [t, locale, districts] = await Promise.all([getTranslations('indicators'), pageLocale(), listIndicatorRegions(actor)]);
  // An unknown district in the URL shows the whole city.
  const departmentId = districts.some((d) => d.id === choice.departmentId) ? choice.departmentId : null;
  const regionOptions = [
    { value: 'city', label: t('region.city') },
    ...districts.map((d) => ({ value: String(d.id), label: localizedName(d, locale) })),
  ];
  const region = departmentId === null ? 'city' : String(departmentId);
  const regionLabel = regionOptions.find((r) => r.value === region)!.label;

  const listQuery = () => ({ ...query, departmentId });
  const [summary, years, editing] = await Promise.all([
    indicatorSummary(actor, { ...choice, departmentId }),
    indicatorYears(actor, departmentId),
    canManage && choice.edit ? getIndicatorMonth(actor, choice.edit) : Promise.resolve(null),
  ]);
  let list = await listIndicatorMonths(actor, listQuery());
  const lastPage = clampPage(query.page, query.pageSize, list.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    list = await listIndicatorMonths(actor, listQuery());
  }
  const rows: IndicatorMonthTableRow[] = list.rows.map((r) => ({ ...r, updatedAt: r.updatedAt.toISOString() }));
  const editingRegion = editing
    ? editing.departmentId === null
      ? t('region.city')
      : (regionOptions.find((r) => r.value === String(editing.departmentId))?.label ?? '')
    : '';
  // The records table's sort, page size and columns survive a new choice of figures.
  const keep = Object.fromEntries(['sort', 'dir', 'pageSize', 'hide'].map((key) => [key, typeof params[key] === 'string' ? params[key] : undefined]));

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <PeriodControls
        regions={regionOptions}
        region={region}
        summary={summary && { firstYear: summary.firstYear, latest: summary.latest, asOf: summary.asOf, baselineYear: summary.baselineYear, compareYear: summary.compareYear, fromYear: summary.fromYear }}
        chosenCompareYear={choice.compareYear}
        keep={keep}
      />

      <div className="space-y-10">
        {summary ? (
          <>
            <HeadlineFigures summary={summary} region={regionLabel} locale={locale} />
            <TrendSection summary={summary} locale={locale} />
          </>
        ) : (
          <EmptyState
            icon={ChartColumn}
            title={t('empty.title')}
            description={canManage ? t('empty.office', { region: regionLabel }) : t('empty.description')}
          />
        )}

        {list.total > 0 || query.year ? (
          <section aria-labelledby="indicator-records" className="space-y-3">
            <div>
              <h2 id="indicator-records" className="text-lg font-semibold text-ink">
                {t('records.title', { region: regionLabel })}
              </h2>
              <p className="text-sm text-ink-muted">{t('records.description')}</p>
            </div>
            <IndicatorMonthsTable
              rows={rows}
              state={tableUrlState(indicatorListQuery, query, list.total)}
              yearOptions={years.map((y) => ({ value: String(y), label: String(y) }))}
              canManage={canManage}
              region={regionLabel}
            />
          </section>
        ) : null}

        {canManage ? (
          <section aria-labelledby="indicator-manage" className="space-y-4 print:hidden">
            <h2 id="indicator-manage" className="text-lg font-semibold text-ink">
              {t('manage.title')}
            </h2>
            <div className="grid gap-6 lg:grid-cols-2">
              <Card id="indicator-form" role="region" aria-labelledby="indicator-form-title" className="scroll-mt-4">
                <CardHeader>
                  <CardTitle level={3} id="indicator-form-title">
                    {editing ? t('form.titleCorrect') : t('form.title')}
                  </CardTitle>
                  <CardDescription>{t('form.description')}</CardDescription>
                </CardHeader>
                <CardContent className="py-5">
                  <IndicatorForm
                    regions={regionOptions.map((r) => ({ ...r, value: r.value === 'city' ? '' : r.value }))}
                    defaultRegion={departmentId === null ? '' : String(departmentId)}
                    defaultYear={cityMonth().year}
                    editing={
                      editing
                        ? {
                            id: editing.id,
                            version: editing.version,
                            year: editing.year,
                            month: editing.month,
                            region: editingRegion,
                            values: Object.fromEntries(indicatorMeasures.map((m) => [m, editing[m]])) as Record<(typeof indicatorMeasures)[number], number>,
                          }
                        : null
                    }
                  />
                </CardContent>
              </Card>
              <Card role="region" aria-labelledby="indicator-import-title">
                <CardHeader>
                  <CardTitle level={3} id="indicator-import-title">
                    {t('import.title')}
                  </CardTitle>
                  <CardDescription>{t('import.description')}</CardDescription>
                </CardHeader>
                <CardContent className="space-y-4 py-5">
                  <ImportIndicatorsForm />
                  <div className="space-y-2 border-t border-border pt-4 text-sm">
                    <p>
                      <a href="/indicators/template.csv" download className="inline-flex items-center gap-1 font-medium text-accent underline-offset-2 hover:underline">
                        <Download className="size-4" aria-hidden="true" />
                        {t('import.template')}
                      </a>
                    </p>
                    <p className="text-ink-muted">{t('import.columnsHelp')}</p>
                    <p className="text-ink-muted">{t('import.upsert')}</p>
                    <p className="text-ink-muted">{t('import.allOrNothing')}</p>
                  </div>
                </CardContent>
              </Card>
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
