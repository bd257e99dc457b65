import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TrafficLightBadge } from '@/app/(app)/tasks/_components/task-badges';
import type { MyDepartmentRow } from '@/lib/data/my-department';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';

/** A group's tasks: number and title linked to the task, due date, light in words, progress. */
export async function GroupTasks({ rows, locale }: { rows: MyDepartmentRow[]; locale: Locale }) {
  const [t, tLight] = await Promise.all([getTranslations('myDepartment'), getTranslations('trafficLight')]);
  return (
    <ul className="divide-y divide-border">
      {rows.map((row) => (
        <li key={row.id} className="flex flex-wrap items-center gap-x-4 gap-y-1 py-2.5">
          <Link href={`/tasks/${row.id}`} className="min-w-0 flex-1 basis-64 text-ink underline-offset-2 hover:underline">
            <span className="mr-2 whitespace-nowrap font-medium text-accent">{row.number}</span>
            {localizedName({ name: row.title, nameEn: row.titleEn }, locale)}
          </Link>
          <dl className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm text-ink-muted">
            <div className="flex gap-1">
              <dt>{t('dueDate')}</dt>
              <dd className="whitespace-nowrap text-ink">{formatDate(row.dueDate, locale)}</dd>
            </div>
            {row.light ? (
              <div className="flex items-center gap-1">
                <dt className="sr-only">{tLight('label')}</dt>
                <dd>
                  <TrafficLightBadge light={row.light} label={tLight(row.light)} />
                </dd>
              </div>
            ) : null}
            <div className="flex gap-1">
              <dt>{t('progress')}</dt>
              <dd className="tabular-nums text-ink">{formatPercent(row.progress / 100, locale)}</dd>
            </div>
            {row.returnCount > 0 ? (
              <div>
                <dt className="sr-only">{t('groups.returned.title')}</dt>
                <dd>{t('returnedTimes', { count: row.returnCount })}</dd>
              </div>
            ) : null}
          </dl>
        </li>
      ))}
    </ul>
  );
}
