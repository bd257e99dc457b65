import crypto from 'node:crypto';
import type { Metadata } from 'next';
import Link from 'next/link';
import { cache } from 'react';
import { ArrowLeft } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { uploadMaxBytes } from '@/lib/data/documents';
import { type TimelineEntry, getTaskView } from '@/lib/data/tasks';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatDate, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { idOf } from '@/lib/validation/common';
import type { LoadedTask } from '@/lib/validation/follow-ups';
import { TaskStatusBadge, TrafficLightBadge } from '../_components/task-badges';
import { FollowUpForm } from './_components/follow-up-form';
import { ActionFacts, TaskFacts } from './_components/task-facts';
import { TaskSiblings } from './_components/task-siblings';
import { TaskTimeline } from './_components/task-timeline';

type Props = { params: Promise<{ taskId: string }> };

/** Another department's task is missing to a department head: 404, like a task that never was. */
const load = cache(async (rawId: string) => {
  const id = idOf(rawId);
  if (id === undefined) notFound();
  const view = await getTaskView(await requireActor(), id);
  if (!view) notFound();
  return view;
});

async function pageLocale() {
  const locale = await getLocale();
  return isLocale(locale) ? locale : defaultLocale;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ task }, locale] = await Promise.all([load((await params).taskId), pageLocale()]);
  return { title: localizedName({ name: task.actionTitle, nameEn: task.actionTitleEn }, locale) };
}

/** The extension request still waiting for a decision: the newest entry about extensions is a request. */
function pendingExtension(timeline: TimelineEntry[]) {
  const last = timeline.find((e) => e.kind === 'extension_request' || e.kind === 'extension_approved' || e.kind === 'extension_rejected');
  return last?.kind === 'extension_request' && last.requestedDueDate ? last : null;
}

export default async function TaskPage({ params }: Props) {
  const [{ task, timeline, siblings, allowed }, locale, t, tStatus, tRole, tLight] = await Promise.all([
    load((await params).taskId),
    pageLocale(),
    getTranslations('taskPage'),
    getTranslations('taskStatus'),
    getTranslations('taskRole'),
    getTranslations('trafficLight'),
  ]);
  const department = localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale);
  const loaded: LoadedTask = {
    status: task.status,
    progress: task.progress,
    dueDate: task.dueDate,
    lastEntryId: timeline.reduce((max, e) => Math.max(max, e.id), 0),
  };
  const pending = pendingExtension(timeline);

  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/tasks" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader
        title={`${task.actionNumber} ${localizedName({ name: task.actionTitle, nameEn: task.actionTitleEn }, locale)}`}
        description={`${department} · ${tRole(task.role)}`}
        actions={
          <>
            <TaskStatusBadge status={task.status} label={tStatus(task.status)} />
            {task.light ? <TrafficLightBadge light={task.light} label={tLight(task.light)} /> : null}
          </>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t('overview')}</CardTitle>
            </CardHeader>
            <CardContent>
              <ActionFacts task={task} locale={locale} />
            </CardContent>
          </Card>
          <Card className="print:hidden">
            <CardHeader>
              <CardTitle>{t('form.title')}</CardTitle>
            </CardHeader>
            <CardContent className="py-5">
              <FollowUpForm
                taskId={task.id}
                version={task.version}
                idempotencyKey={crypto.randomUUID()}
                loaded={JSON.stringify(loaded)}
                allowed={allowed}
                progress={task.progress}
                progressText={formatPercent(task.progress / 100, locale)}
                dueDateText={formatDate(task.dueDate, locale)}
                pendingExtension={
                  pending
                    ? { from: formatDate(task.dueDate, locale), to: formatDate(pending.requestedDueDate!, locale), reason: pending.body }
                    : null
                }
                maxMb={Math.floor(uploadMaxBytes() / (1024 * 1024))}
              />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('timeline.title')}</CardTitle>
              <CardDescription>{t('timeline.description')}</CardDescription>
            </CardHeader>
            <CardContent className="py-5">
              <TaskTimeline entries={timeline} locale={locale} />
            </CardContent>
          </Card>
        </div>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{department}</CardTitle>
            </CardHeader>
            <CardContent>
              <TaskFacts task={task} locale={locale} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('siblings.title')}</CardTitle>
            </CardHeader>
            <CardContent>
              <TaskSiblings siblings={siblings} locale={locale} />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
