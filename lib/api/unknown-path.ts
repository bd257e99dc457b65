import { notFound } from '@/lib/errors';
import { negotiateLocale } from './locale';
import { errorToProblem } from './problem';
import { observeApiRequest } from './request-log';

/** For addresses under /api/v1 that name no operation: 404 as a problem, in the caller's language. */
export async function unknownPath(request: Request): Promise<Response> {
  return observeApiRequest(request, async () =>
    errorToProblem(notFound('no such API path'), negotiateLocale(request.headers.get('accept-language')), new URL(request.url).pathname),
  );
}
