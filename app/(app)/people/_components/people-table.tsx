'use client';

import { useMemo } from 'react';
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import type { Locale } from '@/lib/i18n/config';
import { formatNumber } from '@/lib/i18n/format';
import type { TableUrlState } from '@/lib/validation/list-query';

export type PersonTableRow = {
  id: number;
  /** In the reader's language, with the other language's name beside it when there is one. */
  name: string;
  otherName: string | null;
  position: string | null;
  organization: string | null;
  speeches: number;
};

const columnHelper = createDataTableColumnHelper<PersonTableRow>();
const none = <span className="text-ink-muted">—</span>;

export function PeopleTable({ rows, state }: { rows: PersonTableRow[]; state: TableUrlState }) {
  const t = useTranslations('people');
  const locale = useLocale() as Locale;

  const columns = useMemo(
    () => [
      columnHelper.accessor('name', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.name')} />,
        meta: { label: t('fields.name'), className: 'min-w-40' },
        enableHiding: false,
        cell: ({ row }) => (
          <>
            <Link href={`/people/${row.original.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
              {row.original.name}
            </Link>
            {row.original.otherName ? (
              <span lang={locale === 'en' ? 'zh-CN' : 'en'} className="block text-xs text-ink-muted">
                {row.original.otherName}
              </span>
            ) : null}
          </>
        ),
      }),
      columnHelper.accessor((row) => row.position ?? '', {
        id: 'position',
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.position')} />,
        meta: { label: t('fields.position') },
        enableHiding: false,
        cell: ({ row }) => row.original.position ?? none,
      }),
      columnHelper.accessor((row) => row.organization ?? '', {
        id: 'organization',
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.organization')} />,
        meta: { label: t('fields.organization') },
        cell: ({ row }) => row.original.organization ?? none,
      }),
      columnHelper.accessor('speeches', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('columns.speeches')} />,
        meta: { label: t('columns.speeches'), className: 'w-32 text-right tabular-nums' },
        cell: ({ getValue }) => formatNumber(getValue(), locale),
      }),
    ],
    [t, locale],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('noMatches')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')} />
    </DataTable>
  );
}
