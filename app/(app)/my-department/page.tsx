import type { Metadata } from 'next';
import { Building2 } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('myDepartment');
  return { title: t('title') };
}

export default async function MyDepartmentPage() {
  const t = await getTranslations('myDepartment');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState icon={Building2} title={t('empty.title')} description={t('empty.description')} />
    </>
  );
}
