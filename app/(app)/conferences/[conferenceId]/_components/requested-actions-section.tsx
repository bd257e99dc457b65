import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { TaskStatusBadge, TrafficLightBadge } from '@/app/(app)/tasks/_components/task-badges';
import type { Actor } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { listActionCategories } from '@/lib/data/action-categories';
import { listConferenceActions } from '@/lib/data/actions';
import type { ConferenceDetail } from '@/lib/data/conference-detail';
import { cityDate } from '@/lib/domain/quarters';
import { addWorkingDays } from '@/lib/domain/working-days';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { AddAssignmentDisclosure, TaskChanges } from './action-task-changes';
import type { DepartmentChoice } from './add-venue-form';
import { RecordActionForm } from './record-action-form';

type Props = { actor: Actor; detail: ConferenceDetail; departments: { id: number; name: string; nameEn: string | null; kind: DepartmentChoice['kind'] }[]; locale: Locale };

const openStatuses = new Set(['assigned', 'acknowledged', 'in_progress', 'submitted']);

/**
 * 部署要求: what the speakers asked for, each with its departments' tasks (status and traffic
 * light in words), and for the office the form that records one and the later changes.
 */
export async function RequestedActionsSection({ actor, detail, departments, locale }: Props) {
  const { conference } = detail;
  const [t, tRoles, tStatus, tLight, actions] = await Promise.all([
    getTranslations('requestedActions'),
    getTranslations('speakerRoles'),
    getTranslations('taskStatus'),
    getTranslations('trafficLight'),
    listConferenceActions(actor, conference.id),
  ]);
  // createAction refuses draft and cancelled conferences; the form is not offered there either.
  const open = conference.status !== 'draft' && conference.status !== 'cancelled';
  const manage = open && can(actor, 'action.create') && can(actor, 'action.assign');
  const categories = manage ? await listActionCategories(actor) : [];
  const choices: DepartmentChoice[] = departments.map((d) => ({ id: d.id, label: localizedName(d, locale), kind: d.kind }));
  const name = (n: { name: string | null; nameEn: string | null }) => (n.name ? localizedName({ name: n.name, nameEn: n.nameEn }, locale) : null);
  const none = <span className="text-ink-muted">{t('fields.none')}</span>;
  const headingId = 'conference-actions-heading';

  return (
    <section aria-labelledby={headingId} className="space-y-4">
      <Card className="border-t-4 border-t-accent">
        <CardHeader>
          <CardTitle id={headingId} className="text-lg">
            {t('title')}
          </CardTitle>
          <CardDescription>{open ? t('description') : t('notOpen')}</CardDescription>
        </CardHeader>
        <CardContent className="space-y-6">
          {actions?.length ? (
            actions.map((action) => {
              const title = localizedName({ name: action.title, nameEn: action.titleEn }, locale);
              const requester = name({ name: action.requestedByName, nameEn: action.requestedByNameEn });
              const position = locale === 'en' && action.requestedByPositionEn ? action.requestedByPositionEn : action.requestedByPosition;
              const facts: [string, React.ReactNode][] = [
                [t('fields.requestedBy'), requester ? (position ? `${position} ${requester}` : requester) : none],
                [t('fields.categoryCode'), name({ name: action.categoryName, nameEn: action.categoryNameEn }) ?? none],
                [t('fields.priority'), t(`priority.${action.priority}`)],
                [t('fields.defaultDueDate'), action.defaultDueDate ? formatDate(action.defaultDueDate, locale) : none],
                ...(action.agendaTitle ? ([[t('fields.agendaItemId'), name({ name: action.agendaTitle, nameEn: action.agendaTitleEn })]] as [string, React.ReactNode][]) : []),
              ];
              const actionHeading = `action-${action.id}-heading`;
              // A department is on an action once (a withdrawn one keeps its place): offer only the others.
              const taken = new Set(action.tasks.map((task) => task.departmentId));
              const free = choices.filter((d) => !taken.has(d.id));
              return (
                <article key={action.id} aria-labelledby={actionHeading} className="space-y-3 border-b border-border pb-6 last:border-b-0 last:pb-0">
                  <h3 id={actionHeading} className="font-semibold text-ink">
                    <span className="tabular-nums text-accent">{action.number}</span> {title}
                  </h3>
                  {action.details ? <p className="whitespace-pre-line text-sm text-ink">{action.details}</p> : null}
                  <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2 lg:grid-cols-3">
                    {facts.map(([label, value]) => (
                      <div key={label}>
                        <dt className="text-ink-muted">{label}</dt>
                        <dd className="text-ink">{value}</dd>
                      </div>
                    ))}
                  </dl>
                  {action.tasks.length ? (
                    <div className="overflow-x-auto rounded-lg border border-border">
                      <table className="w-full border-collapse text-sm">
                        <caption className="sr-only">{t('tasks.caption', { number: action.number })}</caption>
                        <thead className="bg-canvas text-left">
                          <tr className="border-b border-border">
                            {(['department', 'role', 'dueDate', 'status'] as const).map((c) => (
                              <th key={c} scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                                {t(`tasks.columns.${c}`)}
                              </th>
                            ))}
                            <th scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                              {tLight('label')}
                            </th>
                            {manage ? (
                              <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted print:hidden">
                                <span className="sr-only">{t('tasks.columns.changes')}</span>
                              </th>
                            ) : null}
                          </tr>
                        </thead>
                        <tbody>
                          {action.tasks.map((task) => {
                            const department = localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale);
                            return (
                              <tr key={task.id ?? `d${task.departmentId}`} className="border-b border-border last:border-b-0">
                                <th scope="row" className="px-3 py-2 text-left align-top font-normal">
                                  {task.id ? (
                                    <Link href={`/tasks/${task.id}`} className="text-accent underline-offset-2 hover:underline">
                                      {department}
                                    </Link>
                                  ) : (
                                    department
                                  )}
                                </th>
                                <td className="px-3 py-2 align-top whitespace-nowrap">{t(`role.${task.role}`)}</td>
                                <td className="px-3 py-2 align-top whitespace-nowrap">{formatDate(task.dueDate, locale)}</td>
                                <td className="px-3 py-2 align-top">{task.status ? <TaskStatusBadge status={task.status} label={tStatus(task.status)} /> : none}</td>
                                <td className="px-3 py-2 align-top">{task.status ? <TrafficLightBadge light={task.light} label={tLight(task.light ?? 'none')} /> : none}</td>
                                {manage ? (
                                  <td className="px-3 py-1 text-right align-top print:hidden">
                                    {task.id && task.version && task.status && openStatuses.has(task.status) ? (
                                      <TaskChanges
                                        conferenceId={conference.id}
                                        taskId={task.id}
                                        version={task.version}
                                        departmentName={department}
                                        departments={free}
                                        canReassign={task.status !== 'submitted'}
                                      />
                                    ) : null}
                                  </td>
                                ) : null}
                              </tr>
                            );
                          })}
                        </tbody>
                      </table>
                    </div>
                  ) : (
                    <p className="text-sm text-ink-muted">{t('tasks.none')}</p>
                  )}
                  {manage ? <AddAssignmentDisclosure conferenceId={conference.id} actionId={action.id} actionNumber={action.number} departments={free} /> : null}
                </article>
              );
            })
          ) : (
            <p className="text-sm text-ink-muted">{manage ? t('empty') : t('emptyReadOnly')}</p>
          )}
        </CardContent>
        {manage ? (
          <CardContent className="border-t border-border py-5">
            <RecordActionForm
              conferenceId={conference.id}
              speakers={detail.speakers.map((s) => ({
                id: s.speaker.id,
                label: t('fields.speakerOption', { name: localizedName({ name: s.personName, nameEn: s.personNameEn }, locale), role: tRoles(s.speaker.role) }),
              }))}
              defaultSpeakerId={detail.speakers.find((s) => s.speaker.role === 'instructions')?.speaker.id ?? null}
              agendaItems={detail.agenda.map((a) => ({ id: a.id, label: localizedName({ name: a.title, nameEn: a.titleEn }, locale) }))}
              categories={categories.map((c) => ({ id: c.code, label: localizedName(c, locale) }))}
              departments={choices}
              meetingDay={cityDate(conference.startsAt)}
              defaultAcknowledgeBy={addWorkingDays(cityDate(new Date()), 2)}
            />
          </CardContent>
        ) : null}
      </Card>
    </section>
  );
}
