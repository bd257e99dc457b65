import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { TaskDetail } from '@/lib/data/tasks';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime, formatNumber, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { TaskStatusBadge, TrafficLightBadge } from '../../_components/task-badges';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {rows.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-sm text-ink-muted">{label}</dt>
          <dd className="text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What was requested, by whom, at which conference. */
export async function ActionFacts({ task, locale }: { task: TaskDetail; locale: Locale }) {
  const [t, tSpeaker] = await Promise.all([getTranslations('taskPage'), getTranslations('speakerRoles')]);
  const notRecorded = <span className="text-ink-muted">{t('notRecorded')}</span>;
  const position = (locale === 'en' && task.requestedByPositionEn) || task.requestedByPosition;
  const requestedBy = task.requestedByName
    ? [
        localizedName({ name: task.requestedByName, nameEn: task.requestedByNameEn }, locale),
        position,
        task.speakerRole ? tSpeaker(task.speakerRole) : null,
      ].filter(Boolean).join(' · ')
    : null;
  return (
    <div className="space-y-5">
      {task.actionDetails ? (
        <div>
          <h3 className="text-sm text-ink-muted">{t('fields.details')}</h3>
          <p className="mt-1 max-w-prose whitespace-pre-line text-ink">{task.actionDetails}</p>
        </div>
      ) : null}
      <Facts
        rows={[
          [t('fields.number'), task.actionNumber],
          [t('fields.requestedBy'), requestedBy ?? notRecorded],
          [
            t('fields.conference'),
            <Link key="conference" href={`/conferences/${task.conferenceId}`} className="text-accent underline-offset-2 hover:underline">
              {localizedName({ name: task.conferenceTitle, nameEn: task.conferenceTitleEn }, locale)}
            </Link>,
          ],
          [t('fields.category'), task.categoryName ? localizedName({ name: task.categoryName, nameEn: task.categoryNameEn }, locale) : notRecorded],
          [t('fields.priority'), t(`priorities.${task.priority}`)],
        ]}
      />
    </div>
  );
}

/** This department's part: role, status, progress, light, dates and counts. */
export async function TaskFacts({ task, locale }: { task: TaskDetail; locale: Locale }) {
  const [t, tRole, tStatus, tLight] = await Promise.all([
    getTranslations('taskPage'),
    getTranslations('taskRole'),
    getTranslations('taskStatus'),
    getTranslations('trafficLight'),
  ]);
  const percent = formatPercent(task.progress / 100, locale);
  const rows: [string, ReactNode][] = [
    [t('fields.department'), localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale)],
    [t('fields.role'), tRole(task.role)],
    [t('fields.status'), <TaskStatusBadge key="status" status={task.status} label={tStatus(task.status)} />],
    [
      tLight('label'),
      <TrafficLightBadge key="light" light={task.light} label={tLight(task.light ?? 'none')} />,
    ],
    [t('fields.dueDate'), formatDate(task.dueDate, locale)],
  ];
  if (task.originalDueDate !== task.dueDate) rows.push([t('fields.originalDueDate'), formatDate(task.originalDueDate, locale)]);
  if (task.acknowledgeBy) rows.push([t('fields.acknowledgeBy'), formatDate(task.acknowledgeBy, locale)]);
  if (task.acknowledgedAt) rows.push([t('fields.acknowledgedAt'), formatDateTime(task.acknowledgedAt, locale)]);
  rows.push([t('fields.extensions'), formatNumber(task.extensionCount, locale)], [t('fields.returns'), formatNumber(task.returnCount, locale)]);
  return (
    <div className="space-y-5">
      <div>
        <div className="flex items-baseline justify-between gap-3 text-sm">
          <span id="task-progress-label" className="text-ink-muted">
            {t('fields.progress')}
          </span>
          <span className="font-medium text-ink">{t('progressLabel', { percent })}</span>
        </div>
        <div
          role="progressbar"
          aria-labelledby="task-progress-label"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={task.progress}
          aria-valuetext={percent}
          className="mt-1.5 h-2.5 overflow-hidden rounded-full bg-canvas ring-1 ring-border ring-inset"
        >
          <div className="h-full rounded-full bg-accent print:bg-black" style={{ width: `${task.progress}%` }} />
        </div>
      </div>
      <Facts rows={rows} />
    </div>
  );
}
