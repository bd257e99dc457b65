/**
 * How large a request body may be, by who is asking. Sign-in needs a few KB; everything a
 * signed-in person or an API token sends fits in 1 MB. Files go to the upload routes
 * (`/api/uploads/…`), which stream to disk under their own limit (`UPLOAD_MAX_MB`).
 */
export const anonymousBodyLimit = 64 * 1024;
export const sessionBodyLimit = 1024 * 1024;

/** `64 KB`, `1 MB`, `20 MB`: how a limit is named to people. */
export function formatLimit(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return `${Math.round(bytes / 1024)} KB`;
}

/** The declared `Content-Length`, or null when the body is chunked or absent (or the header is not a plain number). */
export function declaredLength(headers: Headers): number | null {
  const raw = headers.get('content-length');
  if (raw === null || !/^\d+$/.test(raw.trim())) return null;
  return Number(raw);
}

/**
 * Whether the body is larger than `limit`: by its declared length when it has one (Node's parser
 * holds a body to it), else by counting the chunks as they arrive, stopping at the limit.
 */
export async function bodyExceeds(request: Request, limit: number): Promise<boolean> {
  const declared = declaredLength(request.headers);
  if (declared !== null) return declared > limit;
  if (!request.body) return false;
  const reader = request.body.getReader();
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return false;
      size += value.byteLength;
      if (size > limit) return true;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
