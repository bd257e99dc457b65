import type { Metadata } from 'next';
import Link from 'next/link';
import { LayoutDashboard } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('dashboard');
  return { title: t('title') };
}

export default async function DashboardPage() {
  const t = await getTranslations('dashboard');
  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      <EmptyState
        icon={LayoutDashboard}
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
