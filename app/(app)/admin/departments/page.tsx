import type { Metadata } from 'next';
import Link from 'next/link';
import { FileUp, Plus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listDepartments } from '@/lib/data/departments';
import { departmentKinds, departmentListQuery } from '@/lib/validation/departments';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { DepartmentsTable } from './_components/departments-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminDepartments');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DepartmentsPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) forbidden();
  const [t, tKinds] = await Promise.all([getTranslations('adminDepartments'), getTranslations('departmentKinds')]);
  const query = parseListQuery(departmentListQuery, await searchParams);
  let result = await listDepartments(actor, query);
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listDepartments(actor, query);
  }
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <>
            <Button asChild variant="secondary">
              <Link href="/admin/departments/import">
                <FileUp aria-hidden="true" />
                {t('import.link')}
              </Link>
            </Button>
            <Button asChild>
              <Link href="/admin/departments/new">
                <Plus aria-hidden="true" />
                {t('create')}
              </Link>
            </Button>
          </>
        }
      />
      <DepartmentsTable
        rows={result.rows}
        state={tableUrlState(departmentListQuery, query, result.total)}
        kindOptions={departmentKinds.map((kind) => ({ value: kind, label: tKinds(kind) }))}
      />
    </>
  );
}
