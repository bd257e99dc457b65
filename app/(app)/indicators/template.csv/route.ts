import { getLocale, getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { contentDisposition } from '@/lib/domain/content-disposition';
import { csvBom, csvLine } from '@/lib/domain/csv';
import { indicatorCsvTemplateHeader } from '@/lib/domain/indicators';

export const dynamic = 'force-dynamic';

/**
 * An empty import sheet: the Chinese header (the import also reads English ones) and two example
 * rows, one for the whole city and one for a district, with a BOM so Excel reads it as UTF-8.
 */
export async function GET() {
  const actor = await getActor();
  if (!actor) {
    const tErrors = await getTranslations('errors');
    return new Response(tErrors('unauthenticated'), { status: 401, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
  }
  const [t, locale] = await Promise.all([getTranslations('indicators.import'), getLocale()]);
  const body = [indicatorCsvTemplateHeader, ['2018', '3', '', '25', '14', '21', '0', '412.50'], ['2018', '3', '中山区', '3', '1', '2', '0', '40']]
    .map(csvLine)
    .join('');
  return new Response(csvBom + body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`${t('templateFileName')}.csv`),
      'Cache-Control': 'no-store',
      'Content-Language': locale,
    },
  });
}
