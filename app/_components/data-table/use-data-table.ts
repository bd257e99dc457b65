'use client';

import { type ExpandedState, type Row, type RowData, functionalUpdate, useTable } from '@tanstack/react-table';
import { useMemo, useState } from 'react';
import type { TableUrlState } from '@/lib/validation/list-query';
import { type DataTableColumns, type DataTableFeatures, dataTableFeatures } from './features';
import { type TableUrl, useTableUrlState } from './use-table-url-state';

export interface UseDataTableOptions<TData extends RowData> {
  data: TData[];
  columns: DataTableColumns<TData>;
  /** The URL state as the server parsed it and the total number of matching rows. */
  state: TableUrlState;
  getRowId: (row: TData) => string;
  /** Rows that have details to show below them (see DataTable's `renderDetails`). */
  getRowCanExpand?: (row: Row<DataTableFeatures, TData>) => boolean;
}

/**
 * A table over one page of server rows. Sorting, paging and column visibility are controlled by the
 * URL: a change goes to the URL and comes back as new props from the server.
 */
export function useDataTable<TData extends RowData>({ data, columns, state, getRowId, getRowCanExpand }: UseDataTableOptions<TData>) {
  const url: TableUrl = useTableUrlState(state);
  const [expanded, setExpanded] = useState<ExpandedState>({});

  const sorting = useMemo(() => [{ id: state.sort, desc: state.dir === 'desc' }], [state.sort, state.dir]);
  const pagination = useMemo(() => ({ pageIndex: state.page - 1, pageSize: state.pageSize }), [state.page, state.pageSize]);
  const columnVisibility = useMemo(() => Object.fromEntries(state.hide.map((id) => [id, false])), [state.hide]);

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => getRowId(row),
    state: { sorting, pagination, columnVisibility, expanded },
    manualSorting: true,
    manualPagination: true,
    rowCount: state.total,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
    autoResetExpanded: false,
    getRowCanExpand,
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) url.setSorting(next.id, next.desc ? 'desc' : 'asc');
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, pagination);
      url.setPage(next.pageIndex + 1, next.pageSize);
    },
    onColumnVisibilityChange: (updater) => {
      const next = functionalUpdate(updater, columnVisibility);
      url.setHidden(Object.keys(next).filter((id) => next[id] === false));
    },
    onExpandedChange: setExpanded,
  });

  return { table, url };
}

export type DataTableInstance<TData extends RowData> = ReturnType<typeof useDataTable<TData>>['table'];
