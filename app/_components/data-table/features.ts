import {
  type ColumnDef,
  type RowData,
  columnVisibilityFeature,
  createColumnHelper,
  rowExpandingFeature,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/**
 * The features every Docket table uses. Sorting and paging happen on the server (the table only
 * shows them and reports changes to the URL); visibility and row details are the browser's.
 */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  rowPaginationFeature,
  columnVisibilityFeature,
  rowExpandingFeature,
  columnMeta: {} as {
    /** The column's name in the "columns" menu when its header is not plain text. */
    label?: string;
    /** Classes for the column's cells, e.g. `text-right` or `whitespace-nowrap`. */
    className?: string;
  },
});

export type DataTableFeatures = typeof dataTableFeatures;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a table's columns each have their own value type.
export type DataTableColumns<TData extends RowData> = ColumnDef<DataTableFeatures, TData, any>[];

export function createDataTableColumnHelper<TData extends RowData>() {
  return createColumnHelper<DataTableFeatures, TData>();
}
