import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { ArrowLeft, FileText, NotebookPen, Pencil, TriangleAlert } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { listDepartmentOptions } from '@/lib/data/departments';
import { listPeople } from '@/lib/data/people';
import { allowedConferenceMoves } from '@/lib/domain/conference-status';
import { formatDate, formatDateTime, formatNumber } from '@/lib/i18n/format';
import { ConferenceStatusBadge } from '../_components/conference-status-badge';
import { formatTimeRange } from '../_components/time';
import { AgendaSection } from './_components/agenda-section';
import { CalendarLinks } from './_components/calendar-links';
import { DocumentsSection } from './_components/documents-section';
import { IndicatorQuote } from './_components/indicator-quote';
import { InvitationsSection } from './_components/invitations-section';
import { SpeakersSection } from './_components/speakers-section';
import { VenuesSection } from './_components/venues-section';
import { RequestedActionsSection } from './_components/requested-actions-section';
import { chairOf, conferenceTitle, loadConference, pageLocale } from './load';
import { StatusActions } from './status-actions';

type Props = { params: Promise<{ conferenceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ detail }, locale] = await Promise.all([loadConference((await params).conferenceId), pageLocale()]);
  return { title: conferenceTitle(detail.conference, locale) };
}

export default async function ConferencePage({ params }: Props) {
  const { actor, detail } = await loadConference((await params).conferenceId);
  const { conference } = detail;
  const canManage = can(actor, 'conference.update');
  const [t, tStatus, tFormat, tLevel, locale, departments, people] = await Promise.all([
    getTranslations('conferences'),
    getTranslations('conferenceStatuses'),
    getTranslations('conferenceFormats'),
    getTranslations('relayLevels'),
    pageLocale(),
    listDepartmentOptions(actor),
    // The speaker picker is only for those who manage the conference.
    canManage ? listPeople(actor, { limit: 200 }) : Promise.resolve([]),
  ]);
  const canChangeStatus = can(actor, 'conference.changeStatus');
  const canSignInOwn = actor.role === 'department_head' && conference.allowSelfSignIn;
  const cancelled = conference.status === 'cancelled';
  const published = conference.status === 'minutes_published';
  const held = conference.status === 'held' || published;
  const title = conferenceTitle(conference, locale);
  const notSet = <span className="text-ink-muted">{t('notSet')}</span>;
  const period =
    conference.kind === 'quarterly' && conference.quarter
      ? t('period.quarterly', { year: conference.year, quarter: t(`quarters.${String(conference.quarter) as '1'}`) })
      : t('period.special', { year: conference.year });
  const chair = chairOf(detail, locale);
  const durationMinutes = Math.round((conference.endsAt.getTime() - conference.startsAt.getTime()) / 60_000);
  const hasWorkReport = detail.speakers.some((s) => s.speaker.role === 'report') || detail.agenda.some((item) => item.kind === 'report');

  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/conferences" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader
        title={title}
        description={`${period} · ${tFormat(conference.format)}`}
        actions={
          <>
            {canManage && !cancelled ? (
              <Button asChild variant="secondary">
                <Link href={`/conferences/${conference.id}/edit`}>
                  <Pencil aria-hidden="true" />
                  {t('edit.link')}
                </Link>
              </Button>
            ) : null}
            <Button asChild variant="secondary">
              <Link href={`/conferences/${conference.id}/notice`}>
                <FileText aria-hidden="true" />
                {t('notice.link')}
              </Link>
            </Button>
            {held ? (
              <Button asChild variant="secondary">
                <Link href={`/conferences/${conference.id}/minutes`}>
                  <NotebookPen aria-hidden="true" />
                  {t('minutes.link')}
                </Link>
              </Button>
            ) : null}
          </>
        }
      />

      <div className="mb-8 space-y-4">
        <p className="flex flex-wrap items-center gap-2">
          <span className="text-sm text-ink-muted">{t('detail.statusLine')}</span>
          <ConferenceStatusBadge status={conference.status} label={tStatus(conference.status)} />
        </p>
        {cancelled ? (
          <div className="rounded-md border border-danger-border bg-danger-soft px-4 py-3 text-sm text-danger">
            <p className="font-medium">{t('detail.cancelled')}</p>
            {conference.cancelReason ? <p>{t('detail.cancelReason', { reason: conference.cancelReason })}</p> : null}
          </div>
        ) : null}
        {published && canManage ? (
          <p className="flex items-start gap-2 rounded-md border border-info-border bg-info-soft px-4 py-3 text-sm text-info">
            <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
            {t('detail.correctionNote')}
          </p>
        ) : null}
        {canChangeStatus ? <StatusActions conferenceId={conference.id} version={conference.version} moves={allowedConferenceMoves(conference.status)} /> : null}
      </div>

      <div className="space-y-10">
        <Group id="conference-when" title={t('sections.when')} body={
          <CardContent>
            <Facts
              items={[
                [t('detail.time'), formatTimeRange(conference.startsAt, conference.endsAt, locale)],
                [t('fields.format'), tFormat(conference.format)],
                [t('fields.convenedBy'), conference.convenedBy ?? notSet],
                ...(conference.noticeIssuedAt ? ([[t('detail.noticeIssuedAt'), formatDateTime(conference.noticeIssuedAt, locale)]] as const) : []),
              ]}
            />
            {!cancelled ? (
              <div className="mt-4 border-t border-border pt-4 print:hidden">
                <CalendarLinks conferenceId={conference.id} />
              </div>
            ) : null}
          </CardContent>
          }>
          <VenuesSection detail={detail} canManage={canManage} />
        </Group>

        <Group id="conference-who" title={t('sections.who')} body={
          <CardContent>
            <Facts
              items={[
                [
                  t('fields.chairPersonId'),
                  chair ? (chair.position ? t('detail.chairPosition', { name: chair.name, position: chair.position }) : chair.name) : notSet,
                ],
              ]}
            />
          </CardContent>
          }>
          <InvitationsSection detail={detail} canManage={canManage} departments={departments} ownDepartmentId={actor.departmentId} canSignInOwn={canSignInOwn} />
          <SpeakersSection detail={detail} canManage={canManage} people={people} />
          {/* A work report quotes the safety indicators as of the conference's month. */}
          {hasWorkReport ? <IndicatorQuote actor={actor} startsAt={conference.startsAt} locale={locale} /> : null}
        </Group>

        <Group id="conference-what" title={t('sections.what')} body={
          <CardContent className="space-y-2 text-sm">
            {detail.agenda.length ? (
              <p className="text-ink">
                {t('detail.agendaSummary', {
                  count: detail.agenda.length,
                  minutes: formatNumber(detail.agendaTotalMinutes, locale),
                  duration: formatNumber(durationMinutes, locale),
                })}
              </p>
            ) : (
              <p className="text-ink-muted">{t('detail.agendaEmpty')}</p>
            )}
          </CardContent>
          }>
          <AgendaSection detail={detail} canManage={canManage} />
          <DocumentsSection conferenceId={conference.id} documents={detail.documents} canManage={canManage} />
        </Group>

        <RequestedActionsSection actor={actor} detail={detail} departments={departments} locale={locale} />

        <Group id="conference-relay" title={t('sections.relay')} body={
          <CardContent>
            {conference.relaysTitle ? (
              <Facts
                items={[
                  [t('detail.relayTitle'), conference.relaysTitle],
                  [t('detail.relayLevel'), conference.relaysLevel ? tLevel(conference.relaysLevel) : notSet],
                  [t('detail.relayDate'), conference.relaysDate ? formatDate(conference.relaysDate, locale) : notSet],
                ]}
              />
            ) : (
              <p className="text-sm text-ink-muted">{t('detail.relayNone')}</p>
            )}
          </CardContent>
          }>
        </Group>

        <Group id="conference-minutes" title={t('sections.minutes')} body={
          <CardContent className="text-sm">
            <p className={published ? 'text-ink' : 'text-ink-muted'}>
              {cancelled
                ? t('detail.minutesCancelled')
                : published && conference.minutesPublishedAt
                  ? t('detail.minutesPublished', { date: formatDateTime(conference.minutesPublishedAt, locale) })
                  : held
                    ? conference.minutesText?.trim() && canManage
                      ? t('detail.minutesDraftSaved')
                      : t('detail.minutesDraft')
                    : t('detail.minutesNotYet')}
            </p>
          </CardContent>
          }>
        </Group>
      </div>
    </>
  );
}

/** One of the page's groups: a card with the group's heading and facts, then the parts that belong to it. */
function Group({ id, title, body, children }: { id: string; title: string; body: ReactNode; children?: ReactNode }) {
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-4">
      <Card className="border-t-4 border-t-accent">
        <CardHeader>
          <CardTitle id={`${id}-heading`} className="text-lg">
            {title}
          </CardTitle>
        </CardHeader>
        {body}
      </Card>
      {children}
    </section>
  );
}

function Facts({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
      {items.map(([label, value]) => (
        <div key={label}>
          <dt className="text-sm text-ink-muted">{label}</dt>
          <dd className="text-ink">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
