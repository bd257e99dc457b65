import type { Metadata } from 'next';
import Link from 'next/link';
import { Contact, UserPlus } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/ui/button';
import { EmptyState } from '@/app/_components/ui/empty-state';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listPeoplePage } from '@/lib/data/people';
import { localizedName } from '@/lib/i18n/localized';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { personListQuery } from '@/lib/validation/people';
import { PeopleTable, type PersonTableRow } from './_components/people-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('people');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The people who chair, report and speak at conferences: searched, sorted and paged on the server. */
export default async function PeoplePage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'person.list')) forbidden();
  const [t, locale] = await Promise.all([getTranslations('people'), getLocale()]);
  const query = parseListQuery(personListQuery, await searchParams);
  let result = await listPeoplePage(actor, { ...query, locale });
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listPeoplePage(actor, { ...query, locale });
  }
  const canCreate = can(actor, 'person.create');
  const en = locale === 'en';
  const rows: PersonTableRow[] = result.rows.map((p) => {
    const name = localizedName(p, locale);
    const other = en ? p.name : p.nameEn;
    return {
      id: p.id,
      name,
      otherName: other && other !== name ? other : null,
      position: (en && p.positionEn) || p.position,
      organization: (en && p.organizationEn) || p.organization,
      speeches: p.speeches,
    };
  });
  const createButton = canCreate ? (
    <Button asChild>
      <Link href="/people/new">
        <UserPlus aria-hidden="true" />
        {t('create')}
      </Link>
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title={t('title')} description={canCreate ? t('description') : t('descriptionReadOnly')} actions={createButton} />
      {result.total === 0 && !query.q ? (
        <EmptyState icon={Contact} title={t('empty.title')} description={canCreate ? t('empty.office') : t('empty.readOnly')} />
      ) : (
        <PeopleTable rows={rows} state={tableUrlState(personListQuery, query, result.total)} />
      )}
    </>
  );
}
