'use client';

import { useSyncExternalStore } from 'react';
import { requestIdCookie } from '@/lib/request-id';

const subscribe = () => () => {};

function readRequestId(): string | null {
  const entry = document.cookie.split('; ').find((pair) => pair.startsWith(`${requestIdCookie}=`));
  return entry ? decodeURIComponent(entry.slice(requestIdCookie.length + 1)) : null;
}

/**
 * The id of the page, navigation or action request that just failed, as the proxy sent it: the
 * id on the server's `request failed` log line (lib/request-error.ts). Null on the server render.
 */
export function useFailedRequestId(): string | null {
  return useSyncExternalStore(subscribe, readRequestId, () => null);
}
