'use client';

import { useActionState, useId, useRef, useState } from 'react';
import { Search } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Badge } from '@/app/_components/ui/badge';
import { FormMessage, inputClasses } from '@/app/_components/ui/field';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatDateTime } from '@/lib/i18n/format';
import { type AttendanceState, type InviteState, inviteDepartmentsAction, recordAttendanceAction } from '../parts-actions';
import type { DepartmentChoice } from './add-venue-form';
import { RemovePartButton, useFocusFirstInvalid } from './part-row-actions';
import { type Attendance, attendanceLook, attendanceStates, fieldsKey, formatTime } from './parts-shared';

const departmentKinds = ['district', 'department', 'office'] as const;

type InviteDepartmentsFormProps = {
  conferenceId: number;
  /** Active departments not invited yet. */
  departments: DepartmentChoice[];
};

/** Tick departments (grouped by kind, filtered by name) or take all districts / all departments at once. */
export function InviteDepartmentsForm({ conferenceId, departments }: InviteDepartmentsFormProps) {
  const t = useTranslations('conferenceParts.invitations');
  const [state, formAction, pending] = useActionState<InviteState, FormData>(inviteDepartmentsAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstInvalid(formRef, state);
  const failed = state && !state.ok ? state : null;

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="invite-departments-title" className="space-y-4 print:hidden">
      <h4 id="invite-departments-title" className="text-sm font-semibold text-ink">
        {t('invite.title')}
      </h4>
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <FormMessage error={failed?.message} success={state?.ok ? t('invite.invited', { count: state.data.added }) : null} />
      <InviteFields key={fieldsKey(state)} departments={departments} values={failed?.values ?? {}} errors={failed?.fieldErrors} />
      <Button type="submit" disabled={pending}>
        {pending ? t('invite.inviting') : t('invite.submit')}
      </Button>
    </form>
  );
}

