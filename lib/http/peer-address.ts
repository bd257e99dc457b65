import crypto from 'node:crypto';
import http from 'node:http';
import https from 'node:https';

const nameKey = Symbol.for('docket.peerAddressHeader');
const installedKey = Symbol.for('docket.peerAddressStamp');
type Store = { [nameKey]?: string; [installedKey]?: true };

/**
 * The request header that carries the TCP peer's address from the socket to app code, which only
 * sees headers. Next fills `X-Forwarded-For` from the socket only when the client sent none, so
 * that header cannot tell a proxy's word from a client's. The name is random per process (kept on
 * globalThis, shared by Next's bundles), so no client can send it: a request that was not stamped
 * has no peer at all.
 */
export function peerAddressHeader(): string {
  const store = globalThis as Store;
  return (store[nameKey] ??= `x-docket-peer-${crypto.randomBytes(8).toString('hex')}`);
}

/**
 * Writes every incoming request's socket address into its headers before Next sees them. Called
 * once at server start (instrumentation.ts). A request that reached the server before this ran
 * stays unstamped and is treated as coming from an unknown address.
 */
export function stampPeerAddresses(): void {
  const store = globalThis as Store;
  if (store[installedKey]) return;
  const name = peerAddressHeader();
  for (const prototype of [http.Server.prototype, https.Server.prototype]) {
    const emit = prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === 'request' || event === 'checkContinue' || event === 'checkExpectation') {
        const req = args[0] as http.IncomingMessage;
        const peer = req.socket?.remoteAddress;
        if (peer) req.headers[name] = peer;
      }
      return emit.call(this, event, ...args);
    } as typeof prototype.emit;
  }
  store[installedKey] = true;
}
