import type { Metadata } from 'next';
import Link from 'next/link';
import { ClipboardList } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('tasks');
  return { title: t('title') };
}

export default async function TasksPage() {
  const t = await getTranslations('tasks');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState
        icon={ClipboardList}
        title={t('empty.title')}
        description={t('empty.description')}
        action={
          <Button asChild variant="secondary">
            <Link href="/conferences">{t('empty.action')}</Link>
          </Button>
        }
      />
    </>
  );
}
