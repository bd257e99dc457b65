'use client';

import { useId, type ReactNode } from 'react';
import { Search, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import type { RowData } from '@tanstack/react-table';
import { Button } from '@/app/_components/ui/button';
import type { TableUrlState } from '@/lib/validation/list-query';
import { DataTableViewOptions } from './data-table-view-options';
import type { DataTableInstance } from './use-data-table';
import { useDebouncedParam } from './use-debounced-param';
import type { TableUrl } from './use-table-url-state';

type DataTableToolbarProps<TData extends RowData> = {
  table: DataTableInstance<TData>;
  url: TableUrl;
  state: TableUrlState;
  /** The search box's label, e.g. "搜索用户名或姓名". */
  searchLabel: string;
  searchPlaceholder?: string;
  /** Faceted filters and other controls. */
  children?: ReactNode;
};

const debounceMs = 350;
const normalize = (text: string) => text.trim().replace(/\s+/g, ' ');

/** Search (debounced), the table's filters, "reset" while anything is filtered, column choice. */
export function DataTableToolbar<TData extends RowData>({ table, url, state, searchLabel, searchPlaceholder, children }: DataTableToolbarProps<TData>) {
  const t = useTranslations('dataTable');
  const filtered = Boolean(state.q) || Object.values(state.filters).some((v) => v !== undefined);

  function reset() {
    url.setParams({ q: null, ...Object.fromEntries(Object.keys(state.filters).map((key) => [key, null])) });
  }

  return (
    <div className="flex flex-wrap items-end gap-2 print:hidden">
      <SearchBox label={searchLabel} placeholder={searchPlaceholder} value={state.q ?? ''} onSearch={(q) => url.setParams({ q: q || null })} />
      {children}
      {filtered ? (
        <Button variant="ghost" size="sm" onClick={reset}>
          <X aria-hidden="true" />
          {t('reset')}
        </Button>
      ) : null}
      <div className="ml-auto">
        <DataTableViewOptions table={table} />
      </div>
    </div>
  );
}

function SearchBox({ label, placeholder, value, onSearch }: { label: string; placeholder?: string; value: string; onSearch: (q: string) => void }) {
  const id = useId();
  const { text, setText, flush } = useDebouncedParam(value, onSearch, debounceMs, normalize);
  return (
    <div className="flex min-w-56 flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <div className="relative">
        <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-ink-muted" aria-hidden="true" />
        <input
          id={id}
          type="search"
          value={text}
          placeholder={placeholder}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') flush();
          }}
          className="h-8 w-full rounded-md border border-border-strong bg-surface pl-8 pr-2 text-sm text-ink placeholder:text-ink-subtle"
        />
      </div>
    </div>
  );
}
