'use client';

import { useId } from 'react';
import { ChevronLeft, ChevronRight, ChevronsLeft, ChevronsRight } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import type { RowData } from '@tanstack/react-table';
import { Button } from '@/app/_components/ui/button';
import { formatNumber } from '@/lib/i18n/format';
import { listPageSizes } from '@/lib/validation/list-query';
import type { DataTableInstance } from './use-data-table';

/** Page size, where we are ("第 2 / 5 页，共 93 条") and first / previous / next / last. */
export function DataTablePagination<TData extends RowData>({ table, totalIsLowerBound = false }: { table: DataTableInstance<TData>; totalIsLowerBound?: boolean }) {
  const t = useTranslations('dataTable');
  const locale = useLocale();
  const sizeId = useId();
  const { pageIndex, pageSize } = table.state.pagination;
  const pages = Math.max(1, table.getPageCount());
  const total = table.getRowCount();

  const buttons = [
    { label: t('firstPage'), icon: ChevronsLeft, onClick: () => table.firstPage(), disabled: !table.getCanPreviousPage() },
    { label: t('previousPage'), icon: ChevronLeft, onClick: () => table.previousPage(), disabled: !table.getCanPreviousPage() },
    { label: t('nextPage'), icon: ChevronRight, onClick: () => table.nextPage(), disabled: !table.getCanNextPage() },
    // A bounded count does not know the last page, only that there is a next one.
    { label: t('lastPage'), icon: ChevronsRight, onClick: () => table.lastPage(), disabled: totalIsLowerBound || !table.getCanNextPage() },
  ];

  return (
    <div className="flex flex-wrap items-center justify-between gap-3 text-sm text-ink-muted print:hidden">
      <p aria-live="polite">
        {totalIsLowerBound
          ? t('pageStatusMore', { page: formatNumber(pageIndex + 1, locale), total: formatNumber(total, locale) })
          : t('pageStatus', { page: formatNumber(pageIndex + 1, locale), pages: formatNumber(pages, locale), total: formatNumber(total, locale) })}
      </p>
      <div className="flex flex-wrap items-center gap-3">
        <div className="flex items-center gap-2">
          <label htmlFor={sizeId}>{t('rowsPerPage')}</label>
          <select
            id={sizeId}
            value={pageSize}
            onChange={(event) => table.setPageSize(Number(event.target.value))}
            className="h-8 rounded-md border border-border-strong bg-surface px-2 text-ink"
          >
            {listPageSizes.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div role="group" aria-label={t('pagination')} className="flex items-center gap-1">
          {buttons.map(({ label, icon: Icon, onClick, disabled }) => (
            <Button key={label} variant="secondary" size="sm" className="w-8 px-0" aria-label={label} title={label} disabled={disabled} onClick={onClick}>
              <Icon aria-hidden="true" />
            </Button>
          ))}
        </div>
      </div>
    </div>
  );
}
