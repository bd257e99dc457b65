import { NextRequest } from 'next/server';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { proxy } from './proxy';

const hsts = 'strict-transport-security';

async function answer(path: string): Promise<Response> {
  return proxy(new NextRequest(new URL(path, 'http://127.0.0.1:3000')));
}

describe('proxy: Strict-Transport-Security', () => {
  afterEach(() => vi.unstubAllEnvs());

  it('is sent on pages, redirects and the API when NEXTAUTH_URL is https', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://docket.example.gov.cn');
    vi.stubEnv('NEXTAUTH_SECRET', 'proxy-test-secret-0123456789abcdef');
    for (const path of ['/login', '/dashboard', '/api/v1/tasks', '/api/notifications']) {
      expect((await answer(path)).headers.get(hsts), path).toBe('max-age=31536000; includeSubDomains');
    }
  });

  it('is not sent over plain http, where a browser would ignore it and a local setup would break', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'http://localhost:3000');
    vi.stubEnv('NEXTAUTH_SECRET', 'proxy-test-secret-0123456789abcdef');
    for (const path of ['/login', '/dashboard']) expect((await answer(path)).headers.get(hsts), path).toBeNull();
  });
});

describe('proxy: malformed percent-encoding', () => {
  afterEach(() => vi.unstubAllEnvs());

  const rewrittenTo = (response: Response) => {
    const target = response.headers.get('x-middleware-rewrite');
    return target ? new URL(target).pathname : null;
  };

  it('sends a path Next cannot decode to a 404: the API problem under /api, else the not-found page', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'proxy-test-secret-0123456789abcdef');
    expect(rewrittenTo(await answer('/api/v1/conferences/%u0031/venues'))).toBe('/api/v1/malformed-path');
    expect(rewrittenTo(await answer('/api/attachments/%E4%B8'))).toBe('/api/v1/malformed-path');
    // Pages too, before sign-in is asked for: there is nothing to sign in to.
    expect(rewrittenTo(await answer('/tasks/%zz'))).toBe('/malformed-path');
    expect(rewrittenTo(await answer('/tasks/%'))).toBe('/malformed-path');
  });

  it('leaves well-formed paths alone', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', 'proxy-test-secret-0123456789abcdef');
    expect(rewrittenTo(await answer('/api/v1/tasks/%E4%B8%AD'))).toBeNull();
    expect(rewrittenTo(await answer('/api/v1/tasks/%201'))).toBeNull();
  });
});

describe('proxy: request bodies are bounded by who is asking', () => {
  afterEach(() => vi.unstubAllEnvs());
  const secret = 'proxy-test-secret-0123456789abcdef';

  /** A body of `bytes` bytes, declared (Content-Length) or chunked (a stream, as `Transfer-Encoding: chunked` arrives). */
  function send(path: string, bytes: number, { chunked = false, headers = {} as Record<string, string> } = {}) {
    const body = chunked
      ? new ReadableStream<Uint8Array>({
          start(controller) {
            for (let sent = 0; sent < bytes; sent += 64 * 1024) controller.enqueue(new Uint8Array(Math.min(64 * 1024, bytes - sent)));
            controller.close();
          },
        })
      : new Uint8Array(bytes);
    const all = chunked ? headers : { ...headers, 'content-length': String(bytes) };
    return proxy(new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { method: 'POST', body, headers: all, duplex: 'half' } as never));
  }

  async function sessionCookie() {
    const { encode } = await import('next-auth/jwt');
    const token = await encode({ token: { sub: '7', uid: 7, role: 'secretary', departmentId: null, locale: null, sv: 0 }, secret, maxAge: 3600 });
    return `next-auth.session-token=${token}`;
  }

  it('refuses more than 64 KB without a session, declared or chunked, with the limit in the reader\'s language', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', secret);
    const declared = await send('/login', 65 * 1024);
    expect(declared.status).toBe(413);
    expect(await declared.text()).toBe('请求内容超过 64 KB 的上限，未处理。');
    // A sign-in form's server action, chunked, 3 MB, from an English browser.
    const chunked = await send('/login', 3 * 1024 * 1024, { chunked: true, headers: { 'next-action': 'abc', cookie: 'NEXT_LOCALE=en' } });
    expect(chunked.status).toBe(413);
    expect(await chunked.text()).toBe('The request is larger than the limit of 64 KB and was not processed.');
    // Sign-in itself is a few KB and passes.
    expect((await send('/login', 4 * 1024, { chunked: true })).status).not.toBe(413);
  });

  it('lets a signed-in person send up to 1 MB, and no more', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', secret);
    const cookie = await sessionCookie();
    expect((await send('/tasks/1', 900 * 1024, { headers: { cookie } })).status).not.toBe(413);
    expect((await send('/tasks/1', 900 * 1024, { chunked: true, headers: { cookie } })).status).not.toBe(413);
    expect((await send('/tasks/1', 1024 * 1024 + 1, { chunked: true, headers: { cookie } })).status).toBe(413);
    // A forged cookie is no session.
    expect((await send('/tasks/1', 100 * 1024, { headers: { cookie: 'next-auth.session-token=forged' } })).status).toBe(413);
  });

  it('answers the API as a problem: 64 KB without a token, 1 MB with one', async () => {
    vi.stubEnv('NEXTAUTH_SECRET', secret);
    const anonymous = await send('/api/v1/tasks/1/follow-ups', 100 * 1024, { headers: { 'accept-language': 'en' } });
    expect(anonymous.status).toBe(413);
    expect(anonymous.headers.get('content-type')).toContain('application/problem+json');
    const problem = (await anonymous.json()) as { type: string; detail: string; instance: string };
    expect(problem).toMatchObject({ type: '/api/docs#problem-payload-too-large', detail: 'The request body is larger than 64 KB.', instance: '/api/v1/tasks/1/follow-ups' });
    const authorization = `Bearer dkt_${'a'.repeat(43)}`;
    expect((await send('/api/v1/tasks/1/follow-ups', 100 * 1024, { headers: { authorization } })).status).not.toBe(413);
    const over = await send('/api/v1/tasks/1/follow-ups', 2 * 1024 * 1024, { chunked: true, headers: { authorization } });
    expect(over.status).toBe(413);
    expect(((await over.json()) as { detail: string }).detail).toBe('请求正文超过 1 MB。');
  });
});
