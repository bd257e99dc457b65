import 'server-only';
import { failure } from '@/lib/actions/result';
import type { Actor } from '@/lib/auth/actor';
import { getActor } from '@/lib/auth/session';
import { uploadMaxBytes } from '@/lib/data/documents';
import { env } from '@/lib/env';
import { AppError, forbidden, httpStatus } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { declaredLength } from './body-limit';

const noStore = { 'Cache-Control': 'no-store' };

/**
 * A browser sends `Origin` with every POST; one naming another site is refused, as Next does
 * for server actions. The host the browser used may be a proxy's, so the forwarded host counts.
 */
export function fromOtherSite(request: Request): boolean {
  const origin = request.headers.get('origin');
  if (!origin) return false;
  const host = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim() ?? request.headers.get('host');
  try {
    return new URL(origin).host !== host;
  } catch {
    return true;
  }
}

/** The file's name, sent percent-encoded in `X-File-Name` (headers are not UTF-8). */
export function fileNameOf(request: Request): string {
  try {
    return decodeURIComponent(request.headers.get('x-file-name') ?? '');
  } catch {
    return '';
  }
}

export interface UploadRequest<P> {
  actor: Actor;
  params: P;
  fileName: string;
  body: ReadableStream<Uint8Array> | null;
}

/**
 * A route that takes one file as the raw request body (the proxy skips these paths: it would
 * buffer them). Sign-in and origin are checked first, a declared length past `UPLOAD_MAX_MB`
 * is refused unread, and the handler streams the rest to staging. Answers 201 with the
 * handler's JSON, else `{ message, fieldErrors }`: 413 for a file too large, naming the limit.
 */
export function uploadRoute<P>(field: string, handle: (upload: UploadRequest<P>) => Promise<object>) {
  return async function POST(request: Request, context: { params: Promise<P> }): Promise<Response> {
    try {
      const actor = await getActor();
      if (!actor) throw new AppError('unauthenticated');
      if (fromOtherSite(request)) throw forbidden('cross-site upload');
      const declared = declaredLength(request.headers);
      if (declared !== null && declared > uploadMaxBytes()) {
        throw new ValidationError({ [field]: [{ key: 'fileTooLarge', values: { max: env().UPLOAD_MAX_MB } }] });
      }
      const result = await handle({ actor, params: await context.params, fileName: fileNameOf(request), body: request.body });
      return Response.json(result, { status: 201, headers: noStore });
    } catch (error) {
      const result = await failure(error);
      const code = (result.ok ? 'validation' : (result.code ?? 'validation')) as keyof typeof httpStatus;
      const oversize = error instanceof ValidationError && Object.values(error.fieldErrors).some((messages) => messages.some((m) => m.key === 'fileTooLarge'));
      const headers = noStore;
      return Response.json(
        { message: result.ok ? '' : result.message, fieldErrors: (!result.ok && result.fieldErrors) || {} },
        { status: oversize ? 413 : (httpStatus[code] ?? 400), headers },
      );
    }
  };
}
