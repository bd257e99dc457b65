/** The state of a server-side table, parsed from the URL. */
export interface ListQuery<Sort extends string = string> {
  q?: string;
  sort?: Sort;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

export const pageSizes = [10, 20, 50, 100] as const;

export function pageOf(query: { page?: number; pageSize?: number }): { limit: number; offset: number } {
  const pageSize = Math.min(Math.max(query.pageSize ?? 20, 1), 100);
  const page = Math.max(query.page ?? 1, 1);
  return { limit: pageSize, offset: (page - 1) * pageSize };
}
