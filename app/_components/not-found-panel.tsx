import Link from 'next/link';
import { FileSearch } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from './ui/button';
import { EmptyState } from './ui/empty-state';

/** "Missing" and "not yours" look the same on purpose: the page gives nothing away. */
export async function NotFoundPanel() {
  const t = await getTranslations('errors.pageNotFound');
  return (
    <EmptyState
      headingLevel={1}
      icon={FileSearch}
      title={t('title')}
      description={t('description')}
      action={
        <Button asChild>
          <Link href="/dashboard">{t('action')}</Link>
        </Button>
      }
    />
  );
}
