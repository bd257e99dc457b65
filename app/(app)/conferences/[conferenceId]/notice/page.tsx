import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { listConferenceActions } from '@/lib/data/actions';
import { formatDateTime, formatNumber } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { Paper, PaperHeading } from '../../_components/paper';
import { PrintButton } from '../../_components/print-button';
import { formatClock, formatTimeRange } from '../../_components/time';
import { RequestedActionsList } from '../_components/requested-actions-list';
import { chairOf, conferenceTitle, loadConference, pageLocale } from '../load';

type Props = { params: Promise<{ conferenceId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ detail }, locale, t] = await Promise.all([loadConference((await params).conferenceId), pageLocale(), getTranslations('conferences.notice')]);
  return { title: `${t('link')} · ${conferenceTitle(detail.conference, locale)}` };
}

/**
 * The printable 会议通知: when, how, where, who, the agenda with its times, and the notice text;
 * once requests are recorded (a notice issued again, a conference relaying earlier requests), those too.
 */
export default async function NoticePage({ params }: Props) {
  const { actor, detail } = await loadConference((await params).conferenceId);
  const { conference } = detail;
  const [t, tFormat, tLevel, locale, actions] = await Promise.all([
    getTranslations('conferences.notice'),
    getTranslations('conferenceFormats'),
    getTranslations('relayLevels'),
    pageLocale(),
    listConferenceActions(actor, conference.id),
  ]);
  const title = conferenceTitle(conference, locale);
  const list = (items: string[]) => items.join(locale === 'en' ? ', ' : '、');
  const main = detail.venues.filter((v) => v.venue.kind === 'main');
  const subs = detail.venues.filter((v) => v.venue.kind === 'sub');
  const venueText = (v: (typeof detail.venues)[number]) => {
    const extra = [v.venue.address ? t('address', { address: v.venue.address }) : null, v.hostName ? t('host', { host: localizedName({ name: v.hostName, nameEn: v.hostNameEn }, locale) }) : null].filter(Boolean);
    const name = localizedName(v.venue, locale);
    return extra.length ? (locale === 'en' ? `${name} (${extra.join('; ')})` : `${name}（${extra.join('；')}）`) : name;
  };
  const presenter = (speakerId: number | null) => {
    const speaker = speakerId ? detail.speakers.find((s) => s.speaker.id === speakerId) : undefined;
    if (!speaker) return '';
    const name = localizedName({ name: speaker.personName, nameEn: speaker.personNameEn }, locale);
    const position = locale === 'en' && speaker.positionEn ? speaker.positionEn : speaker.position;
    return position ? `${position} ${name}` : name;
  };
  const chair = chairOf(detail, locale);
  const time = formatTimeRange(conference.startsAt, conference.endsAt, locale);
  const facts: [string, string][] = [
    [t('time'), time],
    [t('format'), tFormat(conference.format)],
    ...(conference.convenedBy ? ([[t('convenedBy'), conference.convenedBy]] as [string, string][]) : []),
    ...(chair ? ([[t('chair'), chair.position ? `${chair.position} ${chair.name}` : chair.name]] as [string, string][]) : []),
    [t('mainVenue'), main.length ? list(main.map(venueText)) : t('none')],
    ...(subs.length ? ([[t('subVenues'), list(subs.map(venueText))]] as [string, string][]) : []),
    ...(conference.relaysTitle
      ? ([[t('relay'), conference.relaysLevel ? (locale === 'en' ? `${conference.relaysTitle} (${tLevel(conference.relaysLevel)})` : `${conference.relaysTitle}（${tLevel(conference.relaysLevel)}）`) : conference.relaysTitle]] as [string, string][])
      : []),
  ];

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden">
        <Link href={`/conferences/${conference.id}`} className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('back')}
        </Link>
        <PrintButton label={t('print')} />
      </div>
      <Paper aria-labelledby="notice-title">
        {conference.status === 'draft' || conference.status === 'cancelled' ? (
          <p className="mb-4 rounded border-2 border-dashed border-danger-border px-3 py-1 text-center text-sm font-semibold text-danger print:border-black">
            {conference.status === 'draft' ? t('draftMark') : t('cancelledMark')}
          </p>
        ) : null}
        <h1 id="notice-title" className="text-center text-xl font-bold leading-snug text-ink sm:text-2xl">
          {t('heading', { title })}
        </h1>
        {conference.convenedBy || conference.noticeIssuedAt ? (
          <p className="mt-2 text-center text-sm text-ink-muted">
            {[conference.convenedBy, conference.noticeIssuedAt ? t('issuedAt', { date: formatDateTime(conference.noticeIssuedAt, locale) }) : null].filter(Boolean).join(' · ')}
          </p>
        ) : null}
        {conference.noticeText ? <p className="mt-6 whitespace-pre-line text-ink">{conference.noticeText}</p> : null}

        <PaperHeading>{t('arrangements')}</PaperHeading>
        <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[7em_1fr] print:grid-cols-[7em_1fr]">
          {facts.map(([label, value]) => (
            <div key={label} className="contents">
              <dt className="font-medium text-ink">{label}</dt>
              <dd className="text-ink">{value}</dd>
            </div>
          ))}
        </dl>

        <PaperHeading>{t('invited')}</PaperHeading>
        <p className="text-ink">
          {detail.invitations.length ? list(detail.invitations.map((i) => localizedName({ name: i.departmentName, nameEn: i.departmentNameEn }, locale))) : t('none')}
        </p>

        <PaperHeading>{t('agenda')}</PaperHeading>
        {detail.agenda.length ? (
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-border-strong text-left">
                <th scope="col" className="w-32 py-1.5 pr-3 font-medium">{t('agendaTime')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('agendaItem')}</th>
                <th scope="col" className="py-1.5 pr-3 font-medium">{t('agendaPresenter')}</th>
                <th scope="col" className="w-16 py-1.5 text-right font-medium">{t('agendaMinutes')}</th>
              </tr>
            </thead>
            <tbody>
              {detail.agenda.map((item, i) => (
                <tr key={item.id} className="border-b border-border align-top">
                  <td className="py-1.5 pr-3 tabular-nums whitespace-nowrap">{t('timeRange', { start: formatClock(item.startsAt), end: formatClock(item.endsAt) })}</td>
                  <td className="py-1.5 pr-3">
                    {locale === 'en' ? `${i + 1}. ` : `${i + 1}、`}
                    {localizedName({ name: item.title, nameEn: item.titleEn }, locale)}
                  </td>
                  <td className="py-1.5 pr-3">{presenter(item.presenterSpeakerId)}</td>
                  <td className="py-1.5 text-right tabular-nums">{t('plannedMinutes', { minutes: formatNumber(item.plannedMinutes, locale) })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="text-ink">{t('none')}</p>
        )}

        {actions?.length ? (
          <section aria-labelledby="notice-actions">
            <PaperHeading id="notice-actions">{t('requestedActions')}</PaperHeading>
            <p className="mb-3 text-ink">{t('requestedActionsIntro')}</p>
            <RequestedActionsList actions={actions} locale={locale} />
          </section>
        ) : null}
      </Paper>
    </>
  );
}
