import { getTranslations } from 'next-intl/server';
import type { TaskFigures } from '@/lib/data/task-figures';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { EarlierPeriodHint } from './earlier-period-hint';

type PeriodFiguresProps = {
  figures: TaskFigures;
  /** The period in words, e.g. 2026年第4季度. */
  periodName: string;
  /** The period before, offered when nothing was assigned in this one. */
  earlier: { name: string; href: string } | null;
  locale: Locale;
};

/** The period's completion and on-time rates with what they are taken over. */
export async function PeriodFigures({ figures: f, periodName, earlier, locale }: PeriodFiguresProps) {
  const t = await getTranslations('dashboard.period');
  const n = (value: number) => formatNumber(value, locale);
  const rate = (value: number | null) => (value === null ? t('none') : formatPercent(value, locale));
  const items = [
    { key: 'completionRate', value: rate(f.completionRate), detail: t('completionDetail', { completed: n(f.completed), due: n(f.dueOrDone) }) },
    { key: 'onTimeRate', value: rate(f.onTimeRate), detail: t('onTimeDetail', { onTime: n(f.completedOnTime), due: n(f.dueOrDone) }) },
    { key: 'assigned', value: n(f.assigned), detail: t('assignedDetail', { open: n(f.open), notDue: n(f.notDueYet) }) },
    { key: 'overdueNow', value: n(f.overdueNow), detail: t('overdueDetail', { late: n(f.completedLate) }) },
  ] as const;
  return (
    <section aria-labelledby="dashboard-period" className="mb-8">
      <h2 id="dashboard-period" className="text-base font-semibold text-ink">
        {t('title', { period: periodName })}
      </h2>
      <p className="mb-3 max-w-prose text-sm text-ink-muted">{t('rule', { period: periodName })}</p>
      {f.assigned === 0 ? <EarlierPeriodHint message={t('emptyHint')} earlier={earlier} className="mb-3" /> : null}
      <dl className="grid grid-cols-2 gap-2 lg:grid-cols-4">
        {items.map((item) => (
          <div key={item.key} className="flex flex-col rounded-lg border border-border bg-surface px-3 py-2">
            <dt className="text-sm text-ink-muted">{t(item.key)}</dt>
            <dd className="text-2xl font-semibold tabular-nums text-ink">{item.value}</dd>
            <dd className="text-xs text-ink-muted">{item.detail}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
