import Link from 'next/link';
import { TriangleAlert } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { carryOverItemOf, carryOverOpen, carryOverTasks } from '@/lib/data/carry-over';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { type Locale, defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { AddAgendaItemForm } from './add-agenda-item-form';
import { CarryOverButton } from './carry-over-button';
import { carryOverHeadingId } from './carry-over-ids';
import { CarryOverTable } from './carry-over-table';
import { OrderedRowActions } from './part-row-actions';
import { formatTime, sectionHeadingIds } from './parts-shared';

type AgendaSectionProps = { detail: ConferenceDetail; canManage: boolean };

/** Open tasks of earlier conferences shown under the review item; the rest on their own page. */
const carryOverPreview = 50;

/**
 * The agenda in order, each item's start worked out from the conference's start and the minutes
 * before it, the total, and a warning when it runs past the planned end. The review item (kind
 * `review`) lists the earlier conferences' open tasks; before the meeting the office adds it with
 * one click.
 */
export async function AgendaSection({ detail, canManage }: AgendaSectionProps) {
  const [t, tKinds, tRoles, tCarry, rawLocale, actor] = await Promise.all([
    getTranslations('conferenceParts'),
    getTranslations('agendaKinds'),
    getTranslations('speakerRoles'),
    getTranslations('conferences.carryOver'),
    getLocale(),
    requireActor(),
  ]);
  const locale: Locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  const { conference } = detail;
  const manage = canManage && conference.status !== 'cancelled';
  const review = conference.status === 'cancelled' ? null : carryOverItemOf(detail.agenda);
  const carryOver = review ? await carryOverTasks(actor, conference.id, { limit: carryOverPreview }) : null;
  // Offered before the meeting only; the control stays after the click so its message is read.
  const carryOverControl = manage && can(actor, 'conference.manageAgenda') && carryOverOpen(conference.status);
  const headingId = sectionHeadingIds.agenda;
  const speakerName = new Map(detail.speakers.map((s) => [s.speaker.id, localizedName({ name: s.personName, nameEn: s.personNameEn }, locale)]));
  const presenters = detail.speakers.map((s) => ({
    id: s.speaker.id,
    label: t('agenda.presenterOption', { name: speakerName.get(s.speaker.id)!, role: tRoles(s.speaker.role) }),
  }));
  const items = detail.agenda.map((item) => ({
    id: item.id,
    startsAt: item.startsAt,
    title: (locale === 'en' && item.titleEn ? item.titleEn : item.title) || item.title,
    kind: item.kind,
    presenter: item.presenterSpeakerId === null ? null : (speakerName.get(item.presenterSpeakerId) ?? null),
    minutes: item.plannedMinutes,
  }));
  const overrun = detail.agendaOverrunMinutes;
  const minutes = (n: number) => t('common.minutes', { minutes: formatNumber(n, locale) });
  const none = <span className="text-ink-muted">{t('common.none')}</span>;

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <CardTitle level={3} id={headingId} tabIndex={-1} className="focus:outline-none">
            {t('agenda.title')}
          </CardTitle>
          <CardDescription>{t('agenda.description')}</CardDescription>
          <p className="mt-1 text-sm text-ink-muted">
            {t('agenda.planned', { start: formatTime(conference.startsAt), end: formatTime(conference.endsAt) })}
          </p>
        </CardHeader>
        <CardContent className="space-y-3">
          {items.length ? (
            <div className="overflow-x-auto rounded-lg border border-border">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t('agenda.caption')}</caption>
                <thead className="bg-canvas text-left">
                  <tr className="border-b border-border">
                    <th scope="col" className="w-20 px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('agenda.columns.startsAt')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('agenda.columns.title')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('agenda.columns.kind')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('agenda.columns.presenter')}
                    </th>
                    <th scope="col" className="px-3 py-2 text-right font-medium whitespace-nowrap text-ink-muted">
                      {t('agenda.columns.minutes')}
                    </th>
                    {manage ? (
                      <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted print:hidden">
                        <span className="sr-only">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {items.map((item, index) => (
                    <tr key={item.id} className="border-b border-border">
                      <td className="px-3 py-2 align-top text-ink tabular-nums">
                        <time dateTime={item.startsAt.toISOString()}>{formatTime(item.startsAt)}</time>
                      </td>
                      <th scope="row" className="px-3 py-2 text-left align-top font-medium text-ink">
                        {item.title}
                        {carryOver && item.id === review?.id ? (
                          <a href={`#${carryOverHeadingId}`} className="mt-0.5 block text-sm font-normal text-accent underline underline-offset-2">
                            {tCarry('itemCount', { count: carryOver.total })}
                          </a>
                        ) : null}
                      </th>
                      <td className="px-3 py-2 align-top whitespace-nowrap text-ink">{tKinds(item.kind)}</td>
                      <td className="px-3 py-2 align-top text-ink">{item.presenter ?? none}</td>
                      <td className="px-3 py-2 text-right align-top whitespace-nowrap text-ink tabular-nums">{minutes(item.minutes)}</td>
                      {manage ? (
                        <td className="px-3 py-1 text-right align-top print:hidden">
                          <OrderedRowActions
                            kind="agenda"
                            conferenceId={conference.id}
                            id={item.id}
                            name={item.title}
                            index={index}
                            count={items.length}
                            headingId={headingId}
                          />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
                <tfoot>
                  <tr>
                    <td colSpan={manage ? 6 : 5} className="px-3 py-2 text-right font-medium text-ink tabular-nums">
                      {t('agenda.total', { minutes: formatNumber(detail.agendaTotalMinutes, locale) })}
                    </td>
                  </tr>
                </tfoot>
              </table>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">{manage ? t('agenda.empty') : t('agenda.emptyReadOnly')}</p>
          )}
          {/* Always in the page, so the warning is announced when an added item makes the agenda overrun. */}
          <div role="status">
            {overrun > 0 ? (
              <div className="flex items-start gap-2 rounded-md border border-warning-border bg-warning-soft px-3 py-2 text-sm text-warning">
                <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
                <p>
                  <span className="font-medium">{t('agenda.overrun', { minutes: formatNumber(overrun, locale) })}</span>
                  {manage ? <span className="block text-ink">{t('agenda.overrunHint')}</span> : null}
                </p>
              </div>
            ) : null}
          </div>
          {carryOver ? (
            <div className="space-y-2 border-t border-border pt-4">
              <h4 id={carryOverHeadingId} tabIndex={-1} className="text-base font-semibold text-ink focus:outline-none">
                {tCarry('title')}
              </h4>
              <p className="text-sm text-ink-muted">
                {tCarry('description')}
                {actor.role === 'department_head' ? ` ${tCarry('ownOnly')}` : null}
              </p>
              {carryOver.rows.length ? <CarryOverTable rows={carryOver.rows} locale={locale} /> : <p className="text-sm text-ink">{tCarry('empty')}</p>}
              {carryOver.total > carryOver.rows.length ? (
                <p className="text-sm text-ink-muted">
                  {tCarry('shown', { shown: formatNumber(carryOver.rows.length, locale), total: formatNumber(carryOver.total, locale) })}{' '}
                  <Link href={`/conferences/${conference.id}/carry-over`} className="font-medium text-accent underline underline-offset-2">
                    {tCarry('showAll', { total: formatNumber(carryOver.total, locale) })}
                  </Link>
                </p>
              ) : null}
            </div>
          ) : null}
        </CardContent>
        {manage ? (
          <CardContent className="space-y-6 border-t border-border py-5">
            {carryOverControl ? <CarryOverButton conferenceId={conference.id} available={!review} /> : null}
            <AddAgendaItemForm conferenceId={conference.id} presenters={presenters} />
          </CardContent>
        ) : null}
      </Card>
    </section>
  );
}
