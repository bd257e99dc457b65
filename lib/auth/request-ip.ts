import { BlockList, isIP } from 'node:net';
import { env } from '@/lib/env';
import { peerAddressHeader } from '@/lib/http/peer-address';

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** Hops of a forwarded chain read at most: a longer header is the client's padding. */
const maxHops = 20;

/** `::ffff:1.2.3.4` is the IPv4 address 1.2.3.4, so one source has one key. */
function normalized(address: string): string {
  const lower = address.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  return mapped ? mapped[1]! : lower;
}

/** One hop of X-Forwarded-For as an address, or null: `1.2.3.4`, `1.2.3.4:80`, `::1`, `[::1]:80`. */
function hopAddress(hop: string): string | null {
  const value = hop.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(value);
  const address = bracketed?.[1] ?? withPort?.[1] ?? value;
  return isIP(address) ? normalized(address) : null;
}

/** The configured proxies (addresses and CIDR ranges, already validated by lib/env.ts) as a matcher. */
export function trustedProxyList(entries: readonly string[]): BlockList {
  const list = new BlockList();
  for (const entry of entries) {
    const [address, bits] = entry.split('/') as [string, string | undefined];
    const type = isIP(address) === 6 ? 'ipv6' : 'ipv4';
    if (bits === undefined) list.addAddress(address, type);
    else list.addSubnet(address, Number(bits), type);
  }
  return list;
}

function isTrusted(address: string, trusted: BlockList): boolean {
  return trusted.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy, in which case the
 * right-most hop of X-Forwarded-For that is not a trusted proxy. Hops left of it are whatever the
 * client wrote and are never read. A hop that is not an address ends the walk at the proxy that
 * passed it on, so garbage cannot pick a fresh key.
 */
export function clientAddress(peer: string | null, forwardedFor: string | null, trusted: BlockList): string | null {
  const peerAddress = peer ? hopAddress(peer) : null;
  if (!peerAddress) return null;
  let address = peerAddress;
  if (!isTrusted(address, trusted)) return address;
  const hops = (forwardedFor ?? '').split(',').slice(-maxHops).reverse();
  for (const hop of hops) {
    if (hop.trim() === '') continue;
    const next = hopAddress(hop);
    if (!next) return address;
    address = next;
    if (!isTrusted(address, trusted)) return address;
  }
  return address;
}

let cachedList: { entries: readonly string[]; list: BlockList } | undefined;

/**
 * The address sign-in throttling and the audit log record for this request. The peer comes from
 * the socket (lib/http/peer-address.ts); forwarded headers count only from `TRUSTED_PROXIES`.
 */
export function requestIp(headers: HeaderSource): string | null {
  const get = (name: string): string | null => {
    if (headers instanceof Headers) return headers.get(name);
    const value = headers[name];
    return (Array.isArray(value) ? value.join(', ') : value) ?? null;
  };
  const entries = env().TRUSTED_PROXIES;
  if (cachedList?.entries !== entries) cachedList = { entries, list: trustedProxyList(entries) };
  return clientAddress(get(peerAddressHeader()), get('x-forwarded-for'), cachedList.list);
}
