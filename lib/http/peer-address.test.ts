import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerAddressHeader, stampPeerAddresses } from './peer-address';

let server: http.Server;
let seen: http.IncomingHttpHeaders | undefined;

beforeAll(async () => {
  stampPeerAddresses();
  server = http.createServer((req, res) => {
    seen = req.headers;
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function headersSeen(headers: Record<string, string>) {
  const { port } = server.address() as AddressInfo;
  await fetch(`http://127.0.0.1:${port}/`, { headers });
  return seen!;
}

describe('stampPeerAddresses', () => {
  it('gives every request its socket address under a name of the process, not one a client can send', async () => {
    expect(peerAddressHeader()).toMatch(/^x-docket-peer-[0-9a-f]{16}$/);
    const headers = await headersSeen({ 'x-forwarded-for': '198.51.100.2' });
    expect(headers[peerAddressHeader()]).toBe('127.0.0.1');
    // The client's own forwarded header is left for requestIp to judge.
    expect(headers['x-forwarded-for']).toBe('198.51.100.2');
  });

  it('writes over a value a client sent under the same name', async () => {
    const headers = await headersSeen({ [peerAddressHeader()]: '198.51.100.1' });
    expect(headers[peerAddressHeader()]).toBe('127.0.0.1');
  });
});
