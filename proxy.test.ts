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
