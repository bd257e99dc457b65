/**
 * The id that ties a request's log lines, its problem answers and its error page together. A
 * caller (a load balancer, an API client) may send its own in `X-Request-Id`; one that is not a
 * short plain token is replaced, so a log line never carries what the client chose to inject.
 * No Node imports: proxy.ts uses it too.
 */
export const requestIdHeader = 'x-request-id';

const saneRequestId = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

/** The caller's request id if it is sane, else a new one. */
export function requestIdFrom(candidate: string | null | undefined): string {
  const value = candidate?.trim();
  return value && saneRequestId.test(value) ? value : crypto.randomUUID();
}

/**
 * The page request's id, also sent as a cookie readable by the page: an error page runs in the
 * browser and cannot see the response headers of the navigation or action that failed, but the
 * browser has applied that response's cookie by the time the error is shown. It carries nothing
 * but the id (prefetches do not pass the proxy, so they do not overwrite it; server actions do
 * not get it, see proxy.ts).
 */
export const requestIdCookie = 'docket-request-id';

/**
 * Whether an error's digest is a request id rather than Next's own (a decimal hash): a server
 * action's bug carries its request id as the digest (lib/actions/result.ts).
 */
export function digestIsRequestId(digest: string): boolean {
  return !/^\d+$/.test(digest);
}
