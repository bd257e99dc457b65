'use client';

import { useId, useMemo } from 'react';
import { ChevronDown, ChevronRight } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { DataTable, detailsId } from '@/app/_components/data-table/data-table';
import { DataTableColumnHeader } from '@/app/_components/data-table/data-table-column-header';
import { DataTableDateFilter } from '@/app/_components/data-table/data-table-date-filter';
import { DataTableToolbar } from '@/app/_components/data-table/data-table-toolbar';
import { createDataTableColumnHelper } from '@/app/_components/data-table/features';
import { useDataTable } from '@/app/_components/data-table/use-data-table';
import { Button } from '@/app/_components/ui/button';
import { inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import type { Locale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { auditActionPrefixes } from '@/lib/validation/audit';
import type { TableUrlState } from '@/lib/validation/list-query';

export type AuditRow = {
  id: string;
  at: Date;
  action: string;
  entityType: string;
  entityId: string | null;
  ip: string | null;
  actorName: string | null;
  actorUsername: string | null;
  before: unknown;
  after: unknown;
};

const columnHelper = createDataTableColumnHelper<AuditRow>();
const hasChange = (row: AuditRow) => row.before !== null || row.after !== null;

export function AuditTable({ rows, state }: { rows: AuditRow[]; state: TableUrlState }) {
  const t = useTranslations('audit');
  const locale = useLocale() as Locale;
  const actionId = useId();

  // A known code reads as words; a new one still shows, as its code.
  const actionLabel = useMemo(
    () => (code: string) => {
      const key = `actions.${code}` as Parameters<typeof t>[0];
      return /^[a-z_]+\.[a-z_]+$/.test(code) && t.has(key) ? t(key) : code;
    },
    [t],
  );
  const entityLabel = useMemo(
    () => (type: string) => {
      const key = `entityTypes.${type}` as Parameters<typeof t>[0];
      return /^[a-z_]+$/.test(type) && t.has(key) ? t(key) : type;
    },
    [t],
  );

  const columns = useMemo(
    () => [
      columnHelper.display({
        id: 'details',
        header: () => <span className="sr-only">{t('details')}</span>,
        enableHiding: false,
        meta: { className: 'w-px' },
        cell: ({ row }) => {
          if (!row.getCanExpand()) return null;
          const expanded = row.getIsExpanded();
          const Icon = expanded ? ChevronDown : ChevronRight;
          return (
            <Button
              variant="ghost"
              size="sm"
              className="px-2"
              aria-expanded={expanded}
              aria-controls={expanded ? detailsId(row.id) : undefined}
              onClick={row.getToggleExpandedHandler()}
              aria-label={t('detailsNamed', { action: actionLabel(row.original.action), at: formatDateTime(row.original.at, locale) })}
            >
              <Icon aria-hidden="true" />
              {t('details')}
            </Button>
          );
        },
      }),
      columnHelper.accessor('at', {
        header: ({ column }) => <DataTableColumnHeader column={column} title={t('fields.at')} />,
        meta: { label: t('fields.at'), className: 'whitespace-nowrap tabular-nums' },
        enableHiding: false,
        sortDescFirst: true,
        cell: ({ getValue }) => formatDateTime(getValue(), locale),
      }),
      columnHelper.accessor((row) => row.actorName ?? '', {
        id: 'actor',
        header: t('fields.actor'),
        meta: { label: t('fields.actor') },
        enableSorting: false,
        enableHiding: false,
        cell: ({ row }) =>
          row.original.actorUsername ? (
            <>
              {row.original.actorName}
              <span className="block text-xs text-ink-muted">{row.original.actorUsername}</span>
            </>
          ) : (
            <span className="text-ink-muted">{t('noActor')}</span>
          ),
      }),
      columnHelper.accessor('action', {
        header: t('fields.action'),
        meta: { label: t('fields.action') },
        enableSorting: false,
        enableHiding: false,
        cell: ({ getValue }) => {
          const label = actionLabel(getValue());
          return (
            <>
              {label}
              {label !== getValue() ? <span className="block font-mono text-xs text-ink-muted">{getValue()}</span> : null}
            </>
          );
        },
      }),
      columnHelper.accessor((row) => `${row.entityType} ${row.entityId ?? ''}`, {
        id: 'entity',
        header: t('fields.entity'),
        meta: { label: t('fields.entity') },
        enableSorting: false,
        cell: ({ row }) => (
          <>
            {entityLabel(row.original.entityType)}
            {row.original.entityId ? <span className="ml-1 font-mono text-xs text-ink-muted">#{row.original.entityId}</span> : null}
          </>
        ),
      }),
      columnHelper.accessor((row) => row.ip ?? '', {
        id: 'ip',
        header: t('fields.ip'),
        meta: { label: t('fields.ip'), className: 'whitespace-nowrap font-mono text-xs' },
        enableSorting: false,
        cell: ({ getValue }) => getValue() || <span className="font-sans text-ink-muted">—</span>,
      }),
    ],
    [t, locale, actionLabel, entityLabel],
  );

  const { table, url } = useDataTable({
    data: rows,
    columns,
    state,
    getRowId: (row) => row.id,
    getRowCanExpand: (row) => hasChange(row.original),
  });

  return (
    <DataTable
      table={table}
      caption={t('caption')}
      pending={url.pending}
      emptyMessage={t('empty')}
      renderDetails={(row) => (
        <div className="grid gap-4 md:grid-cols-2">
          {(['before', 'after'] as const).map((side) => (
            <div key={side} className="min-w-0">
              <p id={`${detailsId(row.id)}-${side}`} className="mb-1 text-xs font-medium text-ink-muted">
                {t(side)}
              </p>
              {/* A region that may scroll: keyboard users can focus it to scroll. */}
              <pre role="region" aria-labelledby={`${detailsId(row.id)}-${side}`} tabIndex={0} className="max-h-80 overflow-auto rounded-md border border-border bg-surface p-3 font-mono text-xs leading-relaxed text-ink">
                {row[side] === null ? t('nothing') : JSON.stringify(row[side], null, 2)}
              </pre>
            </div>
          ))}
        </div>
      )}
    >
      <DataTableToolbar table={table} url={url} state={state} searchLabel={t('searchLabel')} searchPlaceholder={t('searchPlaceholder')}>
        <div className="flex flex-col gap-1">
          <label htmlFor={actionId} className="text-xs font-medium text-ink-muted">
            {t('filters.action')}
          </label>
          <select
            id={actionId}
            value={state.filters.action ?? ''}
            onChange={(event) => url.setParams({ action: event.target.value })}
            className={cn(inputClasses, 'h-8 w-auto text-sm')}
          >
            <option value="">{t('filters.allActions')}</option>
            {auditActionPrefixes.map((prefix) => (
              <option key={prefix} value={prefix}>
                {t(`prefixes.${prefix}`)}
              </option>
            ))}
          </select>
        </div>
        <DataTableDateFilter label={t('filters.from')} value={state.filters.from} max={state.filters.to} onChange={(from) => url.setParams({ from })} />
        <DataTableDateFilter label={t('filters.to')} value={state.filters.to} min={state.filters.from} onChange={(to) => url.setParams({ to })} />
      </DataTableToolbar>
    </DataTable>
  );
}
