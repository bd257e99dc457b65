'use client';

import { ArrowDown, ArrowUp, ChevronsUpDown } from 'lucide-react';
import type { Column, RowData } from '@tanstack/react-table';
import { cn } from '@/app/_components/ui/cn';
import type { DataTableFeatures } from './features';

type DataTableColumnHeaderProps<TData extends RowData, TValue> = {
  column: Column<DataTableFeatures, TData, TValue>;
  title: string;
  className?: string;
};

/**
 * A column's title; a button that sorts when the server can sort by the column. The `<th>` says how
 * the table is sorted (`aria-sort`), so the button's name stays the plain title.
 */
export function DataTableColumnHeader<TData extends RowData, TValue>({ column, title, className }: DataTableColumnHeaderProps<TData, TValue>) {
  if (!column.getCanSort()) return <span className={className}>{title}</span>;
  const sorted = column.getIsSorted();
  const Icon = sorted === 'asc' ? ArrowUp : sorted === 'desc' ? ArrowDown : ChevronsUpDown;
  return (
    <button
      type="button"
      onClick={() => column.toggleSorting(column.getNextSortingOrder() === 'desc')}
      className={cn(
        '-mx-1.5 inline-flex items-center gap-1 rounded px-1.5 py-0.5 font-medium hover:bg-surface hover:text-ink',
        sorted && 'text-ink',
        className,
      )}
    >
      {title}
      <Icon className={cn('size-3.5 shrink-0', !sorted && 'opacity-50')} aria-hidden="true" />
    </button>
  );
}
