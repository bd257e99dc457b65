import { getLocale, getTranslations } from 'next-intl/server';
import { translateFieldErrors } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { can } from '@/lib/auth/policy';
import { supervisionReport } from '@/lib/data/supervision-report';
import { officialDocx } from '@/lib/export/docx/official-document';
import { docxResponse } from '@/lib/export/docx/response';
import { supervisionDocument } from '@/lib/export/docx/supervision-document';
import { supervisionReportText } from '@/lib/export/supervision-report-text';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { periodFromParams } from '@/lib/validation/period';

export const dynamic = 'force-dynamic';

function plain(status: number, text: string) {
  return new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' } });
}

/**
 * The supervision report (督办通报) of `?period=` (or `?from=&to=`; default the current quarter)
 * as a Word document in the user's language, with the same content as /reports/supervision.
 * A refused period answers 422 with the translated reason, never a report of another period.
 */
export async function GET(request: Request) {
  const actor = await getActor();
  const tErrors = await getTranslations('errors');
  if (!actor) return plain(401, tErrors('unauthenticated'));
  if (!can(actor, 'report.read')) return plain(403, tErrors('forbidden'));
  const now = new Date();
  const { period, error } = periodFromParams(new URL(request.url).searchParams, now);
  if (error) {
    const [t, { period: [message] = [] }] = await Promise.all([getTranslations('supervisionReport'), translateFieldErrors({ period: [error] })]);
    return plain(422, t('periodError', { message: message ?? '' }));
  }
  const raw = await getLocale();
  const locale = isLocale(raw) ? raw : defaultLocale;
  const report = await supervisionReport(actor, period, now);
  const bytes = await officialDocx(supervisionDocument(report, locale, now));
  return docxResponse(bytes, supervisionReportText(report, locale).fileName);
}
