import 'server-only';
import { getTranslations } from 'next-intl/server';

/**
 * A download route's refusal as a short translated text: 401 signed out, 404 missing or not the
 * user's to see (the two are never told apart). Not cached.
 */
export async function plainError(status: 401 | 404): Promise<Response> {
  const t = await getTranslations('errors');
  return new Response(t(status === 401 ? 'unauthenticated' : 'notFound'), {
    status,
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' },
  });
}
