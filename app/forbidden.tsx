import { Landmark, ShieldX } from 'lucide-react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { Button } from './_components/ui/button';
import { EmptyState } from './_components/ui/empty-state';

/** A whole area the user's role may not open (403). */
export default async function Forbidden() {
  const [t, tApp] = await Promise.all([getTranslations('errors.pageForbidden'), getTranslations('app')]);
  return (
    <div className="flex min-h-dvh flex-col border-t-[3px] border-t-accent">
      <header className="flex items-center gap-2.5 px-4 py-4 sm:px-6">
        <span className="flex size-8 items-center justify-center rounded-md bg-accent text-on-accent">
          <Landmark className="size-[1.125rem]" aria-hidden="true" />
        </span>
        <span className="font-semibold text-ink">{tApp('name')}</span>
      </header>
      <main id="main" className="mx-auto w-full max-w-2xl flex-1 px-4 py-12">
        <EmptyState
          headingLevel={1}
          icon={ShieldX}
          title={t('title')}
          description={t('description')}
          action={
            <Button asChild>
              <Link href="/dashboard">{t('action')}</Link>
            </Button>
          }
        />
      </main>
    </div>
  );
}
