import type { Metadata } from 'next';
import Link from 'next/link';
import { forbidden, notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { type MyDepartmentGroup, listMyDepartmentGroup, myDepartmentCounts, myDepartmentGroups } from '@/lib/data/my-department';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { PageLinks, pageParam } from '../../_components/page-links';
import { GroupTasks } from '../_components/group-tasks';

type Props = {
  params: Promise<{ group: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const pageSize = 20;

async function groupOf(params: Props['params']): Promise<MyDepartmentGroup> {
  const { group } = await params;
  if (!(myDepartmentGroups as readonly string[]).includes(group)) notFound();
  return group as MyDepartmentGroup;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [group, t] = await Promise.all([groupOf(params), getTranslations('myDepartment')]);
  return { title: `${t(`groups.${group}.title`)} · ${t('title')}` };
}

/** Every task of one group, paged in SQL: the "show all" of a group the task table cannot filter (returned). */
export default async function MyDepartmentGroupPage({ params, searchParams }: Props) {
  const actor = await requireActor();
  if (actor.role !== 'department_head') forbidden();
  const group = await groupOf(params);
  const query = await searchParams;
  const [t, rawLocale, counts] = await Promise.all([getTranslations('myDepartment'), getLocale(), myDepartmentCounts(actor)]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const total = counts[group];
  const page = pageParam(query.page, pageSize, total);
  const rows = await listMyDepartmentGroup(actor, group, { page, pageSize });

  return (
    <>
      <PageHeader
        title={t(`groups.${group}.title`)}
        description={t(`groups.${group}.description`)}
        actions={
          <Link href="/my-department" className="text-sm font-medium text-accent underline underline-offset-2">
            {t('back')}
          </Link>
        }
      />
      <Card>
        <CardContent className="py-1">
          {rows.length ? <GroupTasks rows={rows} locale={locale} /> : <p className="py-3 text-sm text-ink-muted">{t(`groups.${group}.empty`)}</p>}
        </CardContent>
      </Card>
      <PageLinks page={page} pageSize={pageSize} total={total} href={(n) => `/my-department/${group}${n > 1 ? `?page=${n}` : ''}`} />
    </>
  );
}
