import { ApiProblem } from './problem';

/** The largest request body the API reads. */
export const maxBodyBytes = 1024 * 1024;

const jsonType = /^application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

/** Objects and arrays nested deeper than this are refused before parsing: nothing the API takes nests past 4. */
export const maxJsonDepth = 32;

/** The `charset` a Content-Type declares, lower-case, unquoted; undefined when it declares none. */
function charsetOf(contentType: string): string | undefined {
  const match = /;\s*charset\s*=\s*("?)([^";\s]*)\1/i.exec(contentType);
  return match ? match[2]!.toLowerCase() : undefined;
}

/** Whether JSON text nests objects and arrays deeper than `max`, counted in one pass (no recursion to overflow). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i += 1; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth += 1;
      if (depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth -= 1;
  }
  return false;
}

/**
 * The request's JSON body: 415 unless it says it is JSON (in UTF-8, if it names a charset), 413
 * past `limit` bytes (stopping the read there, whatever Content-Length claims), 400 when it is
 * empty, not UTF-8, not JSON or nested deeper than `maxJsonDepth`.
 */
export async function readJsonBody(request: Request, limit = maxBodyBytes): Promise<unknown> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!jsonType.test(contentType)) throw new ApiProblem('unsupported_media_type', 'unsupportedMediaType');
  // Decoding another charset as UTF-8 would store mojibake; JSON is UTF-8 (RFC 8259).
  const charset = charsetOf(contentType);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') throw new ApiProblem('unsupported_media_type', 'charsetNotUtf8');
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
  // Checked before parsing: every later step (validation, the NUL scan) walks the value recursively.
  if (nestsDeeperThan(text, maxJsonDepth)) throw new ApiProblem('bad_request', 'tooDeep', { max: maxJsonDepth });
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new ApiProblem('bad_request', 'malformedJson');
  }
}
