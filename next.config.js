// @ts-check
const createNextIntlPlugin = require('next-intl/plugin');

const withNextIntl = createNextIntlPlugin('./lib/i18n/request.ts');

/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WebAssembly from its package folder; bundling it breaks the paths.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'pino'],
  poweredByHeader: false,
  typedRoutes: false,
  // `npm test` type-checks (tsc --noEmit) before it builds; a newcomer's first `npm run demo`
  // should not pay for a second check on a small machine.
  typescript: { ignoreBuildErrors: true },
  // forbidden() answers 403 with app/forbidden.tsx for whole areas a role may not use.
  experimental: {
    authInterrupts: true,
    // What Next buffers for proxy.ts per request: just above the 1 MB it lets a signed-in person
    // send (lib/http/body-limit.ts), so it can tell a larger chunked body. Files skip the proxy:
    // they stream to the upload routes under app/api/uploads/.
    proxyClientMaxBodySize: '1280kb',
    // Forms send text only; evidence files are uploaded first and posted as signed receipts.
    serverActions: { bodySizeLimit: '1mb' },
  },
  async headers() {
    // The Content-Security-Policy is per request (it carries a nonce): see proxy.ts.
    return [
      {
        source: '/:path*',
        headers: [
          { key: 'X-Content-Type-Options', value: 'nosniff' },
          { key: 'X-Frame-Options', value: 'DENY' },
          { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
          { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=()' },
          { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
        ],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
