import { describe, expect, it } from 'vitest';
import { anonymousBodyLimit, bodyExceeds, declaredLength, formatLimit, sessionBodyLimit } from './body-limit';

/** A chunked body of `chunks` pieces of `size` bytes that counts how many were pulled. */
function chunkedBody(chunks: number, size: number) {
  const pulled = { count: 0 };
  // highWaterMark 0: nothing is pulled until someone reads.
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.count === chunks) return controller.close();
      pulled.count += 1;
      controller.enqueue(new Uint8Array(size).fill(0x61));
    },
  }, { highWaterMark: 0 });
  return { body, pulled };
}

const post = (body: ReadableStream<Uint8Array> | string, headers: Record<string, string> = {}) =>
  new Request('http://127.0.0.1/login', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('body limits', () => {
  it('names limits the way people read them', () => {
    expect(formatLimit(anonymousBodyLimit)).toBe('64 KB');
    expect(formatLimit(sessionBodyLimit)).toBe('1 MB');
    expect(formatLimit(20 * 1024 * 1024)).toBe('20 MB');
  });

  it('reads a declared length only when it is a plain number', () => {
    expect(declaredLength(new Headers({ 'content-length': '65537' }))).toBe(65537);
    expect(declaredLength(new Headers({ 'content-length': '1e9' }))).toBeNull();
    expect(declaredLength(new Headers())).toBeNull();
  });

  it('refuses by the declared length without reading the body', async () => {
    const { body, pulled } = chunkedBody(10, 1024);
    const request = new Request('http://127.0.0.1/login', {
      method: 'POST',
      body,
      headers: { 'content-length': String(anonymousBodyLimit + 1) },
      duplex: 'half',
    } as RequestInit);
    expect(await bodyExceeds(request, anonymousBodyLimit)).toBe(true);
    expect(pulled.count).toBe(0);
  });

  it('counts a chunked body as it arrives and stops just past the limit', async () => {
    // 50 MB in 64 KB chunks: the count stops after the second chunk.
    const { body, pulled } = chunkedBody(800, 64 * 1024);
    expect(await bodyExceeds(post(body), anonymousBodyLimit)).toBe(true);
    expect(pulled.count).toBeLessThanOrEqual(3);
  });

  it('lets a chunked body at or under the limit through', async () => {
    expect(await bodyExceeds(post(chunkedBody(16, 4096).body), anonymousBodyLimit)).toBe(false);
    expect(await bodyExceeds(post(chunkedBody(16, 4097).body), anonymousBodyLimit)).toBe(true);
    expect(await bodyExceeds(new Request('http://127.0.0.1/login'), anonymousBodyLimit)).toBe(false);
  });
});
