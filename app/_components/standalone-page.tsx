import { Landmark } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import type { ReactNode } from 'react';

/** A page shown without the shell (not found, forbidden): its own header and main landmarks. */
export async function StandalonePage({ children }: { children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <div className="flex min-h-dvh flex-col border-t-[3px] border-t-accent">
      <header className="flex items-center gap-2.5 px-4 py-4 sm:px-6">
        <span className="flex size-8 items-center justify-center rounded-md bg-accent text-on-accent">
          <Landmark className="size-[1.125rem]" aria-hidden="true" />
        </span>
        <span className="font-semibold text-ink">{t('name')}</span>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-12">
        {children}
      </main>
    </div>
  );
}
