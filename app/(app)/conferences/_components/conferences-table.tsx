'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { ArrowDownUp } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableFacetedFilter, type FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import { Button } from '@/app/_components/ui/button';
import type { ConferenceStatus } from '@/lib/domain/conference-status';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { TableUrlState } from '@/lib/validation/list-query';
import { ConferenceStatusBadge } from './conference-status-badge';

export type ConferenceTableRow = {
  id: number;
  title: string;
  /** "2027年第一季度" or "2027年专题会议", already in the user's language. */
  period: string;
  startsAt: Date;
  format: string;
  status: ConferenceStatus;
  chair: string | null;
};

type ConferencesTableProps = {
  rows: ConferenceTableRow[];
  state: TableUrlState;
  yearOptions: FacetOption[];
  quarterOptions: FacetOption[];
  statusOptions: FacetOption[];
  formatOptions: FacetOption[];
};

const columnHelper = createDataTableColumnHelper<ConferenceTableRow>();

export function ConferencesTable({ rows, state, yearOptions, quarterOptions, statusOptions, formatOptions }: ConferencesTableProps) {
  const t = useTranslations('conferences');
  const tStatus = useTranslations('conferenceStatuses');
  const locale = useLocale() as Locale;

  const columns = useMemo(
    () => [
      columnHelper.accessor('title', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.title')} />,
        meta: { label: t('columns.title'), className: 'min-w-64' },
        enableHiding: false,
        cell: ({ row }) => (
          <Link href={`/conferences/${row.original.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
            {row.original.title}
          </Link>
        ),
      }),
      columnHelper.accessor('period', {
        header: t('columns.period'),
        meta: { label: t('columns.period'), className: 'whitespace-nowrap' },
        enableSorting: false,
      }),
      columnHelper.accessor('startsAt', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.startsAt')} />,
        meta: { label: t('columns.startsAt'), className: 'whitespace-nowrap tabular-nums' },
        enableHiding: false,
        cell: ({ getValue }) => formatDateTime(getValue(), locale),
      }),
      columnHelper.accessor('format', {
        header: t('columns.format'),
        meta: { label: t('columns.format'), className: 'whitespace-nowrap' },
        enableSorting: false,
      }),
      columnHelper.accessor('status', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.status')} />,
        meta: { label: t('columns.status'), className: 'whitespace-nowrap' },
        enableHiding: false,
        cell: ({ getValue }) => <ConferenceStatusBadge status={getValue()} label={tStatus(getValue())} />,
      }),
      columnHelper.accessor((row) => row.chair ?? '', {
        id: 'chair',
        header: t('columns.chair'),
        meta: { label: t('columns.chair'), className: 'whitespace-nowrap' },
        enableSorting: false,
        cell: ({ row }) => row.original.chair ?? <span className="text-ink-muted">—</span>,
      }),
    ],
    [t, tStatus, locale],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('noMatches')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <DataTableFacetedFilter title={t('filters.year')} value={state.filters.year} options={yearOptions} onChange={(v) => url.setParams({ year: v })} />
        <DataTableFacetedFilter title={t('filters.quarter')} value={state.filters.quarter} options={quarterOptions} onChange={(v) => url.setParams({ quarter: v })} />
        <DataTableFacetedFilter title={t('filters.status')} value={state.filters.status} options={statusOptions} onChange={(v) => url.setParams({ status: v })} />
        <DataTableFacetedFilter title={t('filters.format')} value={state.filters.format} options={formatOptions} onChange={(v) => url.setParams({ format: v })} />
        {state.sort !== state.defaultSort ? (
          // Sorted by a column: the way back to the default order (upcoming first), which no column shows.
          <Button variant="ghost" size="sm" onClick={() => url.setSorting(state.defaultSort, state.defaultDir)}>
            <ArrowDownUp aria-hidden="true" />
            {t('sortUpcoming')}
          </Button>
        ) : null}
      </DataTableToolbar>
    </DataTable>
  );
}
