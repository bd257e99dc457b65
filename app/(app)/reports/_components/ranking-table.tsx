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
import type { ScorecardRow } from '@/lib/data/scorecards';
import type { Locale } from '@/lib/i18n/config';
import type { TableUrlState } from '@/lib/validation/list-query';
import { type RankingFigure, rankingFigureColumns } from '@/lib/validation/scoring';
import { formatFigure, formatScore } from './figure-format';

export type RankingTableRow = ScorecardRow & {
  /** In the reader's language. */
  department: string;
  kindLabel: string;
  /** The department's scorecard page for the same period. */
  href: string;
};

type Props = {
  rows: RankingTableRow[];
  state: TableUrlState;
  kindOptions: FacetOption[];
};

const columnHelper = createDataTableColumnHelper<RankingTableRow>();
/** Always shown: what the ranking is about. */
const fixed: readonly RankingFigure[] = ['score', 'assigned', 'completedOnTime', 'onTimeRate', 'overdueNow', 'returns', 'attendanceRate'];

/** The ranking: rank, department (to its scorecard), score and every figure; sorted on the server by the URL. */
export function RankingTable({ rows, state, kindOptions }: Props) {
  const t = useTranslations('ranking');
  const locale = useLocale() as Locale;

  const columns = useMemo(
    () => [
      columnHelper.accessor('rank', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.rank')} />,
        meta: { label: t('columns.rank'), className: 'w-16 text-right tabular-nums' },
        enableHiding: false,
        cell: ({ getValue }) => <span className="font-semibold">{getValue() ?? '—'}</span>,
      }),
      columnHelper.accessor('department', {
        header: t('columns.department'),
        meta: { label: t('columns.department'), className: 'min-w-44' },
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) => (
          <>
            <Link href={row.original.href} className="font-medium text-accent underline-offset-2 hover:underline">
              {row.original.department}
            </Link>
            <span className="block text-xs text-ink-muted">{row.original.kindLabel}</span>
          </>
        ),
      }),
      ...rankingFigureColumns.map((key) =>
        columnHelper.accessor(key, {
          header: ({ column }) => <DataTableColumnHeader column={column} title={t(`columns.${key}`)} />,
          meta: { label: t(`columns.${key}`), className: 'text-right tabular-nums' },
          enableHiding: !fixed.includes(key),
          cell: ({ getValue, row }) =>
            key === 'score' ? <span className="font-semibold">{formatScore(row.original, locale, t('notDueYet'))}</span> : formatFigure(key, getValue(), locale),
        }),
      ),
    ],
    [t, locale],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.departmentId) });

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('noMatches')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <DataTableFacetedFilter title={t('filters.kind')} value={state.filters.kind} options={kindOptions} onChange={(kind) => url.setParams({ kind })} />
      </DataTableToolbar>
    </DataTable>
  );
}
