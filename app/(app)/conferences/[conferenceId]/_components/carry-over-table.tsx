import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { TaskStatusBadge } from '@/app/(app)/tasks/_components/task-badges';
import { Badge } from '@/app/_components/ui/badge';
import type { CarryOverTask } from '@/lib/data/carry-over';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';

const columns = ['action', 'department', 'role', 'dueDate', 'status'] as const;

/** Rows of one conference, in the order they came. */
function byConference(rows: CarryOverTask[]): CarryOverTask[][] {
  const groups: CarryOverTask[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.conferenceId === row.conferenceId) last.push(row);
    else groups.push([row]);
  }
  return groups;
}

/**
 * The earlier conferences' open tasks, one group of rows per conference (its title and date as the
 * group's header): action number and title linked to the task, department, role, due date with
 * 逾期 when late, status in words.
 */
export async function CarryOverTable({ rows, locale }: { rows: CarryOverTask[]; locale: Locale }) {
  const [t, tStatus, tRole] = await Promise.all([getTranslations('conferences.carryOver'), getTranslations('taskStatus'), getTranslations('taskRole')]);
  return (
    <div className="overflow-x-auto rounded-lg border border-border">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">{t('caption')}</caption>
        <thead className="bg-canvas text-left">
          <tr className="border-b border-border">
            {columns.map((column) => (
              <th key={column} scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                {t(`columns.${column}`)}
              </th>
            ))}
          </tr>
        </thead>
        {byConference(rows).map((group) => {
          const first = group[0]!;
          return (
            <tbody key={`${first.conferenceId}-${first.id}`}>
              <tr className="border-b border-border bg-canvas/60">
                <th scope="rowgroup" colSpan={columns.length} className="px-3 py-1.5 text-left font-medium text-ink">
                  {t('conferenceGroup', {
                    title: localizedName({ name: first.conferenceTitle, nameEn: first.conferenceTitleEn }, locale),
                    date: formatDate(first.conferenceStartsAt, locale),
                  })}
                </th>
              </tr>
              {group.map((row) => (
                <tr key={row.id} className="border-b border-border">
                  <td className="px-3 py-2 align-top">
                    <Link href={`/tasks/${row.id}`} className="text-ink underline-offset-2 hover:underline">
                      <span className="mr-2 whitespace-nowrap font-medium text-accent tabular-nums">{row.number}</span>
                      {localizedName({ name: row.title, nameEn: row.titleEn }, locale)}
                    </Link>
                  </td>
                  <td className="px-3 py-2 align-top text-ink">{localizedName({ name: row.departmentName, nameEn: row.departmentNameEn }, locale)}</td>
                  <td className="px-3 py-2 align-top whitespace-nowrap text-ink">{tRole(row.role)}</td>
                  <td className="px-3 py-2 align-top whitespace-nowrap text-ink">
                    <span className="tabular-nums">{formatDate(row.dueDate, locale)}</span>
                    {row.overdue ? (
                      <Badge tone="danger" className="ml-2">
                        {t('overdue')}
                      </Badge>
                    ) : null}
                  </td>
                  <td className="px-3 py-2 align-top">
                    <TaskStatusBadge status={row.status} label={tStatus(row.status)} />
                  </td>
                </tr>
              ))}
            </tbody>
          );
        })}
      </table>
    </div>
  );
}
