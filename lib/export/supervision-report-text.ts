import type { SupervisionReport } from '@/lib/data/supervision-report';
import { periodParam } from '@/lib/domain/period';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { periodLabel } from '@/lib/i18n/period-label';
import { translator } from '@/lib/i18n/translator';

/**
 * The texts and table cells of the supervision report in one language, shared by the printable
 * page and the Word document so that both say the same.
 */
export function supervisionReportText(report: SupervisionReport, locale: Locale) {
  const t = translator(locale);
  const number = (n: number) => formatNumber(n, locale);
  const percent = (ratio: number | null) => (ratio === null ? t('supervisionReport.unranked') : formatPercent(ratio, locale));
  const department = (row: { departmentName: string; departmentNameEn: string | null }) => localizedName({ name: row.departmentName, nameEn: row.departmentNameEn }, locale);
  const title = (row: { title: string; titleEn: string | null }) => localizedName({ name: row.title, nameEn: row.titleEn }, locale);
  const { figures, period } = report;
  const label = periodLabel(period, locale);
  const truncated = (list: { rows: unknown[]; total: number }) =>
    list.total > list.rows.length ? t('supervisionReport.truncated', { shown: list.rows.length, total: list.total }) : null;

  return {
    title: t('supervisionReport.title'),
    period: label,
    periodLine: t('supervisionReport.periodLine', { period: label }),
    issuer: report.issuer ? localizedName(report.issuer, locale) : t('supervisionReport.issuerFallback'),
    /** 督办通报-2026年第4季度.docx, supervision-report-2026-Q4.docx */
    fileName: t('supervisionReport.fileName', { period: locale === 'en' ? periodParam(period) : label }),
    sections: {
      summary: t('supervisionReport.sections.summary'),
      ranking: t('supervisionReport.sections.ranking'),
      overdue: t('supervisionReport.sections.overdue'),
      returned: t('supervisionReport.sections.returned'),
    },
    summary: t('supervisionReport.summaryText', {
      assigned: figures.assigned,
      completed: figures.completed,
      onTime: figures.completedOnTime,
      late: figures.completedLate,
      overdue: figures.overdueNow,
      date: formatDate(report.asOf, locale),
    }),
    figures: (
      [
        ['assigned', number(figures.assigned)],
        ['completed', number(figures.completed)],
        ['completedOnTime', number(figures.completedOnTime)],
        ['completedLate', number(figures.completedLate)],
        ['overdueNow', number(figures.overdueNow)],
        ['onTimeRate', percent(figures.onTimeRate)],
      ] as const
    ).map(([key, value]) => ({ key, label: t(`supervisionReport.figures.${key}`), value })),
    ranking: {
      intro: report.ranked ? t('supervisionReport.rankingIntro', { ranked: report.ranked }) : t('supervisionReport.rankingNone'),
      columns: (['rank', 'department', 'assigned', 'notDueYet', 'completed', 'onTimeRate', 'overdueNow', 'returns', 'score'] as const).map((key) => ({
        key,
        header: t(`supervisionReport.ranking.${key}`),
      })),
      rows: (report.ranked ? report.ranking : []).map((row) => ({
        departmentId: row.departmentId,
        cells: [
          row.rank === null ? t('supervisionReport.unranked') : number(row.rank),
          localizedName(row, locale),
          number(row.assigned),
          number(row.notDueYet),
          number(row.completed),
          percent(row.onTimeRate),
          number(row.overdueNow),
          number(row.returns),
          row.score === null ? t(row.notDueYet > 0 ? 'supervisionReport.notDueYet' : 'supervisionReport.unranked') : formatNumber(row.score, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
        ],
      })),
    },
    overdue: {
      intro: report.overdue.total
        ? t('supervisionReport.overdueIntro', { date: formatDate(report.asOf, locale), end: formatDate(period.to, locale), total: report.overdue.total })
        : t('supervisionReport.overdueNone'),
      columns: (['number', 'title', 'department', 'dueDate', 'daysOverdue'] as const).map((key) => ({ key, header: t(`supervisionReport.overdue.${key}`) })),
      rows: report.overdue.rows.map((row) => ({
        taskId: row.taskId,
        cells: [row.number, title(row), department(row), formatDate(row.dueDate, locale), number(row.daysOverdue)],
      })),
      truncated: truncated(report.overdue),
    },
    returned: {
      intro: report.returned.total ? null : t('supervisionReport.returnedNone'),
      columns: (['date', 'task', 'department', 'reason'] as const).map((key) => ({ key, header: t(`supervisionReport.returned.${key}`) })),
      rows: report.returned.rows.map((row) => ({
        key: row.followUpId,
        taskId: row.taskId,
        cells: [formatDateTime(row.returnedAt, locale), `${row.number} ${title(row)}`, department(row), row.reason?.trim() || t('supervisionReport.noReason')],
      })),
      truncated: truncated(report.returned),
    },
  };
}
export type SupervisionReportText = ReturnType<typeof supervisionReportText>;
