import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { TaskSibling } from '@/lib/data/tasks';
import type { Locale } from '@/lib/i18n/config';
import { formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { TaskStatusBadge, TrafficLightBadge } from '../../_components/task-badges';

/**
 * The other departments on the same action. Their status, progress and light only for a
 * reader allowed to read their tasks (the data layer leaves them out otherwise).
 */
export async function TaskSiblings({ siblings, locale }: { siblings: TaskSibling[]; locale: Locale }) {
  const [t, tRole, tStatus, tLight] = await Promise.all([
    getTranslations('taskPage.siblings'),
    getTranslations('taskRole'),
    getTranslations('taskStatus'),
    getTranslations('trafficLight'),
  ]);
  if (!siblings.length) return <p className="text-sm text-ink-muted">{t('empty')}</p>;
  const showsWork = siblings.some((s) => s.status !== null);
  // A list, not a table: the side column is narrow and department names are long.
  return (
    <>
      <ul className="divide-y divide-border" aria-label={t('title')}>
        {siblings.map((sibling) => {
          const name = localizedName({ name: sibling.departmentName, nameEn: sibling.departmentNameEn }, locale);
          return (
            <li key={sibling.departmentId} className="py-2.5 first:pt-0 last:pb-0">
              <p className="text-ink">
                {sibling.id !== null ? (
                  <Link href={`/tasks/${sibling.id}`} className="text-accent underline underline-offset-2">
                    {name}
                  </Link>
                ) : (
                  name
                )}
                <span className="text-ink-muted"> · {tRole(sibling.role)}</span>
              </p>
              {sibling.status ? (
                <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
                  <TaskStatusBadge status={sibling.status} label={tStatus(sibling.status)} />
                  {sibling.light ? <TrafficLightBadge light={sibling.light} label={tLight(sibling.light)} /> : null}
                  {sibling.progress !== null ? (
                    <span className="text-ink-muted">{t('progress', { percent: formatPercent(sibling.progress / 100, locale) })}</span>
                  ) : null}
                </p>
              ) : null}
            </li>
          );
        })}
      </ul>
      {showsWork ? null : <p className="mt-3 text-sm text-ink-muted">{t('statusHidden')}</p>}
    </>
  );
}
