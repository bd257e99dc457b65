import type { Metadata } from 'next';
import Link from 'next/link';
import { Bell, CheckCheck } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { Card } from '@/app/_components/ui/card';
import { cn } from '@/app/_components/ui/cn';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { listNotificationPage, type NotificationRow } from '@/lib/data/notifications';
import { defaultLocale, isLocale, type Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { PageLinks, pageParam } from '../_components/page-links';
import { markAllNotificationsReadAction, markNotificationReadAction } from './actions';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('notifications');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const pageSize = 20;

/** What the notification is about, in the viewer's language: the task's number and title, or the conference. */
function subjectOf(n: NotificationRow, locale: Locale): string | null {
  if (n.actionNumber && n.actionTitle) return `${n.actionNumber} ${localizedName({ name: n.actionTitle, nameEn: n.actionTitleEn }, locale)}`;
  if (n.conferenceTitle) return localizedName({ name: n.conferenceTitle, nameEn: n.conferenceTitleEn }, locale);
  return null;
}

export default async function NotificationsPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [t, rawLocale, query] = await Promise.all([getTranslations('notifications'), getLocale(), searchParams]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  let page = pageParam(query.page, pageSize, Number.MAX_SAFE_INTEGER);
  let result = await listNotificationPage(actor, { page, pageSize });
  // A page past the end (notifications are never removed, but a link may be old): show the last one.
  if (!result.rows.length && page > 1) {
    page = pageParam(String(page), pageSize, result.total);
    result = await listNotificationPage(actor, { page, pageSize });
  }
  const { rows, total, unread } = result;
  const textOf = (n: NotificationRow) => {
    const subject = subjectOf(n, locale) ?? t('noSubject');
    const key = `kinds.${n.kind}` as const;
    return t.has(key as never) ? t(key as never, { subject } as never) : t('kinds.other', { subject });
  };

  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          unread > 0 ? (
            <form action={markAllNotificationsReadAction}>
              <Button type="submit" variant="secondary">
                <CheckCheck aria-hidden="true" />
                {t('markAllRead')}
              </Button>
            </form>
          ) : null
        }
      />
      {total === 0 ? (
        <EmptyState
          icon={Bell}
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
          <p className="mb-3 text-sm text-ink-muted">{t('summary', { total, unread })}</p>
          <Card>
            <ul aria-label={t('listLabel')} className="divide-y divide-border">
              {rows.map((n) => {
                const text = textOf(n);
                const isUnread = n.readAt === null;
                return (
                  <li key={n.id} className={cn('flex flex-wrap items-start gap-x-4 gap-y-2 px-5 py-3', isUnread && 'bg-accent-soft/40')}>
                    <span
                      className={cn('mt-2 size-2.5 shrink-0 rounded-full', isUnread ? 'bg-accent' : 'border border-border-strong')}
                      aria-hidden="true"
                    />
                    <div className="min-w-0 flex-1 basis-64">
                      <p className="flex flex-wrap items-center gap-2">
                        {isUnread ? <Badge tone="info">{t('unread')}</Badge> : <span className="sr-only">{t('read')}</span>}
                        {/* A full page load: the link's route marks the notification read, and the bell is counted afresh. */}
                        <a href={`/notifications/${n.id}/open`} className={cn('text-ink underline-offset-2 hover:underline', isUnread && 'font-semibold')}>
                          {text}
                        </a>
                      </p>
                      {n.body ? (
                        <p className="mt-1 line-clamp-2 text-sm text-ink-muted">
                          {n.authorName ? t('by', { name: n.authorName }) : null}
                          {n.body}
                        </p>
                      ) : null}
                      <p className="mt-1 text-xs text-ink-muted">
                        <time dateTime={n.createdAt.toISOString()}>{formatDateTime(n.createdAt, locale)}</time>
                      </p>
                    </div>
                    {isUnread ? (
                      <form action={markNotificationReadAction}>
                        <input type="hidden" name="id" value={n.id} />
                        <Button type="submit" variant="ghost" size="sm" aria-label={t('markReadOf', { subject: text })}>
                          {t('markRead')}
                        </Button>
                      </form>
                    ) : null}
                  </li>
                );
              })}
            </ul>
          </Card>
          <PageLinks page={page} pageSize={pageSize} total={total} href={(n) => `/notifications${n > 1 ? `?page=${n}` : ''}`} />
        </>
      )}
    </>
  );
}
