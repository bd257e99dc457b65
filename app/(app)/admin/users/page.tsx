import type { Metadata } from 'next';
import Link from 'next/link';
import { UserPlus } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Button } from '@/app/_components/ui/button';
import { PageHeader } from '@/app/_components/ui/page-header';
import { roles } from '@/lib/auth/actor';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listUsers } from '@/lib/data/users';
import { localizedName } from '@/lib/i18n/localized';
import { clampPage, parseListQuery, tableUrlState } from '@/lib/validation/list-query';
import { userListQuery } from '@/lib/validation/users';
import { UsersTable } from './_components/users-table';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminUsers');
  return { title: t('title') };
}

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function UsersPage({ searchParams }: Props) {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const [t, tRoles, locale] = await Promise.all([getTranslations('adminUsers'), getTranslations('roles'), getLocale()]);
  const query = parseListQuery(userListQuery, await searchParams);
  let result = await listUsers(actor, query);
  const lastPage = clampPage(query.page, query.pageSize, result.total);
  if (lastPage < query.page) {
    query.page = lastPage;
    result = await listUsers(actor, query);
  }
  const rows = result.rows.map((u) => ({
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    email: u.email,
    role: u.role,
    department: u.departmentName ? localizedName({ name: u.departmentName, nameEn: u.departmentNameEn }, locale) : null,
    active: u.active,
    mustChangePassword: u.mustChangePassword,
    lastSignInAt: u.lastSignInAt,
  }));
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={
          <Button asChild>
            <Link href="/admin/users/new">
              <UserPlus aria-hidden="true" />
              {t('create')}
            </Link>
          </Button>
        }
      />
      <UsersTable
        rows={rows}
        state={tableUrlState(userListQuery, query, result.total)}
        roleOptions={roles.map((role) => ({ value: role, label: tRoles(role) }))}
      />
    </>
  );
}
