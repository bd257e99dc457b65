import { uploadConferenceDocument } from '@/lib/data/documents';
import { notFound } from '@/lib/errors';
import { uploadRoute } from '@/lib/http/upload-route';
import { rowId } from '@/lib/validation/documents';

export const dynamic = 'force-dynamic';

/** One conference document, as the raw body with its name in `X-File-Name`: 201 `{ id, fileName }`. */
export const POST = uploadRoute<{ conferenceId: string }>('file', async ({ actor, params, fileName, body }) => {
  const conferenceId = rowId.safeParse(params.conferenceId);
  if (!conferenceId.success) throw notFound('conference id');
  const document = await uploadConferenceDocument(actor, { conferenceId: conferenceId.data, fileName, body: body ?? undefined });
  return { id: document.id, fileName: document.fileName };
});
