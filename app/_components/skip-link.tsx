import { getTranslations } from 'next-intl/server';

/** First focusable element of every page: jumps past the top bar and navigation. */
export async function SkipLink() {
  const t = await getTranslations('shell');
  return (
    <a
      href="#main"
      className="sr-only focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:z-50 focus:rounded-md focus:bg-accent focus:px-4 focus:py-2 focus:text-sm focus:font-medium focus:text-on-accent"
    >
      {t('skipToContent')}
    </a>
  );
}
