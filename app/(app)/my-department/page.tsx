import type { Metadata } from 'next';
import Link from 'next/link';
import { Building2 } from 'lucide-react';
import { forbidden } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { lightSettings } from '@/lib/data/light-settings';
import { type MyDepartmentGroup, actionGroups, myDepartmentOverview } from '@/lib/data/my-department';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { GroupTasks } from './_components/group-tasks';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myDepartment');
  return { title: t('title') };
}

const perGroup = 5;

/** Where a group's "show all" leads: the task table filtered to exactly its rows, or the group's own page. */
function showAllHref(group: MyDepartmentGroup, tableParams: Record<string, string> | null): string {
  return tableParams ? `/tasks?${new URLSearchParams(tableParams)}` : `/my-department/${group}`;
}

/** Groups asking for action stand out when they hold tasks; the count is always in words too. */
function toneOf(group: MyDepartmentGroup, count: number): BadgeTone {
  if (count === 0) return 'neutral';
  return actionGroups.includes(group) ? (group === 'new' ? 'info' : 'danger') : 'neutral';
}

export default async function MyDepartmentPage() {
  const actor = await requireActor();
  // The area of department heads, as the navigation says (_shell-user.ts).
  if (actor.role !== 'department_head') forbidden();
  const settings = lightSettings();
  const [t, rawLocale, overview] = await Promise.all([getTranslations('myDepartment'), getLocale(), myDepartmentOverview(actor, perGroup, new Date(), settings)]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const open = overview.groups.reduce((sum, g) => sum + (g.key === 'returned' ? 0 : g.count), 0);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {open === 0 ? (
        <EmptyState
          icon={Building2}
          title={t('empty.title')}
          description={t('empty.description')}
          action={
            <Button asChild variant="secondary">
              <Link href="/tasks">{t('empty.action')}</Link>
            </Button>
          }
        />
      ) : (
        <>
          <nav aria-label={t('summaryLabel')} className="mb-6">
            <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-6">
              {overview.groups.map((g) => (
                <li key={g.key}>
                  <a href={`#group-${g.key}`} className="flex h-full flex-col rounded-lg border border-border bg-surface px-3 py-2 hover:bg-canvas">
                    <span className="text-sm text-ink-muted">{t(`groups.${g.key}.title`)}</span>
                    <span className="text-2xl font-semibold tabular-nums text-ink">{g.count}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          <div className="space-y-4">
            {overview.groups.map((g) => (
              <Card key={g.key} id={`group-${g.key}`} aria-labelledby={`group-${g.key}-title`} role="region">
                <CardHeader className="flex flex-wrap items-start justify-between gap-2">
                  <div className="min-w-0">
                    <CardTitle id={`group-${g.key}-title`} className="flex items-center gap-2">
                      {t(`groups.${g.key}.title`)}
                      <Badge tone={toneOf(g.key, g.count)}>{t('count', { count: g.count })}</Badge>
                    </CardTitle>
                    <CardDescription>
                      {t(`groups.${g.key}.description`)}
                      {g.key === 'dueSoon'
                        ? ` ${t('dueSoonWindow', { days: settings.dueSoonDays, until: formatDate(overview.soonUntil, locale) })}`
                        : null}
                    </CardDescription>
                  </div>
                  {g.count > 0 ? (
                    <Link href={showAllHref(g.key, g.tableParams)} className="text-sm font-medium text-accent underline underline-offset-2">
                      {g.tableParams ? t('showAll', { count: g.count }) : t('showAllHere', { count: g.count })}
                    </Link>
                  ) : null}
                </CardHeader>
                <CardContent className="py-1">
                  {g.rows.length ? (
                    <>
                      <GroupTasks rows={g.rows} locale={locale} />
                      {g.count > g.rows.length ? <p className="border-t border-border py-2.5 text-sm text-ink-muted">{t('more', { count: g.count - g.rows.length })}</p> : null}
                    </>
                  ) : (
                    <p className="py-3 text-sm text-ink-muted">{t(`groups.${g.key}.empty`)}</p>
                  )}
                </CardContent>
              </Card>
            ))}
          </div>
        </>
      )}
    </>
  );
}
