import { failure } from '@/lib/actions/result';
import { getActor } from '@/lib/auth/session';
import { uploadConferenceDocument, uploadMaxBytes } from '@/lib/data/documents';
import { env } from '@/lib/env';
import { AppError, forbidden, httpStatus, notFound } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { rowId } from '@/lib/validation/documents';

export const dynamic = 'force-dynamic';

// Room for the multipart envelope (boundaries, part headers) around the file itself.
const envelopeBytes = 64 * 1024;
const noStore = { 'Cache-Control': 'no-store' };

const tooLarge = () => new ValidationError({ file: [{ key: 'fileTooLarge', values: { max: env().UPLOAD_MAX_MB } }] });

/**
 * A browser sends `Origin` with every POST; one naming another site is refused, as Next does
 * for server actions. The host the browser used may be a proxy's, so the forwarded host counts.
 */
function fromOtherSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** Uploads one conference document (multipart, field `file`): 201 `{ id, fileName }` or `{ message, fieldErrors }`. */
export async function POST(request: Request, { params }: { params: Promise<{ conferenceId: string }> }) {
  try {
    const actor = await getActor();
    if (!actor) throw new AppError('unauthenticated');
    if (fromOtherSite(request)) throw forbidden('cross-site upload');
    const conferenceId = rowId.safeParse((await params).conferenceId);
    if (!conferenceId.success) throw notFound('conference id');
    // Refuse an oversize body before reading it; the data layer checks the file itself again.
    if (Number(request.headers.get('content-length') ?? 0) > uploadMaxBytes() + envelopeBytes) throw tooLarge();
    const form = await request.formData().catch(() => null);
    const file = form?.get('file');
    if (!(file instanceof File)) throw new ValidationError({ file: [{ key: 'required' }] });
    if (file.size > uploadMaxBytes()) throw tooLarge();
    const document = await uploadConferenceDocument(actor, {
      conferenceId: conferenceId.data,
      fileName: file.name,
      bytes: new Uint8Array(await file.arrayBuffer()),
    });
    return Response.json({ id: document.id, fileName: document.fileName }, { status: 201, headers: noStore });
  } catch (error) {
    const result = await failure(error);
    if (result.ok) throw error;
    const code = (result.code ?? 'validation') as keyof typeof httpStatus;
    const oversize = error instanceof ValidationError && error.fieldErrors.file?.some((m) => m.key === 'fileTooLarge');
    return Response.json(
      { message: result.message, fieldErrors: result.fieldErrors ?? {} },
      { status: oversize ? 413 : (httpStatus[code] ?? 400), headers: noStore },
    );
  }
}
