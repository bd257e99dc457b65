import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

type PageLinksProps = {
  page: number;
  pageSize: number;
  total: number;
  /** The URL of page n. */
  href: (page: number) => string;
};

/** Previous and next links for a short server-rendered list (tables have DataTablePagination). */
export async function PageLinks({ page, pageSize, total, href }: PageLinksProps) {
  const t = await getTranslations('dataTable');
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const link = 'font-medium text-accent underline underline-offset-2';
  return (
    <nav aria-label={t('pagination')} className="mt-4 flex flex-wrap items-center gap-4 text-sm print:hidden">
      <p className="text-ink-muted">{t('pageStatus', { page, pages, total })}</p>
      {page > 1 ? (
        <Link href={href(page - 1)} className={link}>
          {t('previousPage')}
        </Link>
      ) : null}
      {page < pages ? (
        <Link href={href(page + 1)} className={link}>
          {t('nextPage')}
        </Link>
      ) : null}
    </nav>
  );
}

/** A `?page=` value within 1…last, 1 when missing or bad. */
export function pageParam(value: string | string[] | undefined, pageSize: number, total: number): number {
  const n = Number(Array.isArray(value) ? value[0] : value);
  const last = Math.max(1, Math.ceil(total / pageSize));
  return Number.isSafeInteger(n) && n >= 1 ? Math.min(n, last) : 1;
}
