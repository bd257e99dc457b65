import { cookies } from 'next/headers';
import { getRequestConfig } from 'next-intl/server';
import { getActor } from '@/lib/auth/session';
import { defaultLocale, isLocale, localeCookie } from './config';

/** A signed-in user's saved language wins; otherwise the browser's choice; otherwise Chinese. */
export default getRequestConfig(async () => {
  const actor = await getActor().catch(() => null);
  const fromCookie = (await cookies()).get(localeCookie)?.value;
  const locale = actor?.locale ?? (isLocale(fromCookie) ? fromCookie : defaultLocale);
  return {
    locale,
    timeZone: 'Asia/Shanghai',
    messages: (await import(`../../messages/${locale}.json`)).default,
  };
});
