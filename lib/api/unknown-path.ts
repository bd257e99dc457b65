import { notFound } from '@/lib/errors';
import { negotiateLocale } from './locale';
import { errorToProblem } from './problem';

/** For addresses under /api/v1 that name no operation: 404 as a problem, in the caller's language. */
export async function unknownPath(request: Request): Promise<Response> {
  return errorToProblem(notFound('no such API path'), negotiateLocale(request.headers.get('accept-language')), new URL(request.url).pathname);
}
