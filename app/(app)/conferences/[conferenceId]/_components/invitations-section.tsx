import { useLocale, useTranslations } from 'next-intl';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import type { DepartmentChoice } from './add-venue-form';
import { InvitationRow, InviteDepartmentsForm } from './invitation-forms';
import { sectionHeadingIds } from './parts-shared';

/** An active department as `listDepartmentOptions` returns it. */
export type InvitableDepartment = { id: number; name: string; nameEn: string | null; kind: DepartmentChoice['kind'] };

/** Attendance is recorded once the notice is out, and not for a cancelled conference. */
const signInOpen = new Set(['scheduled', 'held', 'minutes_published']);

type InvitationsSectionProps = {
  detail: ConferenceDetail;
  canManage: boolean;
  /** Active departments (`listDepartmentOptions`), for inviting; the ones already invited are left out. */
  departments: InvitableDepartment[];
  /** The signed-in department head's department, if any. */
  ownDepartmentId?: number | null;
  /** A department head may sign their own department in (the conference allows self sign-in). */
  canSignInOwn: boolean;
};

/** Who is invited and how each one signed in, with the attendance rate; inviting and signing in for those allowed. */
export function InvitationsSection({ detail, canManage, departments, ownDepartmentId, canSignInOwn }: InvitationsSectionProps) {
  const t = useTranslations('conferenceParts');
  const locale = useLocale() as Locale;
  const { conference } = detail;
  const manage = canManage && conference.status !== 'cancelled';
  const open = signInOpen.has(conference.status);
  const headingId = sectionHeadingIds.invitations;
  const venues = detail.venues.map(({ venue }) => ({ id: venue.id, label: localizedName(venue, locale), hostDepartmentId: venue.hostDepartmentId }));
  // Only what the rows' pickers need goes to the browser.
  const venueOptions = venues.map(({ id, label }) => ({ id, label }));
  const invitedIds = new Set(detail.invitations.map((i) => i.invitation.departmentId));
  const invitable: DepartmentChoice[] = departments.filter((d) => !invitedIds.has(d.id)).map((d) => ({ id: d.id, label: localizedName(d, locale), kind: d.kind }));
  const mayEdit = (departmentId: number) => open && (canManage || (canSignInOwn && ownDepartmentId != null && departmentId === ownDepartmentId));
  const ownInvited = canSignInOwn && ownDepartmentId != null && invitedIds.has(ownDepartmentId);
  const { invited, present, rate } = detail.attendance;
  const actionsColumn = manage || detail.invitations.some((i) => mayEdit(i.invitation.departmentId));

  return (
    <section aria-labelledby={headingId}>
      <Card>
        <CardHeader>
          <CardTitle level={3} id={headingId} tabIndex={-1} className="focus:outline-none">
            {t('invitations.title')}
          </CardTitle>
          <CardDescription>{t('invitations.description')}</CardDescription>
          <p className="mt-2 text-sm font-medium text-ink">
            {rate === null
              ? t('invitations.rateNone')
              : t('invitations.rate', { rate: formatPercent(rate, locale), present: formatNumber(present, locale), invited: formatNumber(invited, locale) })}
          </p>
        </CardHeader>
        <CardContent className="space-y-3">
          {(manage || ownInvited) && !open && invited > 0 ? <p className="text-sm text-ink-muted">{t('invitations.notOpen')}</p> : null}
          {!canManage && ownInvited && open ? <p className="text-sm text-ink-muted">{t('invitations.ownHint')}</p> : null}
          {detail.invitations.length ? (
            <div className="overflow-x-auto rounded-lg border border-border">
              <table className="w-full border-collapse text-sm">
                <caption className="sr-only">{t('invitations.caption')}</caption>
                <thead className="bg-canvas text-left">
                  <tr className="border-b border-border">
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.department')}
                    </th>
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.required')}
                    </th>
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.attendance')}
                    </th>
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.attendees')}
                    </th>
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.venue')}
                    </th>
                    <th scope="col" className="px-2 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t('invitations.columns.signedInAt')}
                    </th>
                    {actionsColumn ? (
                      <th scope="col" className="px-2 py-2 text-right font-medium whitespace-nowrap text-ink-muted print:hidden">
                        <span className="sr-only">{t('invitations.columns.actions')}</span>
                      </th>
                    ) : null}
                  </tr>
                </thead>
                <tbody>
                  {detail.invitations.map(({ invitation, departmentName, departmentNameEn }) => (
                    <InvitationRow
                      key={invitation.departmentId}
                      conferenceId={conference.id}
                      departmentId={invitation.departmentId}
                      name={localizedName({ name: departmentName, nameEn: departmentNameEn }, locale)}
                      required={invitation.required}
                      saved={{
                        version: invitation.version,
                        attendance: invitation.attendance,
                        attendeeNames: invitation.attendeeNames,
                        venueId: invitation.venueId,
                        signedInAt: invitation.signedInAt,
                      }}
                      venues={venueOptions}
                      suggestedVenueId={venues.find((v) => v.hostDepartmentId === invitation.departmentId)?.id ?? null}
                      conferenceStartsAt={conference.startsAt}
                      editable={mayEdit(invitation.departmentId)}
                      removable={manage}
                      actionsColumn={actionsColumn}
                      headingId={headingId}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          ) : (
            <p className="text-sm text-ink-muted">{manage ? t('invitations.empty') : t('invitations.emptyReadOnly')}</p>
          )}
        </CardContent>
        {manage ? (
          <CardContent className="border-t border-border py-5">
            <InviteDepartmentsForm conferenceId={conference.id} departments={invitable} />
          </CardContent>
        ) : null}
      </Card>
    </section>
  );
}
