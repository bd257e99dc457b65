import { encode, getToken } from 'next-auth/jwt';
import { type NextRequest, NextResponse } from 'next/server';
import { negotiateLocale } from '@/lib/api/locale';
import { problemResponse } from '@/lib/api/problem';
import { contentSecurityPolicy } from '@/lib/auth/csp';
import { anonymousBodyLimit, bodyExceeds, declaredLength, formatLimit, sessionBodyLimit } from '@/lib/http/body-limit';
import { isLocale, localeCookie } from '@/lib/i18n/config';
import { translator } from '@/lib/i18n/translator';
import { requestIdCookie, requestIdFrom, requestIdHeader } from '@/lib/request-id';

// Only an optimistic gate: lib/data checks the actor on every read and write.
// /api/cron checks its own secret header (app/api/cron/reminders/route.ts); /api/v1 its bearer
// tokens (lib/api/operation.ts), answering 401 as a problem; /api/docs is the public API reference.
const publicPrefixes = ['/login', '/api/auth', '/api/health', '/api/ready', '/api/v1', '/api/docs', '/api/calendar', '/api/cron'];
const refreshAfterSeconds = 5 * 60;

/** Whether the path has a `%` that is not a UTF-8 percent-encoding (`%u0031`, `%E4%B8`), which Next's router cannot decode. */
export function malformedPath(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return false;
  } catch {
    return true;
  }
}
// Addresses no route answers, so a malformed path gets the ordinary 404: the API's catch-all
// problem, or the not-found page.
const malformedApiTarget = '/api/v1/malformed-path';
const malformedPageTarget = '/malformed-path';

function secure(): boolean {
  return (process.env.NEXTAUTH_URL ?? '').startsWith('https://');
}

// The shape of a personal API token (lib/data/api-tokens.ts); whether it is valid is for /api/v1 to say.
const bearerToken = /^Bearer[ \t]+dkt_[A-Za-z0-9_-]{16,}[ \t]*$/i;

/**
 * 413 before anything reads a body larger than the asker may send: 64 KB without a session or
 * token, 1 MB with one. Chunked bodies are counted as they arrive (Next hands the proxy at most
 * `proxyClientMaxBodySize`, set just above 1 MB in next.config.js, so a count past 1 MB is proof).
 */
async function oversizeAnswer(request: NextRequest, requestId: string): Promise<Response | null> {
  if (!request.body && declaredLength(request.headers) === null) return null;
  const signedIn =
    bearerToken.test(request.headers.get('authorization') ?? '') ||
    Boolean(await getToken({ req: request, secret: process.env.NEXTAUTH_SECRET ?? '', secureCookie: secure() }).catch(() => null));
  const limit = signedIn ? sessionBodyLimit : anonymousBodyLimit;
  if (!(await bodyExceeds(request, limit))) return null;
  const cookieLocale = request.cookies.get(localeCookie)?.value;
  const locale = isLocale(cookieLocale) ? cookieLocale : negotiateLocale(request.headers.get('accept-language'));
  const t = translator(locale);
  const { pathname } = request.nextUrl;
  // Closing the connection stops a client that would go on sending the rest.
  const close = { Connection: 'close' };
  if (pathname.startsWith('/api/')) {
    const detail = t('api.problems.payloadTooLarge', { max: formatLimit(limit) });
    return problemResponse('payload_too_large', locale, detail, { instance: pathname, requestId, headers: close });
  }
  return new Response(t('errors.bodyTooLarge', { max: formatLimit(limit) }), {
    status: 413,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store', ...close },
  });
}

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce);
  // Next reads the nonce from the request's CSP header and stamps it on its scripts.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  // Layouts cannot see the path; the shell needs it to send users to a forced password change.
  requestHeaders.set('x-pathname', pathname);
  requestHeaders.set('Content-Security-Policy', csp);
  // One id per request, for server code (`headers()`), log lines, problem answers and the caller.
  const requestId = requestIdFrom(request.headers.get(requestIdHeader));
  requestHeaders.set(requestIdHeader, requestId);
  const stamped = (response: NextResponse) => {
    response.headers.set('X-Request-Id', requestId);
    // Served over https: browsers must never fall back to http for this host (a year, as preload lists ask).
    if (secure()) response.headers.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    return response;
  };
  const next = () => {
    const response = NextResponse.next({ request: { headers: requestHeaders } });
    response.headers.set('Content-Security-Policy', csp);
    // Not on a server action: Next re-renders the page after an action whose request got a cookie
    // from the proxy, which would reset every form. A failed action names its own id instead
    // (lib/actions/result.ts).
    if (!pathname.startsWith('/api/') && !request.headers.has('next-action')) {
      response.cookies.set(requestIdCookie, requestId, { path: '/', sameSite: 'lax', secure: secure() });
    }
    return stamped(response);
  };

  const oversize = await oversizeAnswer(request, requestId);
  if (oversize) return stamped(new NextResponse(oversize.body, oversize));

  if (malformedPath(pathname)) {
    const target = new URL(pathname.startsWith('/api/') ? malformedApiTarget : malformedPageTarget, request.url);
    const response = NextResponse.rewrite(target, { request: { headers: requestHeaders } });
    response.headers.set('Content-Security-Policy', csp);
    return stamped(response);
  }

  if (publicPrefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`))) return next();

  const secret = process.env.NEXTAUTH_SECRET ?? '';
  const secureCookie = secure();
  const token = await getToken({ req: request, secret, secureCookie }).catch(() => null);
  if (!token) {
    if (pathname.startsWith('/api/')) return stamped(new NextResponse(null, { status: 401 }));
    const login = new URL('/login', request.url);
    login.searchParams.set('callbackUrl', `${pathname}${search}`);
    return stamped(NextResponse.redirect(login));
  }

  if (token.mcp && pathname !== '/profile' && !pathname.startsWith('/api/')) {
    return stamped(NextResponse.redirect(new URL('/profile', request.url)));
  }

  const response = next();
  // Re-issue the token on activity so the session lifetime counts from the last request.
  const issuedAt = typeof token.iat === 'number' ? token.iat : 0;
  if (Date.now() / 1000 - issuedAt > refreshAfterSeconds) {
    const maxAge = Number(process.env.SESSION_MAX_AGE_HOURS || 8) * 3600;
    const { iat: _iat, exp: _exp, jti: _jti, ...claims } = token;
    const name = `${secureCookie ? '__Secure-' : ''}next-auth.session-token`;
    response.cookies.set(name, await encode({ token: claims, secret, maxAge }), {
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie,
      path: '/',
      maxAge,
    });
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Not the upload routes: Next would hand them on cut at `proxyClientMaxBodySize`. They check
      // the session and count the bytes themselves (lib/http/upload-route.ts).
      source: '/((?!_next/static|_next/image|favicon.ico|robots.txt|api/uploads/).*)',
      // Prefetches get no nonce'd HTML, so they need no policy of their own.
      missing: [
        { type: 'header', key: 'next-router-prefetch' },
        { type: 'header', key: 'purpose', value: 'prefetch' },
      ],
    },
  ],
};
