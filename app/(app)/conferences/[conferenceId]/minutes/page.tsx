import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import Link from 'next/link';
import { ArrowLeft, FileClock, FileDown } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { buttonClasses } from '@/app/_components/ui/button';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { can } from '@/lib/auth/policy';
import { listConferenceActions } from '@/lib/data/actions';
import { renderMarkdown } from '@/lib/domain/markdown';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { Paper, PaperHeading, markdownClasses } from '../../_components/paper';
import { PrintButton } from '../../_components/print-button';
import { formatClock, formatTimeRange } from '../../_components/time';
import { RequestedActionsList } from '../_components/requested-actions-list';
import { chairOf, conferenceTitle, loadConference, pageLocale } from '../load';
import { StatusActions } from '../status-actions';
import { MinutesEditor } from './minutes-editor';

type Props = { params: Promise<{ conferenceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ detail }, locale, t] = await Promise.all([loadConference((await params).conferenceId), pageLocale(), getTranslations('conferences.minutes')]);
  return { title: t('title', { title: conferenceTitle(detail.conference, locale) }) };
}

/** The 会议纪要: attendance, speakers, agenda and the minutes text; the office writes and publishes it here. */
export default async function MinutesPage({ params }: Props) {
  const { actor, detail } = await loadConference((await params).conferenceId);
  const { conference } = detail;
  const [t, tNotice, tDetail, tFormat, locale, actions] = await Promise.all([
    getTranslations('conferences.minutes'),
    getTranslations('conferences.notice'),
    getTranslations('conferences.detail'),
    getTranslations('conferenceFormats'),
    pageLocale(),
    listConferenceActions(actor, conference.id),
  ]);
  const tDocx = await getTranslations('minutesDocx');
  const title = conferenceTitle(conference, locale);
  const published = conference.status === 'minutes_published';
  const held = conference.status === 'held' || published;
  const canManage = can(actor, 'conference.update');
  // lib/data leaves out draft text for those who may not read it (conference.readDraftMinutes).
  const minutesText = conference.minutesText?.trim() ? conference.minutesText : null;
  const back = (
    <Link href={`/conferences/${conference.id}`} className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
      <ArrowLeft className="size-4" aria-hidden="true" />
      {tNotice('back')}
    </Link>
  );

  if (!held) {
    return (
      <>
        <p className="mb-4 print:hidden">{back}</p>
        <EmptyState icon={FileClock} headingLevel={1} title={t('title', { title })} description={conference.status === 'cancelled' ? tDetail('minutesCancelled') : `${t('notHeld')} ${t('notHeldHint')}`} />
      </>
    );
  }

  const venueName = (venueId: number | null) => {
    const venue = venueId ? detail.venues.find((v) => v.venue.id === venueId) : undefined;
    return venue ? localizedName(venue.venue, locale) : '';
  };
  const chair = chairOf(detail, locale);
  const mainVenue = detail.venues.find((v) => v.venue.kind === 'main');
  const facts: [string, string][] = [
    [tNotice('time'), formatTimeRange(conference.startsAt, conference.endsAt, locale)],
    [tNotice('format'), tFormat(conference.format)],
    ...(mainVenue ? ([[tNotice('mainVenue'), localizedName(mainVenue.venue, locale)]] as [string, string][]) : []),
    ...(chair ? ([[tNotice('chair'), chair.position ? `${chair.position} ${chair.name}` : chair.name]] as [string, string][]) : []),
  ];
  const editor = canManage ? (
    <Card className="print:hidden">
      <CardHeader>
        <CardTitle>{t('editor.title')}</CardTitle>
      </CardHeader>
      <CardContent className="space-y-4">
        <MinutesEditor conferenceId={conference.id} version={conference.version} minutesText={conference.minutesText ?? ''} published={published} />
        {conference.status === 'held' ? (
          <div className="space-y-2 border-t border-border pt-4">
            <p className="text-sm text-ink-muted">{t('editor.publishHint')}</p>
            <StatusActions conferenceId={conference.id} version={conference.version} moves={['minutes_published']} />
          </div>
        ) : null}
      </CardContent>
    </Card>
  ) : null;

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        {back}
        <div className="flex flex-wrap items-center gap-2">
          <a href={`/api/conferences/${conference.id}/minutes.docx`} download className={buttonClasses('secondary')}>
            <FileDown aria-hidden="true" />
            {tDocx('download')}
          </a>
          <PrintButton label={tNotice('print')} />
        </div>
      </div>
      {/* Writing comes first while the minutes are a draft; once published, corrections go below. */}
      {!published && editor ? <div className="mb-6">{editor}</div> : null}
      <Paper aria-labelledby="minutes-title">
        <h1 id="minutes-title" className="text-center text-xl font-bold leading-snug text-ink sm:text-2xl">
          {t('title', { title })}
        </h1>
        <p className="mt-2 text-center text-sm text-ink-muted">
          {published && conference.minutesPublishedAt ? (
            [conference.convenedBy, t('publishedAt', { date: formatDateTime(conference.minutesPublishedAt, locale) })].filter(Boolean).join(' · ')
          ) : (
            <Badge tone="warning">{t('draftBadge')}</Badge>
          )}
        </p>

        <dl className="mt-6 grid gap-x-4 gap-y-2 sm:grid-cols-[7em_1fr] print:grid-cols-[7em_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-ink">{label}</dt>
              <dd className="text-ink">{value}</dd>
            </div>
          ))}
        </dl>

        <Section title={t('attendance')}>
          {detail.invitations.length ? (
            <>
              <p className="mb-2 text-ink">
                {t('attendanceSummary', { invited: formatNumber(detail.attendance.invited, locale), present: formatNumber(detail.attendance.present, locale) })}
              </p>
              <table className="w-full border-collapse text-sm">
                <thead>
                  <tr className="border-b border-border-strong text-left">
                    <th scope="col" className="py-1.5 pr-3 font-medium">{t('department')}</th>
                    <th scope="col" className="py-1.5 pr-3 font-medium whitespace-nowrap">{t('attendanceColumn')}</th>
                    <th scope="col" className="py-1.5 pr-3 font-medium">{t('attendeeNames')}</th>
                    <th scope="col" className="py-1.5 font-medium">{t('venue')}</th>
                  </tr>
                </thead>
                <tbody>
                  {detail.invitations.map(({ invitation, departmentName, departmentNameEn }) => (
                    <tr key={invitation.id} className="border-b border-border align-top">
                      <td className="py-1.5 pr-3">{localizedName({ name: departmentName, nameEn: departmentNameEn }, locale)}</td>
                      <td className="py-1.5 pr-3 whitespace-nowrap">
                        <Badge tone={invitation.attendance === 'present' ? 'success' : invitation.attendance === 'absent' ? 'danger' : invitation.attendance === 'excused' ? 'warning' : 'neutral'}>
                          {t(`attendanceStates.${invitation.attendance}`)}
                        </Badge>
                      </td>
                      <td className="py-1.5 pr-3">{invitation.attendeeNames ?? ''}</td>
                      <td className="py-1.5">{venueName(invitation.venueId)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <p className="text-ink-muted">{t('attendanceNone')}</p>
          )}
        </Section>

        <Section title={t('speakers')}>
          {detail.speakers.length ? (
            <ol className="list-decimal space-y-2 pl-6 text-ink">
              {detail.speakers.map(({ speaker, personName, personNameEn, position, positionEn }) => {
                const name = localizedName({ name: personName, nameEn: personNameEn }, locale);
                const role = locale === 'en' && positionEn ? positionEn : position;
                const topic = locale === 'en' && speaker.topicEn ? speaker.topicEn : speaker.topic;
                return (
                  <li key={speaker.id}>
                    <p>
                      <span className="font-medium">{t(`speakerRoles.${speaker.role}`)}</span>
                      {locale === 'en' ? ': ' : '：'}
                      {role ? `${role} ${name}` : name}
                      {topic ? (locale === 'en' ? ` — ${topic}` : `，${topic}`) : null}
                    </p>
                    {speaker.summary ? <p className="mt-0.5 whitespace-pre-line text-sm text-ink-muted">{speaker.summary}</p> : null}
                  </li>
                );
              })}
            </ol>
          ) : (
            <p className="text-ink-muted">{t('speakersNone')}</p>
          )}
        </Section>

        <Section title={t('agenda')}>
          {detail.agenda.length ? (
            <ol className="space-y-1 text-ink">
              {detail.agenda.map((item) => (
                <li key={item.id} className="flex gap-3">
                  <span className="w-28 shrink-0 tabular-nums text-ink-muted">{tNotice('timeRange', { start: formatClock(item.startsAt), end: formatClock(item.endsAt) })}</span>
                  <span>{localizedName({ name: item.title, nameEn: item.titleEn }, locale)}</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="text-ink-muted">{t('agendaNone')}</p>
          )}
        </Section>

        <Section title={t('text')}>
          {minutesText ? (
            // Sanitized by renderMarkdown: no scripts, handlers, styles or frames survive.
            <div className={markdownClasses} dangerouslySetInnerHTML={{ __html: renderMarkdown(minutesText, { headingLevel: 3 }) }} />
          ) : (
            <p className="text-ink-muted">{t('notPublished')}</p>
          )}
        </Section>

        <Section title={t('requestedActions')}>
          <RequestedActionsList actions={actions ?? []} locale={locale} />
        </Section>
      </Paper>
      {published && editor ? <div className="mt-6">{editor}</div> : null}
    </>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="break-inside-auto">
      <PaperHeading>{title}</PaperHeading>
      {children}
    </section>
  );
}
