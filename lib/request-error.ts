import type { Instrumentation } from 'next';
import { errorFields, logger } from './log';
import { requestIdHeader } from './request-id';

/**
 * Next's `onRequestError` (instrumentation.ts): a page, action or route handler failed on the
 * server. The line carries the request id the proxy gave the request and the digest the error
 * page shows, so a digest a user reads out leads to this line, its stack and its request id.
 */
export const logRequestError: Instrumentation.onRequestError = (error, request, context) => {
  const header = request.headers[requestIdHeader];
  const requestId = Array.isArray(header) ? header[0] : header;
  logger.error('request failed', {
    ...(requestId ? { requestId } : {}),
    method: request.method,
    path: request.path,
    routePath: context.routePath,
    routeType: context.routeType,
    ...errorFields(error),
  });
};
