import { MapPin, Star } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { getActor } from '@/lib/auth/session';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { listDepartmentOptions } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import { AddVenueForm, type DepartmentChoice } from './add-venue-form';
import { RemovePartButton } from './part-row-actions';
import { sectionHeadingIds } from './parts-shared';

type VenuesSectionProps = { detail: ConferenceDetail; canManage: boolean };

/** The main venue and the sub-venues: where, hosted by whom, how they connect; the office adds and removes them. */
export async function VenuesSection({ detail, canManage }: VenuesSectionProps) {
  const manage = canManage && detail.conference.status !== 'cancelled';
  const [t, tKinds, locale, actor] = await Promise.all([getTranslations('conferenceParts'), getTranslations('venueKinds'), getLocale(), getActor()]);
  // Any active department may host a sub-venue, not only invited ones: districts usually do.
  const departments: DepartmentChoice[] =
    manage && actor ? (await listDepartmentOptions(actor)).map((d) => ({ id: d.id, label: localizedName(d, locale), kind: d.kind })) : [];
  const headingId = sectionHeadingIds.venues;
  const venues = detail.venues.map(({ venue, hostName, hostNameEn }) => ({
    id: venue.id,
    kind: venue.kind,
    name: localizedName(venue, locale),
    address: venue.address,
    host: hostName ? localizedName({ name: hostName, nameEn: hostNameEn }, locale) : null,
    connectionNotes: venue.connectionNotes,
  }));
  const hasMain = venues.some((v) => v.kind === 'main');

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <CardTitle level={3} id={headingId} tabIndex={-1} className="focus:outline-none">
            {t('venues.title')}
          </CardTitle>
          <CardDescription>{t('venues.description')}</CardDescription>
        </CardHeader>
        <CardContent>
          {venues.length ? (
            <ul className="divide-y divide-border">
              {venues.map((venue) => (
                <li key={venue.id} className="flex flex-wrap items-start justify-between gap-3 py-3 first:pt-0 last:pb-0">
                  <div className="min-w-0 flex-1">
                    <p className="flex flex-wrap items-center gap-2">
                      <span className="font-medium text-ink">{venue.name}</span>
                      <Badge tone={venue.kind === 'main' ? 'info' : 'neutral'} icon={venue.kind === 'main' ? Star : MapPin}>
                        {tKinds(venue.kind)}
                      </Badge>
                    </p>
                    {venue.address || venue.host || venue.connectionNotes ? (
                      <dl className="mt-1.5 grid gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[auto_1fr]">
                        {venue.address ? (
                          <>
                            <dt className="text-ink-muted">{t('venues.address')}</dt>
                            <dd className="text-ink">{venue.address}</dd>
                          </>
                        ) : null}
                        {venue.host ? (
                          <>
                            <dt className="text-ink-muted">{t('venues.host')}</dt>
                            <dd className="text-ink">{venue.host}</dd>
                          </>
                        ) : null}
                        {venue.connectionNotes ? (
                          <>
                            <dt className="text-ink-muted">{t('venues.connectionNotes')}</dt>
                            <dd className="whitespace-pre-line text-ink">{venue.connectionNotes}</dd>
                          </>
                        ) : null}
                      </dl>
                    ) : null}
                  </div>
                  {manage ? <RemovePartButton kind="venue" conferenceId={detail.conference.id} id={venue.id} name={venue.name} headingId={headingId} /> : null}
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-ink-muted">{manage ? t('venues.empty') : t('venues.emptyReadOnly')}</p>
          )}
        </CardContent>
        {manage ? (
          <CardContent className="border-t border-border py-5">
            <AddVenueForm conferenceId={detail.conference.id} hasMain={hasMain} departments={departments} />
          </CardContent>
        ) : null}
      </Card>
    </section>
  );
}
