import { getTranslations } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { listConferenceActions } from '@/lib/data/actions';
import { getConferenceDetail } from '@/lib/data/conference-detail';
import { officialDocx } from '@/lib/export/docx/official-document';
import { docxResponse } from '@/lib/export/docx/response';
import { localizedName } from '@/lib/i18n/localized';
import { rowId } from '@/lib/validation/documents';
import { pageLocale } from '@/app/(app)/conferences/[conferenceId]/load';
import { minutesDocument } from './minutes-document';
import { plainError } from '@/lib/http/plain-error';

export const dynamic = 'force-dynamic';

/**
 * The minutes of a held conference as a Word document, in the user's language. Whoever may open
 * the minutes page gets the same content: lib/data gives the text of unpublished minutes only to
 * those who may read drafts (the office and leaders). A conference not held yet has no minutes (404), like one the user may not see.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ conferenceId: string }> }) {
  const actor = await getActor();
  if (!actor) return plainError(401);
  const id = rowId.safeParse((await params).conferenceId);
  if (!id.success) return plainError(404);
  const [detail, actions, locale] = await Promise.all([getConferenceDetail(actor, id.data), listConferenceActions(actor, id.data), pageLocale()]);
  const status = detail?.conference.status;
  if (!detail || (status !== 'held' && status !== 'minutes_published')) return plainError(404);
  const document = minutesDocument({ detail, actions: actions ?? [], locale });
  const t = await getTranslations('minutesDocx');
  const title = localizedName({ name: detail.conference.title, nameEn: detail.conference.titleEn }, locale);
  return docxResponse(await officialDocx(document), t('fileName', { title }));
}
