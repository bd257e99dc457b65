import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { getDepartment } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import { idOf } from '@/lib/validation/common';
import { parentOptionsFor } from '../_components/parent-options';
import { DepartmentStatusForm } from './department-status-form';
import { EditDepartmentForm } from './edit-department-form';

type Props = { params: Promise<{ departmentId: string }> };

async function load(params: Props['params']) {
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) forbidden();
  const id = idOf((await params).departmentId);
  if (id === undefined) notFound();
  const department = await getDepartment(actor, id);
  if (!department) notFound();
  return { actor, department };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const [{ department }, locale] = await Promise.all([load(params), getLocale()]);
  return { title: localizedName(department, locale) };
}

export default async function DepartmentPage({ params }: Props) {
  const { actor, department } = await load(params);
  const [t, locale, parents] = await Promise.all([getTranslations('adminDepartments'), getLocale(), parentOptionsFor(actor, department.id)]);
  // A parent since deactivated stays visible as the current one.
  const parentId = department.parentId;
  if (parentId && !parents.some((p) => p.id === parentId)) {
    const parent = await getDepartment(actor, parentId);
    if (parent) parents.push({ id: parent.id, label: t('inactiveParent', { name: localizedName(parent, locale) }), kind: parent.kind });
  }
  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/admin/departments" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={localizedName(department, locale)} description={t('editDescription', { code: department.code })} />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>{t('sections.details')}</CardTitle>
          </CardHeader>
          <CardContent className="py-5">
            <EditDepartmentForm department={department} parents={parents} />
          </CardContent>
        </Card>
        <Card className="self-start">
          <CardHeader>
            <CardTitle>{t('sections.status')}</CardTitle>
          </CardHeader>
          <CardContent>
            <DepartmentStatusForm department={department} />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
