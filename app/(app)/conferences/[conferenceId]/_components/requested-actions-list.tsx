import { ClipboardList } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { ConferenceAction } from '@/lib/data/actions';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';

/**
 * The 部署要求 as the minutes and the notice print them: each action with who asked for it, its
 * lead and supporting departments and their due dates. Withdrawn assignments are left out: the
 * papers say who does the work.
 */
export async function RequestedActionsList({ actions, locale }: { actions: ConferenceAction[]; locale: Locale }) {
  const t = await getTranslations('requestedActions.list');
  if (!actions.length) {
    return (
      <p className="flex items-start gap-2 text-ink-muted">
        <ClipboardList className="mt-1 size-4 shrink-0 print:hidden" aria-hidden="true" />
        {t('none')}
      </p>
    );
  }
  const separator = locale === 'en' ? '; ' : '；';
  const departmentsOf = (tasks: ConferenceAction['tasks']) =>
    tasks
      .map((task) => t('departmentDue', { department: localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale), date: formatDate(task.dueDate, locale) }))
      .join(separator);
  return (
    <ol className="space-y-4 text-ink">
      {actions.map((action) => {
        const current = action.tasks.filter((task) => !task.withdrawn);
        const lead = current.filter((task) => task.role === 'lead');
        const support = current.filter((task) => task.role === 'support');
        const requester = action.requestedByName ? localizedName({ name: action.requestedByName, nameEn: action.requestedByNameEn }, locale) : null;
        const position = locale === 'en' && action.requestedByPositionEn ? action.requestedByPositionEn : action.requestedByPosition;
        return (
          <li key={action.id} className="break-inside-avoid">
            <p className="font-medium">
              <span className="tabular-nums">{action.number}</span> {localizedName({ name: action.title, nameEn: action.titleEn }, locale)}
            </p>
            {action.details ? <p className="mt-0.5 whitespace-pre-line text-sm">{action.details}</p> : null}
            <dl className="mt-1 grid gap-x-3 gap-y-0.5 text-sm sm:grid-cols-[7em_1fr] print:grid-cols-[7em_1fr]">
              {requester ? (
                <div className="contents">
                  <dt className="text-ink-muted">{t('requestedBy')}</dt>
                  <dd>{position ? `${position} ${requester}` : requester}</dd>
                </div>
              ) : null}
              <div className="contents">
                <dt className="text-ink-muted">{t('lead')}</dt>
                <dd>{lead.length ? departmentsOf(lead) : t('noneAssigned')}</dd>
              </div>
              {support.length ? (
                <div className="contents">
                  <dt className="text-ink-muted">{t('support')}</dt>
                  <dd>{departmentsOf(support)}</dd>
                </div>
              ) : null}
            </dl>
          </li>
        );
      })}
    </ol>
  );
}
