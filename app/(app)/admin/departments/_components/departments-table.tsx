'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableFacetedFilter, type FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import { Badge } from '@/app/_components/ui/badge';
import type { DepartmentRow } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import type { TableUrlState } from '@/lib/validation/list-query';
import { DepartmentRowActions } from './department-row-actions';

const columnHelper = createDataTableColumnHelper<DepartmentRow>();

export function DepartmentsTable({ rows, state, kindOptions }: { rows: DepartmentRow[]; state: TableUrlState; kindOptions: FacetOption[] }) {
  const t = useTranslations('adminDepartments');
  const tKinds = useTranslations('departmentKinds');
  const tTable = useTranslations('dataTable');
  const locale = useLocale();
  // Moving up and down changes the order of the list sorted by it; another order would hide the effect.
  const canMove = state.sort === 'sortOrder' && state.dir === 'asc';

  const columns = useMemo(
    () => [
      columnHelper.accessor('sortOrder', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.sortOrder')} />,
        meta: { label: t('fields.sortOrder'), className: 'w-20 text-right tabular-nums' },
        enableHiding: false,
      }),
      columnHelper.accessor('code', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.code')} />,
        meta: { label: t('fields.code'), className: 'whitespace-nowrap font-mono text-xs' },
      }),
      columnHelper.accessor('name', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.name')} />,
        meta: { label: t('fields.name') },
        enableHiding: false,
        cell: ({ row }) => {
          const d = row.original;
          const other = locale === 'en' ? d.name : d.nameEn;
          return (
            <>
              <Link href={`/admin/departments/${d.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
                {localizedName(d, locale)}
              </Link>
              {other && other !== localizedName(d, locale) ? (
                <span lang={locale === 'en' ? 'zh-CN' : 'en'} className="block text-xs text-ink-muted">
                  {other}
                </span>
              ) : null}
            </>
          );
        },
      }),
      columnHelper.accessor((d) => (locale === 'en' && d.shortNameEn ? d.shortNameEn : (d.shortName ?? '')), {
        id: 'shortName',
        header: t('fields.shortName'),
        meta: { label: t('fields.shortName') },
        enableSorting: false,
        cell: ({ getValue }) => getValue() || <span className="text-ink-muted">—</span>,
      }),
      columnHelper.accessor('kind', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.kind')} />,
        meta: { label: t('fields.kind'), className: 'whitespace-nowrap' },
        cell: ({ getValue }) => tKinds(getValue()),
      }),
      columnHelper.accessor('active', {
        header: t('fields.active'),
        meta: { label: t('fields.active'), className: 'whitespace-nowrap' },
        enableSorting: false,
        cell: ({ getValue }) => <Badge tone={getValue() ? 'success' : 'neutral'}>{getValue() ? t('active') : t('inactive')}</Badge>,
      }),
      columnHelper.display({
        id: 'actions',
        header: () => <span className="sr-only">{tTable('actions')}</span>,
        enableHiding: false,
        cell: ({ row }) => <DepartmentRowActions department={row.original} name={localizedName(row.original, locale)} canMove={canMove} />,
      }),
    ],
    [t, tKinds, tTable, locale, canMove],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });
  const activeOptions = [
    { value: 'true', label: t('active') },
    { value: 'false', label: t('inactive') },
  ];

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('empty')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <DataTableFacetedFilter title={t('fields.kind')} value={state.filters.kind} options={kindOptions} onChange={(v) => url.setParams({ kind: v })} />
        <DataTableFacetedFilter title={t('fields.active')} value={state.filters.active} options={activeOptions} onChange={(v) => url.setParams({ active: v })} />
      </DataTableToolbar>
    </DataTable>
  );
}
