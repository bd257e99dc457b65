'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableFacetedFilter, type FacetOption } from '@/app/_components/data-table/data-table-faceted-filter';
import { DataTableViewOptions } from '@/app/_components/data-table/data-table-view-options';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import { type IndicatorMeasure, indicatorMeasures } from '@/lib/domain/indicators';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { TableUrlState } from '@/lib/validation/list-query';
import { formatMeasure, formatYearMonth } from './format';

export type IndicatorMonthTableRow = Record<IndicatorMeasure, number> & { id: number; year: number; month: number; updatedAt: string };

type Props = {
  rows: IndicatorMonthTableRow[];
  state: TableUrlState;
  yearOptions: FacetOption[];
  /** Secretaries and admins get a "correct" link per month. */
  canManage: boolean;
  region: string;
};

const columnHelper = createDataTableColumnHelper<IndicatorMonthTableRow>();
const hideable = new Set<string>(['injuries', 'directLoss']);

/** The recorded months of the chosen region, sorted and paged on the server. */
export function IndicatorMonthsTable({ rows, state, yearOptions, canManage, region }: Props) {
  const t = useTranslations('indicators');
  const tTable = useTranslations('dataTable');
  const locale = useLocale() as Locale;
  const pathname = usePathname();
  const searchParams = useSearchParams();

  const columns = useMemo(() => {
    const editHref = (id: number) => {
      const params = new URLSearchParams(searchParams.toString());
      params.set('edit', String(id));
      return `${pathname}?${params.toString()}#indicator-form`;
    };
    return [
      columnHelper.accessor((row) => row.year * 12 + row.month, {
        id: 'period',
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('records.period')} />,
        meta: { label: t('records.period'), className: 'whitespace-nowrap' },
        enableHiding: false,
        cell: ({ row }) => <span className="font-medium">{formatYearMonth(row.original, locale)}</span>,
      }),
      ...indicatorMeasures.map((m) =>
        columnHelper.accessor(m, {
          header: ({ column }) => <DataTableColumnHeader column={column} title={t(`measures.${m}`)} />,
          meta: { label: t(`measures.${m}`), className: 'text-right tabular-nums' },
          enableHiding: hideable.has(m),
          cell: ({ getValue }) => formatMeasure(m, getValue(), locale),
        }),
      ),
      columnHelper.accessor('updatedAt', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('records.updatedAt')} />,
        meta: { label: t('records.updatedAt'), className: 'whitespace-nowrap text-ink-muted' },
        cell: ({ getValue }) => formatDateTime(getValue(), locale),
      }),
      ...(canManage
        ? [
            columnHelper.display({
              id: 'actions',
              header: () => <span className="sr-only">{tTable('actions')}</span>,
              enableHiding: false,
              cell: ({ row }) => (
                <Link
                  href={editHref(row.original.id)}
                  // The name starts with the visible word, then says which month.
                  aria-label={t('records.correctWhich', { period: formatYearMonth(row.original, locale), region })}
                  className="text-sm font-medium text-accent underline-offset-2 hover:underline print:hidden"
                >
                  {t('records.correct')}
                </Link>
              ),
            }),
          ]
        : []),
    ];
  }, [t, tTable, locale, canManage, region, pathname, searchParams]);

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });

  return (
    <DataTable table={table} caption={t('records.caption', { region })} pending={url.pending} emptyMessage={t('records.empty')}>
      <div className="flex flex-wrap items-end gap-2 print:hidden">
        <DataTableFacetedFilter title={t('records.year')} value={state.filters.year} options={yearOptions} onChange={(year) => url.setParams({ year })} />
        <div className="ml-auto">
          <DataTableViewOptions table={table} />
        </div>
      </div>
    </DataTable>
  );
}
