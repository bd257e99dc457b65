import type { Metadata } from 'next';
import Link from 'next/link';
import { ClipboardList } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listDepartmentOptions } from '@/lib/data/departments';
import { taskFilterOptions } from '@/lib/data/task-filter-options';
import { listTasks } from '@/lib/data/task-list';
import { taskStatuses } from '@/lib/domain/task-state';
import { localizedName } from '@/lib/i18n/localized';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { taskListConfig, taskPriorities, taskRoles, toTaskListQuery, trafficLights } from '@/lib/validation/task-list';
import { type TaskTableRow, TasksTable } from './_components/tasks-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tasks');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TasksPage({ searchParams }: Props) {
  const actor = await requireActor();
  const [t, tStatus, tRole, tLight, locale] = await Promise.all([
    getTranslations('tasks'),
    getTranslations('taskStatus'),
    getTranslations('taskRole'),
    getTranslations('trafficLight'),
    getLocale(),
  ]);
  const query = parseListQuery(taskListConfig, await searchParams);
  // A department head only ever sees their own department (the data layer scopes), so no choice of departments.
  const ownDepartmentOnly = actor.role === 'department_head';
  const [firstResult, departments, options, tPriority] = await Promise.all([
    listTasks(actor, toTaskListQuery(query)),
    ownDepartmentOnly ? Promise.resolve(null) : listDepartmentOptions(actor),
    taskFilterOptions(actor),
    getTranslations('taskPage.priorities'),
  ]);
  let result = firstResult;
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listTasks(actor, toTaskListQuery(query));
  }
  const rows: TaskTableRow[] = result.rows.map((task) => ({
    id: task.id,
    number: task.number,
    title: locale === 'en' && task.titleEn ? task.titleEn : task.title,
    department: localizedName({ name: task.departmentName, nameEn: task.departmentNameEn }, locale),
    role: task.role,
    dueDate: String(task.dueDate),
    status: task.status,
    light: task.light,
    progress: task.progress,
    overdue: task.overdue,
    version: task.version,
  }));

  const state = tableUrlState(taskListConfig, query, result.total);
  const filtered = Boolean(state.q) || Object.values(state.filters).some((v) => v !== undefined);

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {result.total === 0 && !filtered ? (
        <EmptyState
          icon={ClipboardList}
          title={t('empty.title')}
          description={t('empty.description')}
          action={
            <Button asChild variant="secondary">
              <Link href="/conferences">{t('empty.action')}</Link>
            </Button>
          }
        />
      ) : (
        <TasksTable
          rows={rows}
          state={state}
          statusOptions={taskStatuses.map((status) => ({ value: status, label: tStatus(status) }))}
          lightOptions={trafficLights.map((light) => ({ value: light, label: tLight(light) }))}
          roleOptions={taskRoles.map((role) => ({ value: role, label: tRole(role) }))}
          departmentOptions={departments ? departments.map((d) => ({ value: String(d.id), label: localizedName(d, locale) })) : null}
          conferenceOptions={options.conferences.map((c) => ({ value: String(c.id), label: locale === 'en' && c.titleEn ? c.titleEn : c.title }))}
          categoryOptions={options.categories.map((c) => ({ value: c.code, label: localizedName(c, locale) }))}
          priorityOptions={taskPriorities.map((p) => ({ value: p, label: tPriority(p) }))}
          canBulk={can(actor, 'task.remind') && can(actor, 'task.changeDueDate')}
          exactCount={result.exact}
        />
      )}
    </>
  );
}