function InviteFields({ departments, values, errors }: { departments: DepartmentChoice[]; values: Record<string, string>; errors?: Record<string, string[]> }) {
  const t = useTranslations('conferenceParts.invitations');
  const tKinds = useTranslations('departmentKinds');
  const picked = new Set((values.departmentIds ?? '').split(',').filter(Boolean));
  const shortcuts = new Set((values.allOf ?? '').split(',').filter(Boolean));
  const [query, setQuery] = useState('');
  const [count, setCount] = useState(picked.size);
  const needle = query.trim().toLowerCase();
  const matches = (d: DepartmentChoice) => !needle || d.label.toLowerCase().includes(needle);
  const anyMatch = departments.some(matches);
  const pickErrors = errors?.departmentIds;

  return (
    <div className="space-y-4">
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-ink">{t('invite.shortcuts')}</legend>
        <div className="flex flex-wrap gap-x-6 gap-y-2">
          <label className="inline-flex items-center gap-2 text-sm text-ink">
            <input type="checkbox" name="allOf" value="district" defaultChecked={shortcuts.has('district')} className="size-4 accent-accent" aria-describedby="invite-shortcuts-hint" />
            {t('invite.allDistricts')}
          </label>
          <label className="inline-flex items-center gap-2 text-sm text-ink">
            <input type="checkbox" name="allOf" value="department" defaultChecked={shortcuts.has('department')} className="size-4 accent-accent" aria-describedby="invite-shortcuts-hint" />
            {t('invite.allDepartments')}
          </label>
        </div>
        <p id="invite-shortcuts-hint" className="text-sm text-ink-muted">
          {t('invite.shortcutsHint')}
        </p>
      </fieldset>

      {departments.length ? (
        <fieldset
          className="space-y-3"
          aria-describedby={pickErrors?.length ? 'invite-pick-error' : undefined}
          onChange={(event) => setCount(event.currentTarget.querySelectorAll('input[name="departmentIds"]:checked').length)}
        >
          <legend className="text-sm font-medium text-ink">{t('invite.pick')}</legend>
          <div className="flex flex-wrap items-end gap-3">
            <div className="w-full max-w-xs space-y-1.5">
              <label htmlFor="invite-filter" className="block text-sm text-ink-muted">
                {t('invite.filter')}
              </label>
              <div className="relative">
                <Search className="pointer-events-none absolute left-3 top-1/2 size-4 -translate-y-1/2 text-ink-subtle" aria-hidden="true" />
                <input
                  id="invite-filter"
                  type="search"
                  value={query}
                  onChange={(event) => setQuery(event.target.value)}
                  // Enter here filters; it must not send the form.
                  onKeyDown={(event) => {
                    if (event.key === 'Enter') event.preventDefault();
                  }}
                  placeholder={t('invite.filterPlaceholder')}
                  autoComplete="off"
                  className={`${inputClasses} pl-9`}
                />
              </div>
            </div>
            <p className="pb-2 text-sm text-ink-muted">{t('invite.selected', { count })}</p>
          </div>
          {pickErrors?.length ? (
            <ul id="invite-pick-error" className="space-y-0.5 text-sm text-danger">
              {pickErrors.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          ) : null}
          <div className="max-h-80 space-y-3 overflow-y-auto rounded-md border border-border p-3">
            {departmentKinds.map((kind) => {
              const group = departments.filter((d) => d.kind === kind);
              if (!group.length) return null;
              const visible = group.some(matches);
              return (
                // Filtered-out boxes stay in the form (hidden), so what was ticked is still sent.
                <fieldset key={kind} hidden={!visible}>
                  <legend className="mb-1 text-xs font-semibold uppercase tracking-wide text-ink-muted">{tKinds(kind)}</legend>
                  <ul className="grid gap-x-4 gap-y-1 sm:grid-cols-2 lg:grid-cols-3">
                    {group.map((d) => (
                      <li key={d.id} hidden={!matches(d)}>
                        <label className="flex items-center gap-2 py-0.5 text-sm text-ink">
                          <input type="checkbox" name="departmentIds" value={d.id} defaultChecked={picked.has(String(d.id))} className="size-4 shrink-0 accent-accent" />
                          {d.label}
                        </label>
                      </li>
                    ))}
                  </ul>
                </fieldset>
              );
            })}
            {anyMatch ? null : <p className="text-sm text-ink-muted">{t('invite.noMatch', { query: query.trim() })}</p>}
          </div>
        </fieldset>
      ) : (
        <p className="text-sm text-ink-muted">{t('invite.allInvited')}</p>
      )}

      <div className="space-y-1">
        <label className="inline-flex items-center gap-2 text-sm text-ink">
          <input
            type="checkbox"
            name="required"
            defaultChecked={values.required === undefined || values.required === 'on'}
            className="size-4 accent-accent"
            aria-describedby="invite-required-hint"
          />
          {t('invite.required')}
        </label>
        <p id="invite-required-hint" className="text-sm text-ink-muted">
          {t('invite.requiredHint')}
        </p>
      </div>
    </div>
  );
}

type InvitationRowProps = {
  conferenceId: number;
  departmentId: number;
  /** The department's name in the reader's language; also in the buttons' accessible names. */
  name: string;
  required: boolean;
  saved: { version: number; attendance: Attendance; attendeeNames: string | null; venueId: number | null; signedInAt: Date | null };
  venues: { id: number; label: string }[];
  /** The venue to offer when none is recorded: the one the department hosts, if any. */
  suggestedVenueId: number | null;
  /** The conference's start: a sign-in on its day shows the time only. */
  conferenceStartsAt: Date;
  /** The viewer may sign this department in: the office, or its own head when self sign-in is allowed. */
  editable: boolean;
  /** The viewer may withdraw the invitation. */
  removable: boolean;
  /** Whether the table has an actions column at all. */
  actionsColumn: boolean;
  headingId: string;
};

/**
 * One invited department: its attendance in words and shape, who came, where and when. When the
 * viewer may sign it in, the status, names and venue are controls of the row's own small form
 * (tied to it by the `form` attribute, as a form cannot wrap table cells), saved with its version.
 */
export function InvitationRow(props: InvitationRowProps) {
  const { conferenceId, departmentId, name, required, saved, venues, suggestedVenueId, conferenceStartsAt, editable, removable, actionsColumn, headingId } = props;
  const t = useTranslations('conferenceParts');
  const tAttendance = useTranslations('attendanceStates');
  const locale = useLocale() as Locale;
  const formId = useId();
  const [state, formAction, pending] = useActionState<AttendanceState, FormData>(recordAttendanceAction, null);
  const rowRef = useRef<HTMLTableRowElement>(null);
  useFocusFirstInvalid(rowRef, state);
  const failed = state && !state.ok ? state : null;
  // A success belongs to the version it made; once the page shows a newer one it is history.
  const justSaved = state?.ok && state.data.version === saved.version;
  const values = failed?.values ?? {
    attendance: saved.attendance,
    attendeeNames: saved.attendeeNames ?? '',
    venueId: String(saved.venueId ?? suggestedVenueId ?? ''),
  };
  const errors = failed?.fieldErrors;
  const look = attendanceLook[saved.attendance];
  const venueName = saved.venueId === null ? null : (venues.find((v) => v.id === saved.venueId)?.label ?? null);
  const none = <span className="text-ink-muted">{t('common.none')}</span>;
  const saveLabel = t('invitations.signIn.saveNamed', { name });
  const fieldsKeyValue = fieldsKey(state, String(saved.version));
  const control = (field: string) => {
    const fieldErrors = errors?.[field];
    return {
      id: `${formId}-${field}`,
      name: field,
      form: formId,
      'aria-invalid': fieldErrors?.length ? (true as const) : undefined,
      'aria-describedby': fieldErrors?.length ? `${formId}-${field}-error` : undefined,
    };
  };
  const fieldError = (field: string) =>
    errors?.[field]?.length ? (
      <ul id={`${formId}-${field}-error`} className="mt-1 space-y-0.5 text-xs text-danger">
        {errors[field].map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
    ) : null;
  const label = (field: string, text: string) => (
    <label htmlFor={`${formId}-${field}`} className="sr-only">
      {/* Every row has these controls: the department tells them apart outside the table. */}
      {t('invitations.signIn.fieldFor', { field: text, name })}
    </label>
  );

  return (
    <tr ref={rowRef} className="border-b border-border last:border-b-0">
      <th scope="row" className="min-w-36 px-2 py-2 text-left align-middle font-medium text-ink">
        {name}
      </th>
      <td className="px-2 py-2 align-middle whitespace-nowrap text-ink">{required ? t('invitations.requiredYes') : t('invitations.requiredNo')}</td>
      <td className="px-2 py-2 align-middle">
        <div className="flex items-center gap-2">
          {/* The saved state, in words and shape; the picker beside it is what the next save records. */}
          <Badge tone={look.tone} icon={look.icon}>
            {tAttendance(saved.attendance)}
          </Badge>
          {editable ? (
            <div key={fieldsKeyValue} className="w-28 shrink-0 print:hidden">
              {label('attendance', t('invitations.signIn.attendance'))}
              <select {...control('attendance')} defaultValue={values.attendance} className={inputClasses}>
                {attendanceStates.map((a) => (
                  <option key={a} value={a}>
                    {tAttendance(a)}
                  </option>
                ))}
              </select>
            </div>
          ) : null}
        </div>
        {fieldError('attendance')}
      </td>
      <td className="px-2 py-2 align-middle text-ink">
        {editable ? (
          <div key={fieldsKeyValue} className="min-w-32 print:hidden">
            {label('attendeeNames', t('invitations.signIn.attendees'))}
            <input
              {...control('attendeeNames')}
              defaultValue={values.attendeeNames}
              placeholder={t('invitations.signIn.attendeesPlaceholder')}
              autoComplete="off"
              maxLength={500}
              className={inputClasses}
            />
            {fieldError('attendeeNames')}
          </div>
        ) : null}
        <span className={editable ? 'hidden print:inline' : undefined}>{saved.attendeeNames || none}</span>
      </td>
      <td className="px-2 py-2 align-middle text-ink">
        {editable ? (
          <div key={fieldsKeyValue} className="w-40 print:hidden">
            {label('venueId', t('invitations.signIn.venue'))}
            <select {...control('venueId')} defaultValue={values.venueId ?? ''} className={inputClasses}>
              <option value="">{t('common.notSet')}</option>
              {venues.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.label}
                </option>
              ))}
            </select>
            {fieldError('venueId')}
          </div>
        ) : null}
        <span className={editable ? 'hidden print:inline' : undefined}>{venueName ?? none}</span>
      </td>
      <td className="px-2 py-2 align-middle whitespace-nowrap text-ink">
        {saved.signedInAt ? (
          <time dateTime={saved.signedInAt.toISOString()} title={formatDateTime(saved.signedInAt, locale)}>
            {formatDate(saved.signedInAt, locale) === formatDate(conferenceStartsAt, locale) ? formatTime(saved.signedInAt) : formatDateTime(saved.signedInAt, locale)}
          </time>
        ) : (
          none
        )}
      </td>
      {actionsColumn ? (
        <td className="px-2 py-2 text-right align-middle print:hidden">
          <div className="flex items-start justify-end gap-1">
            {editable ? (
              <form id={formId} action={formAction} noValidate aria-busy={pending || undefined}>
                <input type="hidden" name="conferenceId" value={conferenceId} />
                <input type="hidden" name="departmentId" value={departmentId} />
                <input type="hidden" name="version" value={saved.version} />
                <Button type="submit" variant="secondary" size="sm" aria-label={saveLabel} title={saveLabel}>
                  {pending ? t('common.saving') : t('invitations.signIn.save')}
                </Button>
              </form>
            ) : null}
            {removable ? <RemovePartButton kind="invitation" conferenceId={conferenceId} id={departmentId} name={name} headingId={headingId} /> : null}
          </div>
          {editable ? (
            <>
              <p role="alert" className={failed ? 'mt-1 ml-auto max-w-56 text-left text-xs text-danger' : 'sr-only'}>
                {failed?.message ?? null}
              </p>
              <p role="status" className={justSaved ? 'mt-1 text-xs text-success' : 'sr-only'}>
                {justSaved ? t('invitations.signIn.saved') : null}
              </p>
            </>
          ) : null}
        </td>
      ) : null}
    </tr>
  );
}
