import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { parentOptionsFor } from '../_components/parent-options';
import { CreateDepartmentForm } from './create-department-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminDepartments');
  return { title: t('createTitle') };
}

export default async function NewDepartmentPage() {
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) forbidden();
  const [t, parents] = await Promise.all([getTranslations('adminDepartments'), parentOptionsFor(actor)]);
  return (
    <>
      <PageHeader title={t('createTitle')} description={t('createDescription')} />
      <Card>
        <CardContent className="py-5">
          <CreateDepartmentForm parents={parents} />
        </CardContent>
      </Card>
    </>
  );
}
