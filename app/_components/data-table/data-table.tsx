'use client';

import { Fragment, type ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { cn } from '@/app/_components/ui/cn';
import type { RowData } from '@tanstack/react-table';
import { DataTablePagination } from './data-table-pagination';
import type { DataTableInstance } from './use-data-table';

type DataTableProps<TData extends RowData> = {
  table: DataTableInstance<TData>;
  /** What the table lists; read by screen readers, hidden on screen. */
  caption: string;
  /** True while the server prepares the rows of a new sort, filter or page. */
  pending?: boolean;
  /** Shown in place of rows when nothing matches; the default is the generic "no records". */
  emptyMessage?: string;
  /** The details of an expanded row, shown in a row of their own below it. */
  renderDetails?: (row: TData) => ReactNode;
  /** The toolbar: search, filters, column choice. */
  children?: ReactNode;
  /** The row count stopped at a cap: "more than N", and no jump to the last page. */
  totalIsLowerBound?: boolean;
};

const ariaSort = { asc: 'ascending', desc: 'descending' } as const;

/** A server-side table: semantic markup, sortable headers, pagination below. */
export function DataTable<TData extends RowData>({ table, caption, pending = false, emptyMessage, renderDetails, children, totalIsLowerBound }: DataTableProps<TData>) {
  const t = useTranslations('dataTable');
  const rows = table.getRowModel().rows;
  const columnCount = table.getVisibleLeafColumns().length;

  return (
    <div className="space-y-3">
      {children}
      <div className="overflow-x-auto rounded-lg border border-border bg-surface">
        <table
          aria-busy={pending || undefined}
          className={cn('w-full border-collapse text-sm transition-opacity', pending && 'opacity-60')}
        >
          <caption className="sr-only">{caption}</caption>
          <thead className="bg-canvas text-left">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id} className="border-b border-border">
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      colSpan={header.colSpan}
                      aria-sort={sorted ? ariaSort[sorted] : undefined}
                      className={cn(
                        'whitespace-nowrap px-3 py-2 font-medium text-ink-muted',
                        header.column.columnDef.meta?.className,
                      )}
                    >
                      {header.isPlaceholder ? null : renderTemplate(header.column.columnDef.header, header.getContext())}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columnCount} className="px-3 py-10 text-center text-ink-muted">
                  {emptyMessage ?? t('empty')}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <Fragment key={row.id}>
                  <tr className="border-b border-border last:border-b-0 hover:bg-canvas/60">
                    {row.getVisibleCells().map((cell) => (
                      <td key={cell.id} className={cn('px-3 py-2 align-top text-ink', cell.column.columnDef.meta?.className)}>
                        {renderTemplate(cell.column.columnDef.cell, cell.getContext())}
                      </td>
                    ))}
                  </tr>
                  {renderDetails && row.getIsExpanded() ? (
                    <tr id={detailsId(row.id)} className="border-b border-border bg-canvas">
                      <td colSpan={columnCount} className="px-3 py-3">
                        {renderDetails(row.original)}
                      </td>
                    </tr>
                  ) : null}
                </Fragment>
              ))
            )}
          </tbody>
        </table>
      </div>
      <DataTablePagination table={table} totalIsLowerBound={totalIsLowerBound} />
    </div>
  );
}

/**
 * A column's header or cell template, called as a function. `FlexRender` mounts a function template
 * as a component, so a column definition made anew (new translations after a server refresh, a
 * changed option) would remount every cell: the sort button or row action just used would lose
 * focus and its state. Templates therefore hold no hooks; the components they return do.
 */
function renderTemplate<TProps extends object>(template: string | ((props: TProps) => ReactNode) | undefined, props: TProps): ReactNode {
  if (template === undefined) return null;
  return typeof template === 'function' ? template(props) : template;
}

/** The id of a row's details, for the disclosure button's `aria-controls`. */
export function detailsId(rowId: string): string {
  return `row-details-${rowId}`;
}
