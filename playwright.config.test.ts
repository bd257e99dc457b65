import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function webServerOf(env: Record<string, string | undefined>) {
  for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
  const config = (await import('./playwright.config')).default;
  const server = config.webServer;
  if (!server || Array.isArray(server)) throw new Error('one web server expected');
  return server;
}

describe('the end-to-end suite tests its own checkout', () => {
  it('starts its own server and never reuses whatever answers on the port, in CI or not', async () => {
    for (const CI of ['true', undefined]) {
      const server = await webServerOf({ CI, E2E_PORT: '3187' });
      expect(server.reuseExistingServer).toBe(false);
      expect(server.command).toBe('bash scripts/e2e-server.sh 3187');
      expect(server.url).toBe('http://127.0.0.1:3187/api/health');
    }
  });
});
