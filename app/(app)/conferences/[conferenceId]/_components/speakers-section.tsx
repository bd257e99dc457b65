import { useLocale, useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { localizedName } from '@/lib/i18n/localized';
import { AddSpeakerForm } from './add-speaker-form';
import { OrderedRowActions } from './part-row-actions';
import { sectionHeadingIds } from './parts-shared';

/** A person as `listPeople` returns it. */
export type SpeakerCandidate = {
  id: number;
  name: string;
  nameEn?: string | null;
  position?: string | null;
  positionEn?: string | null;
  organization?: string | null;
};

type SpeakersSectionProps = { detail: ConferenceDetail; canManage: boolean; people: SpeakerCandidate[] };

const localizedPosition = (p: { position?: string | null; positionEn?: string | null }, locale: string) =>
  (locale === 'en' && p.positionEn ? p.positionEn : p.position) ?? null;

/** Who speaks, in order and in which protocol role; the office adds, reorders and removes speakers. */
export function SpeakersSection({ detail, canManage, people }: SpeakersSectionProps) {
  const t = useTranslations('conferenceParts');
  const tRoles = useTranslations('speakerRoles');
  const locale = useLocale();
  const manage = canManage && detail.conference.status !== 'cancelled';
  const headingId = sectionHeadingIds.speakers;
  const speakers = detail.speakers.map(({ speaker, personName, personNameEn, position, positionEn }) => ({
    id: speaker.id,
    name: localizedName({ name: personName, nameEn: personNameEn }, locale),
    position: localizedPosition({ position, positionEn }, locale),
    role: speaker.role,
    topic: (locale === 'en' && speaker.topicEn ? speaker.topicEn : speaker.topic) ?? null,
  }));
  const candidates = people.map((p) => {
    const name = localizedName({ name: p.name, nameEn: p.nameEn }, locale);
    const detailText = localizedPosition(p, locale) ?? p.organization;
    return { id: p.id, label: detailText ? t('speakers.personOption', { name, position: detailText }) : name };
  });

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <CardTitle level={3} id={headingId} tabIndex={-1} className="focus:outline-none">
            {t('speakers.title')}
          </CardTitle>
          <CardDescription>{t('speakers.description')}</CardDescription>
        </CardHeader>
        <CardContent>
          {speakers.length ? (
            <div className="overflow-x-auto rounded-lg border border-border">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t('speakers.caption')}</caption>
                <thead className="bg-canvas text-left">
                  <tr className="border-b border-border">
                    <th scope="col" className="w-16 px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('speakers.columns.order')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('speakers.columns.person')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('speakers.columns.role')}
                    </th>
                    <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('speakers.columns.topic')}
                    </th>
                    {manage ? (
                      <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted print:hidden">
                        <span className="sr-only">{t('common.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {speakers.map((speaker, index) => (
                    <tr key={speaker.id} className="border-b border-border last:border-b-0">
                      <td className="px-3 py-2 align-top text-ink tabular-nums">{index + 1}</td>
                      <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                        <span className="block font-medium text-ink">{speaker.name}</span>
                        {speaker.position ? <span className="block text-ink-muted">{speaker.position}</span> : null}
                      </th>
                      <td className="px-3 py-2 align-top whitespace-nowrap text-ink">{tRoles(speaker.role)}</td>
                      <td className="px-3 py-2 align-top text-ink">{speaker.topic ?? <span className="text-ink-muted">{t('common.none')}</span>}</td>
                      {manage ? (
                        <td className="px-3 py-1 text-right align-top print:hidden">
                          <OrderedRowActions
                            kind="speaker"
                            conferenceId={detail.conference.id}
                            id={speaker.id}
                            name={speaker.name}
                            index={index}
                            count={speakers.length}
                            headingId={headingId}
                          />
                        </td>
                      ) : null}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">{manage ? t('speakers.empty') : t('speakers.emptyReadOnly')}</p>
          )}
        </CardContent>
        {manage ? (
          <CardContent className="border-t border-border py-5">
            <AddSpeakerForm conferenceId={detail.conference.id} people={candidates} />
          </CardContent>
        ) : null}
      </Card>
    </section>
  );
}
