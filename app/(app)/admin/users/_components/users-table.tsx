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
import type { Role } from '@/lib/auth/actor';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import type { TableUrlState } from '@/lib/validation/list-query';

export type UserTableRow = {
  id: number;
  username: string;
  displayName: string;
  email: string | null;
  role: Role;
  department: string | null;
  active: boolean;
  mustChangePassword: boolean;
  lastSignInAt: Date | null;
};

const columnHelper = createDataTableColumnHelper<UserTableRow>();

export function UsersTable({ rows, state, roleOptions }: { rows: UserTableRow[]; state: TableUrlState; roleOptions: FacetOption[] }) {
  const t = useTranslations('adminUsers');
  const tRoles = useTranslations('roles');
  const tTable = useTranslations('dataTable');
  const locale = useLocale() as Locale;

  const columns = useMemo(
    () => [
      columnHelper.accessor('username', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.username')} />,
        meta: { label: t('fields.username'), className: 'whitespace-nowrap' },
        enableHiding: false,
        cell: ({ row }) => (
          <Link href={`/admin/users/${row.original.id}`} className="font-medium text-accent underline-offset-2 hover:underline">
            {row.original.username}
          </Link>
        ),
      }),
      columnHelper.accessor('displayName', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.displayName')} />,
        meta: { label: t('fields.displayName') },
      }),
      columnHelper.accessor((row) => row.email ?? '', {
        id: 'email',
        header: t('fields.email'),
        meta: { label: t('fields.email') },
        enableSorting: false,
        cell: ({ getValue }) => getValue() || <span className="text-ink-muted">—</span>,
      }),
      columnHelper.accessor('role', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.role')} />,
        meta: { label: t('fields.role'), className: 'whitespace-nowrap' },
        cell: ({ getValue }) => tRoles(getValue()),
      }),
      columnHelper.accessor((row) => row.department ?? '', {
        id: 'department',
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.department')} />,
        meta: { label: t('fields.department') },
        cell: ({ row }) => row.original.department ?? <span className="text-ink-muted">—</span>,
      }),
      columnHelper.accessor('active', {
        header: t('fields.active'),
        meta: { label: t('fields.active'), className: 'whitespace-nowrap' },
        enableSorting: false,
        cell: ({ row }) => (
          <span className="inline-flex flex-wrap gap-1">
            <Badge tone={row.original.active ? 'success' : 'neutral'}>{row.original.active ? t('active') : t('inactive')}</Badge>
            {row.original.mustChangePassword ? <Badge tone="warning">{t('mustChangePassword')}</Badge> : null}
          </span>
        ),
      }),
      columnHelper.accessor('lastSignInAt', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.lastSignInAt')} />,
        meta: { label: t('fields.lastSignInAt'), className: 'whitespace-nowrap' },
        sortDescFirst: true,
        cell: ({ getValue }) => {
          const at = getValue();
          return at ? formatDateTime(at, locale) : <span className="text-ink-muted">{t('neverSignedIn')}</span>;
        },
      }),
      columnHelper.display({
        id: 'actions',
        header: () => <span className="sr-only">{tTable('actions')}</span>,
        meta: { className: 'text-right' },
        enableHiding: false,
        cell: ({ row }) => (
          <Link
            href={`/admin/users/${row.original.id}`}
            aria-label={t('editNamed', { name: row.original.displayName })}
            className="whitespace-nowrap text-accent underline-offset-2 hover:underline"
          >
            {t('edit')}
          </Link>
        ),
      }),
    ],
    [t, tRoles, tTable, locale],
  );

  const { table, url } = useDataTable({ data: rows, columns, state, getRowId: (row) => String(row.id) });
  const activeOptions = [
    { value: 'true', label: t('active') },
    { value: 'false', label: t('inactive') },
  ];

  return (
    <DataTable table={table} caption={t('caption')} pending={url.pending} emptyMessage={t('empty')}>
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <DataTableFacetedFilter title={t('fields.role')} value={state.filters.role} options={roleOptions} onChange={(v) => url.setParams({ role: v })} />
        <DataTableFacetedFilter title={t('fields.active')} value={state.filters.active} options={activeOptions} onChange={(v) => url.setParams({ active: v })} />
      </DataTableToolbar>
    </DataTable>
  );
}
