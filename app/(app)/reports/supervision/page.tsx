import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { FileDown, Sheet } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { BackLink } from '@/app/_components/ui/back-link';
import { buttonClasses } from '@/app/_components/ui/button';
import { translateFieldErrors } from '@/lib/actions/result';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { supervisionReport } from '@/lib/data/supervision-report';
import { numberedHeading } from '@/lib/export/numbered-heading';
import { supervisionReportText } from '@/lib/export/supervision-report-text';
import { formatDate } from '@/lib/i18n/format';
import { periodLabel } from '@/lib/i18n/period-label';
import { reportPeriod } from '@/lib/data/report-period';
import { Paper, PaperHeading } from '../../conferences/_components/paper';
import { PrintButton } from '../../conferences/_components/print-button';
import { pageLocale } from '../../conferences/[conferenceId]/load';
import { PeriodPicker } from '../_components/period-picker';
import { ReportTable } from './_components/report-table';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations('supervisionReport'), pageLocale()]);
  const { period, error } = await reportPeriod(await requireActor(), await searchParams);
  return { title: error ? t('title') : t('metaTitle', { period: periodLabel(period, locale) }) };
}

const numericColumns = new Set(['rank', 'assigned', 'completed', 'onTimeRate', 'overdueNow', 'returns', 'score', 'daysOverdue']);

/**
 * The supervision report (督办通报) of a period, laid out as the document it prints as (A4): the
 * period's figures, the ranking of departments, the overdue list and the work returned for rework.
 * The Word download holds the same. A department head sees their own department's part.
 */
export default async function SupervisionReportPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'report.read')) forbidden();
  const now = new Date();
  const { period, param, error, fellBackFrom } = await reportPeriod(actor, await searchParams, now);
  const [t, tPicker, locale] = await Promise.all([getTranslations('supervisionReport'), getTranslations('periodPicker'), pageLocale()]);
  const errorMessage = error ? ((await translateFieldErrors({ period: [error] })).period?.[0] ?? null) : null;
  const picker = <PeriodPicker param={param} error={errorMessage} labels={{ legend: t('form.legend'), apply: t('form.submit') }} />;

  if (errorMessage) {
    return (
      <>
        <BackLink href="/reports">{t('back')}</BackLink>
        <h1 className="mb-4 text-xl font-semibold text-ink sm:text-2xl">{t('title')}</h1>
        {picker}
        <p className="mt-6 rounded-lg border border-border bg-surface px-4 py-3 text-ink">{t('periodError', { message: errorMessage })}</p>
      </>
    );
  }

  const report = await supervisionReport(actor, period, now);
  const text = supervisionReportText(report, locale);
  const numeric = <T extends { key: string; header: string }>(columns: T[]) => columns.map((c) => ({ ...c, numeric: numericColumns.has(c.key) }));
  const taskLink = (taskId: number, label: string) => (
    <Link href={`/tasks/${taskId}`} className="text-accent underline-offset-2 hover:underline print:no-underline">
      {label}
    </Link>
  );

  return (
    <>
      <BackLink href="/reports">{t('back')}</BackLink>
      {fellBackFrom ? (
        <p role="note" className="mb-3 text-sm text-ink print:hidden">
          {tPicker('fellBack', { current: periodLabel(fellBackFrom, locale), shown: periodLabel(period, locale) })}
        </p>
      ) : null}
      <div className="mb-6 flex flex-wrap items-end justify-between gap-4 print:hidden">
        {picker}
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/reports/supervision.docx?period=${encodeURIComponent(param)}`} download className={buttonClasses('secondary')}>
            <FileDown aria-hidden="true" />
            {t('downloadWord')}
          </a>
          <a href={`/api/reports/ranking.csv?period=${encodeURIComponent(param)}`} download className={buttonClasses('secondary')}>
            <Sheet aria-hidden="true" />
            {t('downloadRankingCsv')}
          </a>
          <PrintButton label={t('print')} />
        </div>
      </div>

      <Paper aria-labelledby="report-title">
        <h1 id="report-title" className="text-center text-2xl font-bold tracking-widest text-ink">
          {text.title}
        </h1>
        <p className="mt-1 text-center text-ink">{text.periodLine}</p>
        <p className="mt-4 flex flex-wrap justify-between gap-2 border-b-2 border-ink pb-1 text-sm text-ink">
          <span>{text.issuer}</span>
          <span>{formatDate(now, locale)}</span>
        </p>

        <Section title={numberedHeading(0, text.sections.summary, locale)}>
          <p className="leading-relaxed text-ink">{text.summary}</p>
          <dl className="mt-3 grid grid-cols-2 gap-2 sm:grid-cols-3 print:grid-cols-3">
            {text.figures.map((f) => (
              <div key={f.key} className="rounded-md border border-border px-3 py-2 print:border-black">
                <dt className="text-sm text-ink-muted">{f.label}</dt>
                <dd className="text-lg font-semibold tabular-nums text-ink">{f.value}</dd>
              </div>
            ))}
          </dl>
        </Section>

        <Section title={numberedHeading(1, text.sections.ranking, locale)}>
          <p className="mb-2 text-sm text-ink-muted">{text.ranking.intro}</p>
          {text.ranking.rows.length ? (
            <ReportTable
              caption={text.sections.ranking}
              columns={numeric(text.ranking.columns)}
              rows={text.ranking.rows.map((r) => ({ key: r.departmentId, cells: r.cells }))}
            />
          ) : null}
        </Section>

        <Section title={numberedHeading(2, text.sections.overdue, locale)}>
          <p className="mb-2 text-sm text-ink-muted">{text.overdue.intro}</p>
          {text.overdue.rows.length ? (
            <ReportTable
              caption={text.sections.overdue}
              columns={numeric(text.overdue.columns)}
              rows={text.overdue.rows.map((r) => ({ key: r.taskId, cells: [taskLink(r.taskId, r.cells[0]!), ...r.cells.slice(1)] }))}
            />
          ) : null}
          {text.overdue.truncated ? <p className="mt-2 text-sm text-ink-muted">{text.overdue.truncated}</p> : null}
          {report.overdue.total ? (
            <p className="mt-2 text-sm print:hidden">
              <Link href="/tasks?overdue=1" className="text-accent underline-offset-2 hover:underline">
                {t('allOverdue')}
              </Link>
            </p>
          ) : null}
        </Section>

        <Section title={numberedHeading(3, text.sections.returned, locale)}>
          {text.returned.intro ? <p className="text-sm text-ink-muted">{text.returned.intro}</p> : null}
          {text.returned.rows.length ? (
            <ReportTable
              caption={text.sections.returned}
              columns={numeric(text.returned.columns)}
              rows={text.returned.rows.map((r) => ({ key: r.key, cells: [r.cells[0], taskLink(r.taskId, r.cells[1]!), ...r.cells.slice(2)] }))}
            />
          ) : null}
          {text.returned.truncated ? <p className="mt-2 text-sm text-ink-muted">{text.returned.truncated}</p> : null}
        </Section>
      </Paper>
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="mt-2">
      <PaperHeading>{title}</PaperHeading>
      {children}
    </section>
  );
}
