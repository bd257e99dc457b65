import { log, withRequestId } from '@/lib/log';
import { requestIdFrom, requestIdHeader } from '@/lib/request-id';

/** Not an HTTP status anyone receives: the request log's "the client went away" (nginx's 499). */
export const clientClosedRequest = 499;

/** What the handler learnt about the caller, for the request's log line. */
export interface RequestSeen {
  userId?: number;
}

/**
 * Runs an API request under its request id (the proxy's, else the caller's sane `X-Request-Id`,
 * else a new one): every line logged meanwhile carries it, the answer sends it back as
 * `X-Request-Id`, and one line records the method, path, status, duration and token user.
 */
export async function observeApiRequest(request: Request, handle: (seen: RequestSeen) => Promise<Response>): Promise<Response> {
  const requestId = requestIdFrom(request.headers.get(requestIdHeader));
  const started = performance.now();
  const seen: RequestSeen = {};
  return withRequestId(requestId, async () => {
    const response = await handle(seen);
    response.headers.set('X-Request-Id', requestId);
    log(response.status >= 500 ? 'error' : 'info', 'API request', {
      method: request.method,
      path: new URL(request.url).pathname,
      status: response.status,
      durationMs: Math.round(performance.now() - started),
      ...(seen.userId === undefined ? {} : { userId: seen.userId }),
    });
    return response;
  });
}
