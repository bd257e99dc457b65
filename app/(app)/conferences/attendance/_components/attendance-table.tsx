'use client';

import { useMemo } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableDateFilter } from '@/app/_components/data-table/data-table-date-filter';
import { DataTableFacetedFilter, type FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber, formatPercent } from '@/lib/i18n/format';
import type { TableUrlState } from '@/lib/validation/list-query';

export type AttendanceTableRow = {
  departmentId: number;
  /** In the reader's language. */
  department: string;
  kind: string;
  invited: number;
  present: number;
  absent: number;
  excused: number;
  unknown: number;
  rate: number;
};

type Props = {
  rows: AttendanceTableRow[];
  state: TableUrlState;
  yearOptions: FacetOption[];
  kindOptions: FacetOption[];
};

const columnHelper = createDataTableColumnHelper<AttendanceTableRow>();
const counts = ['invited', 'present', 'absent', 'excused', 'unknown'] as const;

export function AttendanceTable({ rows, state, yearOptions, kindOptions }: Props) {
  const t = useTranslations('attendanceRates');
  const locale = useLocale() as Locale;
  const ranged = state.filters.from !== undefined || state.filters.to !== undefined;

  const columns = useMemo(
    () => [
      columnHelper.accessor('department', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.department')} />,
        meta: { label: t('columns.department'), className: 'min-w-48' },
        enableHiding: false,
        cell: ({ row }) => (
          <>
            <span className="font-medium">{row.original.department}</span>
            <span className="block text-xs text-ink-muted">{row.original.kind}</span>
          </>
        ),
      }),
      ...counts.map((key) =>
        columnHelper.accessor(key, {
          header: ({ column }) => <DataTableColumnHeader column={column} title={t(`columns.${key}`)} />,
          meta: { label: t(`columns.${key}`), className: 'w-24 text-right tabular-nums' },
          enableHiding: key !== 'invited' && key !== 'present',
          cell: ({ getValue }) => formatNumber(getValue(), locale),
        }),
      ),
      columnHelper.accessor('rate', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.rate')} />,
        meta: { label: t('columns.rate'), className: 'w-28 text-right tabular-nums' },
        enableHiding: false,
        cell: ({ getValue }) => <span className="font-medium">{formatPercent(getValue(), locale)}</span>,
      }),
    ],
    [t, locale],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.departmentId) });

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('noMatches')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        {/* A year and a range exclude each other: choosing one clears the other. */}
        <DataTableFacetedFilter
          title={t('filters.year')}
          value={ranged ? undefined : state.filters.year}
          options={yearOptions}
          onChange={(year) => url.setParams({ year: year ?? null, from: null, to: null })}
        />
        <DataTableDateFilter label={t('filters.from')} value={state.filters.from} max={state.filters.to} onChange={(from) => url.setParams({ from: from ?? null, year: null })} />
        <DataTableDateFilter label={t('filters.to')} value={state.filters.to} min={state.filters.from} onChange={(to) => url.setParams({ to: to ?? null, year: null })} />
        <DataTableFacetedFilter title={t('filters.kind')} value={state.filters.kind} options={kindOptions} onChange={(kind) => url.setParams({ kind })} />
      </DataTableToolbar>
    </DataTable>
  );
}
