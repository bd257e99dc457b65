import type { Metadata } from 'next';
import { getLocale, getTranslations } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { Card, CardContent } from '@/app/_components/ui/card';
import { BackLink } from '@/app/_components/ui/back-link';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { getPerson } from '@/lib/data/people';
import { localizedName } from '@/lib/i18n/localized';
import { id as rowId } from '@/lib/validation/common';
import { personFieldNames } from '@/lib/validation/people';
import { EditPersonForm } from './edit-person-form';

type Props = { params: Promise<{ personId: string }> };

async function load(params: Props['params']) {
  const actor = await requireActor();
  if (!can(actor, 'person.list')) forbidden();
  const id = rowId.safeParse((await params).personId);
  const person = id.success ? await getPerson(actor, id.data) : null;
  if (!person) notFound();
  return { actor, person };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ person }, locale] = await Promise.all([load(params), getLocale()]);
  return { title: localizedName(person, locale) };
}

export default async function PersonPage({ params }: Props) {
  const { actor, person } = await load(params);
  const [t, locale] = await Promise.all([getTranslations('people'), getLocale()]);
  const editable = can(actor, 'person.update');
  return (
    <>
      <BackLink href="/people">{t('backToList')}</BackLink>
      <PageHeader title={localizedName(person, locale)} description={t('speechesLine', { count: person.speeches })} />
      <Card>
        <CardContent className="py-5">
          {editable ? (
            <>
              <p className="mb-5 text-sm text-ink-muted">{t('editDescription')}</p>
              <EditPersonForm person={person} />
            </>
          ) : (
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {personFieldNames.map((field) => (
                <div key={field}>
                  <dt className="text-sm text-ink-muted">{t(`fields.${field}`)}</dt>
                  <dd className="text-ink">{person[field] ?? <span className="text-ink-muted">—</span>}</dd>
                </div>
              ))}
            </dl>
          )}
        </CardContent>
      </Card>
    </>
  );
}
