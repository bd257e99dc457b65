'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useCallback, useMemo, useTransition } from 'react';
import type { SortDir, TableUrlState } from '@/lib/validation/list-query';
import { defaultPageSize } from '@/lib/validation/list-query';

type Value = string | number | null | undefined;

export interface TableUrl {
  /** True from a change until the server has sent the new rows. */
  pending: boolean;
  /** Sets URL values (null or '' removes one). Any change but paging goes back to page 1. */
  setParams: (patch: Record<string, Value>) => void;
  setSorting: (sort: string, dir: SortDir) => void;
  setPage: (page: number, pageSize: number) => void;
  setHidden: (columnIds: string[]) => void;
}

/**
 * Reads and writes a table's state in the URL (`q`, `sort`, `dir`, `page`, `pageSize`, `hide` and the
 * table's filters) with `router.replace`, so every view is a link that can be shared or reloaded and
 * the server does the sorting, filtering and paging. Defaults are left out of the URL.
 */
export function useTableUrlState(state: Pick<TableUrlState, 'defaultSort' | 'defaultDir'>): TableUrl {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const { defaultSort, defaultDir } = state;

  const setParams = useCallback(
    (patch: Record<string, Value>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(patch)) {
        if (value === null || value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      const paging = 'page' in patch || 'pageSize' in patch;
      if (!paging) next.delete('page');
      const query = next.toString();
      const href = query ? `${pathname}?${query}` : pathname;
      if (href === `${pathname}${searchParams.size ? `?${searchParams.toString()}` : ''}`) return;
      startTransition(() => router.replace(href, { scroll: false }));
    },
    [pathname, router, searchParams],
  );

  return useMemo(
    () => ({
      pending,
      setParams,
      setSorting: (sort, dir) => {
        const isDefault = sort === defaultSort && dir === defaultDir;
        setParams({ sort: isDefault ? null : sort, dir: isDefault ? null : dir });
      },
      setPage: (page, pageSize) =>
        setParams({ page: page > 1 ? page : null, pageSize: pageSize === defaultPageSize ? null : pageSize }),
      setHidden: (columnIds) => setParams({ hide: columnIds.join(',') || null, page: searchParams.get('page') }),
    }),
    [pending, setParams, defaultSort, defaultDir, searchParams],
  );
}
