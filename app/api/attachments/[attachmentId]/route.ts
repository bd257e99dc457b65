import { requestIp } from '@/lib/auth/request-ip';
import { getActor } from '@/lib/auth/session';
import { getDocumentForDownload } from '@/lib/data/documents';
import { contentDisposition } from '@/lib/domain/content-disposition';
import { rowId } from '@/lib/validation/documents';
import { plainError } from '@/lib/http/plain-error';

export const dynamic = 'force-dynamic';

/** Downloads a conference document or a follow-up's evidence; 404 when missing or not the user's to see. */
export async function GET(request: Request, { params }: { params: Promise<{ attachmentId: string }> }) {
  const actor = await getActor();
  if (!actor) return plainError(401);
  const id = rowId.safeParse((await params).attachmentId);
  // The download is audited (who, which file, from where) by the data layer.
  const file = id.success ? await getDocumentForDownload(actor, id.data, { ip: requestIp(request.headers) }) : null;
  if (!file) return plainError(404);
  // Storage hands out plain ArrayBuffer-backed bytes; the DOM types only want that spelled out.
  return new Response(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.mediaType }), {
    headers: {
      'Content-Type': file.mediaType,
      'Content-Length': String(file.bytes.byteLength),
      // Always a download, never rendered in the app's origin.
      'Content-Disposition': contentDisposition(file.fileName),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
