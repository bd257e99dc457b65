import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent } from '@/app/_components/ui/card';
import { BackLink } from '@/app/_components/ui/back-link';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { CreatePersonForm } from './create-person-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people');
  return { title: t('createTitle') };
}

export default async function NewPersonPage() {
  const actor = await requireActor();
  if (!can(actor, 'person.create')) forbidden();
  const t = await getTranslations('people');
  return (
    <>
      <BackLink href="/people">{t('backToList')}</BackLink>
      <PageHeader title={t('createTitle')} description={t('createDescription')} />
      <Card>
        <CardContent className="py-5">
          <CreatePersonForm />
        </CardContent>
      </Card>
    </>
  );
}
