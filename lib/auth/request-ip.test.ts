import { afterEach, describe, expect, it } from 'vitest';
import { resetEnvForTests } from '@/lib/env';
import { peerAddressHeader } from '@/lib/http/peer-address';
import { clientAddress, requestIp, trustedProxyList } from './request-ip';

const none = trustedProxyList([]);
const proxies = trustedProxyList(['10.0.0.5', '172.16.0.0/12', 'fd00::/8']);

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    expect(clientAddress('203.0.113.7', '198.51.100.1', none)).toBe('203.0.113.7');
    expect(clientAddress('203.0.113.7', null, none)).toBe('203.0.113.7');
    expect(clientAddress('2001:db8::7', '198.51.100.1', none)).toBe('2001:db8::7');
  });

  it('ignores X-Forwarded-For from a peer that is not a trusted proxy', () => {
    expect(clientAddress('198.51.100.9', '192.0.2.1, 10.0.0.5', proxies)).toBe('198.51.100.9');
  });

  it('takes the right-most hop that is not a trusted proxy, never the spoofed left ones', () => {
    // The client wrote "192.0.2.1, 192.0.2.2"; the proxy at 10.0.0.5 appended the address it saw.
    expect(clientAddress('10.0.0.5', '192.0.2.1, 192.0.2.2, 203.0.113.7', proxies)).toBe('203.0.113.7');
    // Two proxies in a row, the inner one inside a trusted CIDR range.
    expect(clientAddress('172.20.1.1', '192.0.2.1, 203.0.113.7, 10.0.0.5', proxies)).toBe('203.0.113.7');
  });

  it('reads IPv6 hops and ranges, with or without brackets and ports', () => {
    expect(clientAddress('fd00::1', '2001:db8::1, 2001:db8::2', proxies)).toBe('2001:db8::2');
    expect(clientAddress('fd12:3456::9', '[2001:db8::3]:4711', proxies)).toBe('2001:db8::3');
    expect(clientAddress('10.0.0.5', '203.0.113.7:51234', proxies)).toBe('203.0.113.7');
    expect(clientAddress('::ffff:10.0.0.5', '::ffff:203.0.113.7', proxies)).toBe('203.0.113.7');
    expect(clientAddress('2001:DB8::A', null, none)).toBe('2001:db8::a');
  });

  it('stops at the proxy that passed on a hop that is not an address', () => {
    expect(clientAddress('10.0.0.5', '203.0.113.7, not-an-ip', proxies)).toBe('10.0.0.5');
    expect(clientAddress('10.0.0.5', 'unknown, 172.16.0.2', proxies)).toBe('172.16.0.2');
  });

  it('is the left-most hop when every hop is a trusted proxy, and the peer when there is no header', () => {
    expect(clientAddress('10.0.0.5', '172.16.0.2, 172.16.0.3', proxies)).toBe('172.16.0.2');
    expect(clientAddress('10.0.0.5', null, proxies)).toBe('10.0.0.5');
  });

  it('knows no address without a peer', () => {
    expect(clientAddress(null, '203.0.113.7', proxies)).toBeNull();
    expect(clientAddress('garbage', '203.0.113.7', proxies)).toBeNull();
  });
});

describe('requestIp', () => {
  afterEach(() => {
    delete process.env.TRUSTED_PROXIES;
    resetEnvForTests();
  });

  it('by default uses the socket address, so a forged X-Forwarded-For or X-Real-IP changes nothing', () => {
    const headers = new Headers({ [peerAddressHeader()]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' });
    expect(requestIp(headers)).toBe('203.0.113.7');
    expect(requestIp({ [peerAddressHeader()]: '203.0.113.7', 'x-forwarded-for': '198.51.100.1' })).toBe('203.0.113.7');
  });

  it('knows no address for a request the server did not stamp, even one naming a peer', () => {
    expect(requestIp({ 'x-docket-peer': '203.0.113.7', 'x-forwarded-for': '198.51.100.1', 'x-real-ip': '198.51.100.2' })).toBeNull();
  });

  it('believes the proxies named in TRUSTED_PROXIES', () => {
    process.env.TRUSTED_PROXIES = '127.0.0.1, ::1';
    resetEnvForTests();
    expect(requestIp({ [peerAddressHeader()]: '127.0.0.1', 'x-forwarded-for': '198.51.100.1, 203.0.113.7' })).toBe('203.0.113.7');
    expect(requestIp({ [peerAddressHeader()]: '192.0.2.50', 'x-forwarded-for': '203.0.113.7' })).toBe('192.0.2.50');
  });
});
