import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft, TriangleAlert } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { listPeople } from '@/lib/data/people';
import { localizedName } from '@/lib/i18n/localized';
import { conferenceFormValues } from '../../_components/conference-form-data';
import { peopleOptions } from '../../_components/people-options';
import { conferenceTitle, loadConference, pageLocale } from '../load';
import { EditConferenceForm } from './edit-conference-form';

type Props = { params: Promise<{ conferenceId: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('conferences.edit');
  return { title: t('title') };
}

export default async function EditConferencePage({ params }: Props) {
  const { actor, detail } = await loadConference((await params).conferenceId);
  if (!can(actor, 'conference.update')) forbidden();
  const { conference: c } = detail;
  const [t, tErrors, locale, people] = await Promise.all([getTranslations('conferences'), getTranslations('errors'), pageLocale(), listPeople(actor, { limit: 200 })]);
  const back = (
    <p className="mb-2 print:hidden">
      <Link href={`/conferences/${c.id}`} className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {t('edit.cancel')}
      </Link>
    </p>
  );
  const header = <PageHeader title={t('edit.title')} description={conferenceTitle(c, locale)} />;
  if (c.status === 'cancelled') {
    return (
      <>
        {back}
        {header}
        <p className="rounded-md border border-danger-border bg-danger-soft px-4 py-3 text-sm text-danger">{tErrors('conferenceCancelled')}</p>
      </>
    );
  }
  const options = peopleOptions(people, locale);
  // The chair stays selectable even when the list of people is cut short.
  if (c.chairPersonId && detail.chairName && !options.some((o) => o.id === c.chairPersonId)) {
    options.unshift({ id: c.chairPersonId, label: localizedName({ name: detail.chairName, nameEn: detail.chairNameEn }, locale) });
  }
  const values = conferenceFormValues(c);
  return (
    <>
      {back}
      {header}
      {c.status === 'minutes_published' ? (
        <p className="mb-4 flex items-start gap-2 rounded-md border border-info-border bg-info-soft px-4 py-3 text-sm text-info">
          <TriangleAlert className="mt-0.5 size-4 shrink-0" aria-hidden="true" />
          {t('edit.correctionNote')}
        </p>
      ) : null}
      <Card>
        <CardContent className="py-5">
          <p className="mb-5 text-sm text-ink-muted">{t('edit.description')}</p>
          <EditConferenceForm id={c.id} version={c.version} values={values} loaded={{ ...values, status: c.status }} people={options} />
        </CardContent>
      </Card>
    </>
  );
}
