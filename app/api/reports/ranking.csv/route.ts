import { getLocale, getTranslations } from 'next-intl/server';
import { csvFigure, isRate } from '@/app/(app)/reports/_components/figure-format';
import { rankingView } from '@/app/(app)/reports/ranking-view';
import { can } from '@/lib/auth/policy';
import { getActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/domain/content-disposition';
import { csvBom, csvLine } from '@/lib/domain/csv';
import { localizedName } from '@/lib/i18n/localized';
import { periodFromParams } from '@/lib/validation/period';
import { rankingFigureColumns } from '@/lib/validation/scoring';

export const dynamic = 'force-dynamic';

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });

/**
 * The ranking page as CSV (UTF-8 with BOM, so Excel shows Chinese text): the same URL parameters
 * (`period` or `from`+`to`, `sort`, `dir`, `q`, `kind`), every row on all pages, headers and names
 * in the reader's language. A period that does not parse is refused (422) with its message.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  if (!actor) return text((await getTranslations('errors'))('unauthenticated'), 401);
  if (!can(actor, 'report.read')) return text((await getTranslations('errors'))('forbidden'), 403);
  const params = new URL(request.url).searchParams;
  const checked = periodFromParams(params);
  if (checked.error) {
    const tValidation = await getTranslations('validation');
    return text(tValidation(checked.error.key as never, checked.error.values as never), 422);
  }
  // The request's locale: the user's saved language, else the language cookie (lib/i18n/request.ts).
  const [t, tKinds, lang, view] = await Promise.all([getTranslations('ranking'), getTranslations('departmentKinds'), getLocale(), rankingView(actor, params)]);
  const header = csvLine([
    t('columns.rank'),
    t('columns.department'),
    t('columns.kind'),
    ...rankingFigureColumns.map((key) => (isRate(key) ? `${t(`columns.${key}`)} (%)` : t(`columns.${key}`))),
  ]);
  const lines = view.rows.map((r) =>
    csvLine([r.rank ?? '', localizedName(r, lang), tKinds(r.kind), ...rankingFigureColumns.map((key) => csvFigure(key, r[key]))]),
  );
  return new Response(csvBom + header + lines.join(''), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(t('csvFileName', { period: view.param })),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
