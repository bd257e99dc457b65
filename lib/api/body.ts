import { ApiProblem } from './problem';

/** The largest request body the API reads. */
export const maxBodyBytes = 1024 * 1024;

const jsonType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/**
 * The request's JSON body: 415 unless it says it is JSON, 413 past `limit` bytes (stopping the
 * read there, whatever Content-Length claims), 400 when it is empty, not UTF-8 or not JSON.
 */
export async function readJsonBody(request: Request, limit = maxBodyBytes): Promise<unknown> {
  if (!jsonType.test(request.headers.get('content-type') ?? '')) throw new ApiProblem('unsupported_media_type', 'unsupportedMediaType');
  const tooLarge = new ApiProblem('payload_too_large', 'payloadTooLarge', { max: `${Math.round(limit / 1024)} KB` });
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge;
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        throw tooLarge;
      }
      chunks.push(value);
    }
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem('bad_request', 'notUtf8');
  }
  if (text.trim() === '') throw new ApiProblem('bad_request', 'bodyRequired');
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem('bad_request', 'malformedJson');
  }
}
