import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listPeople } from '@/lib/data/people';
import { peopleOptions } from '../_components/people-options';
import { pageLocale } from '../[conferenceId]/load';
import { CreateConferenceForm } from './create-conference-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('conferences.create');
  return { title: t('title') };
}

export default async function NewConferencePage() {
  const actor = await requireActor();
  if (!can(actor, 'conference.create')) forbidden();
  const [t, locale, people] = await Promise.all([getTranslations('conferences'), pageLocale(), listPeople(actor, { limit: 200 })]);
  const defaults: Record<string, string> = {
    kind: 'special',
    format: 'in_person',
    convenedBy: t('defaultConvenedBy'),
  };
  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/conferences" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={t('create.title')} description={t('create.description')} />
      <Card>
        <CardContent className="py-5">
          <CreateConferenceForm defaults={defaults} people={peopleOptions(people, locale)} />
        </CardContent>
      </Card>
    </>
  );
}
