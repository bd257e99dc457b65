import type { Metadata } from 'next';
import { CalendarDays } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('conferences');
  return { title: t('title') };
}

export default async function ConferencesPage() {
  const t = await getTranslations('conferences');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState icon={CalendarDays} title={t('empty.title')} description={t('empty.description')} />
    </>
  );
}
