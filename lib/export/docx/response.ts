import { contentDisposition } from '@/lib/domain/content-disposition';
import { docxMediaType } from './official-document';

/** Characters Windows refuses in a file name, and control characters, become `-`. */
export function safeFileName(name: string): string {
  return name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '-').replace(/\s+/g, ' ').trim();
}

/** A Word document as a download, its (possibly Chinese) name kept by `filename*`. */
export function docxResponse(bytes: Uint8Array, fileName: string): Response {
  return new Response(new Uint8Array(bytes), {
    headers: {
      'Content-Type': docxMediaType,
      'Content-Disposition': contentDisposition(safeFileName(fileName)),
      'Content-Length': String(bytes.byteLength),
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'private, no-store',
    },
  });
}
