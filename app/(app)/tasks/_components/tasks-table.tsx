'use client';

import { type Dispatch, type SetStateAction, useId, useMemo, useState } from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Download } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableDateFilter } from '@/app/_components/data-table/data-table-date-filter';
import { DataTableFacetedFilter, type FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import { buttonClasses } from '@/app/_components/ui/button';
import type { Locale } from '@/lib/i18n/config';
import { formatDate, formatNumber } from '@/lib/i18n/format';
import type { TrafficLight } from '@/lib/domain/task-light';
import type { TaskStatus } from '@/lib/domain/task-state';
import type { TableUrlState } from '@/lib/validation/list-query';
import { MultiFacetFilter } from './multi-facet-filter';
import { TaskStatusBadge, TrafficLightBadge } from './task-badges';
import { TasksBulkBar } from './tasks-bulk-bar';

export type TaskTableRow = {
  id: number;
  number: string;
  title: string;
  department: string;
  role: 'lead' | 'support';
  dueDate: string;
  status: TaskStatus;
  light: TrafficLight | null;
  progress: number;
  overdue: boolean;
  version: number;
};

type TasksTableProps = {
  rows: TaskTableRow[];
  state: TableUrlState;
  statusOptions: FacetOption[];
  lightOptions: FacetOption[];
  roleOptions: FacetOption[];
  /** Null for a department head, who only ever sees their own department. */
  departmentOptions: FacetOption[] | null;
  conferenceOptions: FacetOption[];
  categoryOptions: FacetOption[];
  priorityOptions: FacetOption[];
  /** The office may select rows and change their due date or remind them at once. */
  canBulk: boolean;
  /** False when more than `state.total` tasks match (the count stops there; pages go on). */
  exactCount: boolean;
};

const columnHelper = createDataTableColumnHelper<TaskTableRow>();
/** Shown from md up: a phone keeps number, title, due date, status and light. */
const wide = 'hidden md:table-cell';
/** Not part of a CSV link: the export holds all pages and every column. */
const viewOnlyParams = ['page', 'pageSize', 'hide'];

export function TasksTable(props: TasksTableProps) {
  const { rows, state, statusOptions, lightOptions, roleOptions, departmentOptions, conferenceOptions, categoryOptions, priorityOptions, canBulk, exactCount } = props;
  const t = useTranslations('tasks.table');
  const tCount = useTranslations('taskListCount');
  const tStatus = useTranslations('taskStatus');
  const tRole = useTranslations('taskRole');
  const tLight = useTranslations('trafficLight');
  const tSelect = useTranslations('tasksTable');
  const locale = useLocale() as Locale;
  const searchParams = useSearchParams();
  const overdueId = useId();
  const [selectedIds, setSelectedIds] = useState<ReadonlySet<number>>(new Set());
  // Only rows of this page can be selected: a new page, filter or refresh keeps those still shown.
  const selected = useMemo(() => rows.filter((r) => selectedIds.has(r.id)), [rows, selectedIds]);

  const columns = useMemo(
    () => [
      ...(canBulk ? [selectColumn(rows, selectedIds, setSelectedIds, tSelect)] : []),
      columnHelper.accessor('number', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.number')} />,
        meta: { label: t('columns.number'), className: 'whitespace-nowrap' },
        enableHiding: false,
        cell: ({ row }) => (
          <Link href={`/tasks/${row.original.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
            {row.original.number}
          </Link>
        ),
      }),
      columnHelper.accessor('title', {
        header: t('columns.title'),
        meta: { label: t('columns.title'), className: 'min-w-40 md:min-w-48' },
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {row.original.title}
            {/* On a phone the department and role columns are hidden: say them here. */}
            <span className="mt-0.5 block text-xs text-ink-muted md:hidden">
              {row.original.department} · {tRole(row.original.role)}
            </span>
          </>
        ),
      }),
      columnHelper.accessor('department', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.department')} />,
        meta: { label: t('columns.department'), className: wide },
      }),
      columnHelper.accessor('role', {
        header: t('columns.role'),
        meta: { label: t('columns.role'), className: `${wide} whitespace-nowrap` },
        enableSorting: false,
        cell: ({ getValue }) => tRole(getValue()),
      }),
      columnHelper.accessor('dueDate', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.dueDate')} />,
        meta: { label: t('columns.dueDate'), className: 'whitespace-nowrap' },
        cell: ({ getValue }) => formatDate(getValue(), locale),
      }),
      columnHelper.accessor('status', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.status')} />,
        meta: { label: t('columns.status'), className: 'whitespace-nowrap' },
        cell: ({ getValue }) => <TaskStatusBadge status={getValue()} label={tStatus(getValue())} />,
      }),
      columnHelper.accessor((row) => row.light ?? '', {
        id: 'light',
        header: tLight('label'),
        meta: { label: tLight('label'), className: 'whitespace-nowrap' },
        enableSorting: false,
        cell: ({ row }) => <TrafficLightBadge light={row.original.light} label={tLight(row.original.light ?? 'none')} />,
      }),
      columnHelper.accessor('progress', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.progress')} />,
        meta: { label: t('columns.progress'), className: `${wide} whitespace-nowrap text-right` },
        cell: ({ getValue }) => formatNumber(getValue() / 100, locale, { style: 'percent', maximumFractionDigits: 0 }),
      }),
    ],
    [t, tStatus, tRole, tLight, tSelect, locale, canBulk, rows, selectedIds],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });

  const exportParams = new URLSearchParams(searchParams.toString());
  for (const key of viewOnlyParams) exportParams.delete(key);
  const exportQuery = exportParams.toString();
  const exportHref = `/api/tasks/export${exportQuery ? `?${exportQuery}` : ''}`;
  const overdueOnly = state.filters.overdue !== undefined;

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('empty')} totalIsLowerBound={!exactCount}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <MultiFacetFilter title={t('columns.status')} value={state.filters.status} options={statusOptions} onChange={(v) => url.setParams({ status: v })} />
        <MultiFacetFilter title={tLight('label')} value={state.filters.light} options={lightOptions} onChange={(v) => url.setParams({ light: v })} />
        {departmentOptions ? (
          <MultiFacetFilter
            title={t('columns.department')}
            value={state.filters.departmentId}
            options={departmentOptions}
            onChange={(v) => url.setParams({ departmentId: v })}
          />
        ) : null}
        <DataTableFacetedFilter title={t('columns.role')} value={state.filters.role} options={roleOptions} onChange={(v) => url.setParams({ role: v })} />
        <DataTableFacetedFilter
          title={t('filters.conference')}
          value={state.filters.conferenceId}
          options={conferenceOptions}
          onChange={(v) => url.setParams({ conferenceId: v })}
        />
        <MultiFacetFilter title={t('filters.category')} value={state.filters.categoryCode} options={categoryOptions} onChange={(v) => url.setParams({ categoryCode: v })} />
        <MultiFacetFilter title={t('filters.priority')} value={state.filters.priority} options={priorityOptions} onChange={(v) => url.setParams({ priority: v })} />
        <DataTableDateFilter label={t('dueFrom')} value={state.filters.dueFrom} max={state.filters.dueTo} onChange={(dueFrom) => url.setParams({ dueFrom })} />
        <DataTableDateFilter label={t('dueTo')} value={state.filters.dueTo} min={state.filters.dueFrom} onChange={(dueTo) => url.setParams({ dueTo })} />
        <DataTableDateFilter
          label={t('completedFrom')}
          value={state.filters.completedFrom}
          max={state.filters.completedTo}
          onChange={(completedFrom) => url.setParams({ completedFrom })}
        />
        <DataTableDateFilter
          label={t('completedTo')}
          value={state.filters.completedTo}
          min={state.filters.completedFrom}
          onChange={(completedTo) => url.setParams({ completedTo })}
        />
        <div className="flex h-8 items-center gap-2">
          <input
            id={overdueId}
            type="checkbox"
            checked={overdueOnly}
            onChange={(event) => url.setParams({ overdue: event.target.checked ? '1' : null })}
            className="size-4 accent-accent"
          />
          <label htmlFor={overdueId} className="text-sm text-ink">
            {t('overdueOnly')}
          </label>
        </div>
      </DataTableToolbar>
      {canBulk ? <TasksBulkBar selected={selected.map(({ id, version }) => ({ id, version }))} /> : null}
      <div className="flex flex-wrap items-center justify-between gap-2 text-sm">
        <p className="text-ink-muted">
          {exactCount ? t('count', { total: formatNumber(state.total, locale) }) : tCount('moreThan', { total: formatNumber(state.total, locale) })}
        </p>
        <a href={exportHref} download className={buttonClasses('secondary', 'sm')} title={t('exportHint')}>
          <Download aria-hidden="true" />
          {t('export')}
        </a>
      </div>
    </DataTable>
  );
}

/**
 * The checkbox column: one box per row and one in the header for every row of this page (mixed
 * when some are ticked). Native checkboxes, so Tab and Space work and screen readers name them.
 */
function selectColumn(
  rows: TaskTableRow[],
  selectedIds: ReadonlySet<number>,
  setSelectedIds: Dispatch<SetStateAction<ReadonlySet<number>>>,
  t: (key: 'selectAll' | 'selectRow', values?: Record<string, string>) => string,
) {
  const count = rows.filter((r) => selectedIds.has(r.id)).length;
  const all = rows.length > 0 && count === rows.length;
  return columnHelper.display({
    id: 'select',
    header: () => (
      <input
        type="checkbox"
        aria-label={t('selectAll')}
        checked={all}
        disabled={!rows.length}
        ref={(el) => {
          if (el) el.indeterminate = count > 0 && !all;
        }}
        onChange={(event) => setSelectedIds(event.target.checked ? new Set(rows.map((r) => r.id)) : new Set())}
        className="size-4 accent-accent"
      />
    ),
    meta: { label: t('selectAll'), className: 'w-8 print:hidden' },
    enableHiding: false,
    enableSorting: false,
    cell: ({ row }) => (
      <input
        type="checkbox"
        aria-label={t('selectRow', { number: row.original.number, department: row.original.department })}
        checked={selectedIds.has(row.original.id)}
        onChange={(event) => {
          const { checked } = event.target;
          setSelectedIds((prev) => {
            const next = new Set(prev);
            if (checked) next.add(row.original.id);
            else next.delete(row.original.id);
            return next;
          });
        }}
        className="size-4 accent-accent"
      />
    ),
  });
}
