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
