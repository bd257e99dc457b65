import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { notFound } from 'next/navigation';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { getTask } from '@/lib/data/tasks';
import { formatDate, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { defaultLocale, isLocale } from '@/lib/i18n/config';

type Props = { params: Promise<{ taskId: string }> };

async function load(params: Props['params']) {
  const id = Number((await params).taskId);
  if (!Number.isSafeInteger(id) || id <= 0) notFound();
  const task = await getTask(await requireActor(), id);
  if (!task) notFound();
  return task;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [task, locale] = await Promise.all([load(params), getLocale()]);
  return { title: localizedName({ name: task.actionTitle, nameEn: task.actionTitleEn }, locale) };
}

export default async function TaskPage({ params }: Props) {
  const [task, rawLocale, t] = await Promise.all([load(params), getLocale(), getTranslations()]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const fields: [string, React.ReactNode][] = [
    [t('tasks.detail.number'), task.actionNumber],
    [t('tasks.detail.conference'), localizedName({ name: task.conferenceTitle, nameEn: task.conferenceTitleEn }, locale)],
    [t('tasks.detail.department'), localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale)],
    [t('tasks.detail.role'), t(`taskRole.${task.role}`)],
    [t('tasks.detail.dueDate'), formatDate(task.dueDate, locale)],
    [t('tasks.detail.progress'), formatPercent(task.progress / 100, locale)],
  ];
  return (
    <>
      <PageHeader
        title={localizedName({ name: task.actionTitle, nameEn: task.actionTitleEn }, locale)}
        description={task.actionDetails ?? undefined}
      />
      <Card>
        <CardContent>
          <p className="mb-4">
            <span className="sr-only">{t('tasks.detail.status')}: </span>
            <Badge>{t(`taskStatus.${task.status}`)}</Badge>
          </p>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
            {fields.map(([label, value]) => (
              <div key={label}>
                <dt className="text-sm text-ink-muted">{label}</dt>
                <dd className="text-ink">{value}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
    </>
  );
}
