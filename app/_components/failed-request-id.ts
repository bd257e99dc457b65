'use client';

import { useSyncExternalStore } from 'react';
import { digestIsRequestId, requestIdCookie } from '@/lib/request-id';

const subscribe = () => () => {};

function readRequestId(): string | null {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith(`${requestIdCookie}=`));
  return entry ? decodeURIComponent(entry.slice(requestIdCookie.length + 1)) : null;
}

/**
 * The id of the request that failed — the id on the server's `request failed` log line
 * (lib/request-error.ts) — and the digest to show beside it, if it says more. A failed server
 * action carries its request id as the digest; a failed page or navigation has Next's digest and
 * its id in the proxy's cookie. Null on the server render.
 */
export function useFailedRequest(digest: string | null): { requestId: string | null; digest: string | null } {
  const fromCookie = useSyncExternalStore(subscribe, readRequestId, () => null);
  if (digest && digestIsRequestId(digest)) return { requestId: digest, digest: null };
  return { requestId: fromCookie, digest };
}
