import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { departmentOptionsFor } from '../_components/department-options';
import { CreateUser } from './create-user-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminUsers');
  return { title: t('createTitle') };
}

export default async function NewUserPage() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const [t, departments] = await Promise.all([getTranslations('adminUsers'), departmentOptionsFor(actor)]);
  return (
    <>
      <PageHeader title={t('createTitle')} description={t('createDescription')} />
      <CreateUser departments={departments} />
    </>
  );
}
