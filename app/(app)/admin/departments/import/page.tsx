import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Card, CardContent, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { ImportForm } from './import-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('adminDepartments.import');
  return { title: t('title') };
}

const columns = ['name', 'shortName', 'kind', 'parent', 'code'] as const;

export default async function ImportDepartmentsPage() {
  const actor = await requireActor();
  if (!can(actor, 'department.manage')) forbidden();
  const t = await getTranslations('adminDepartments.import');
  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/admin/departments" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader title={t('title')} description={t('description')} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>{t('formTitle')}</CardTitle>
          </CardHeader>
          <CardContent className="py-5">
            <ImportForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('formatTitle')}</CardTitle>
          </CardHeader>
          <CardContent className="space-y-4 text-sm">
            <p>{t('formatIntro')}</p>
            <table className="w-full border-collapse">
              <caption className="sr-only">{t('formatTitle')}</caption>
              <thead>
                <tr className="border-b border-border text-left text-ink-muted">
                  <th scope="col" className="py-1.5 pr-3 font-medium">
                    {t('columnHeader')}
                  </th>
                  <th scope="col" className="py-1.5 font-medium">
                    {t('columnMeaning')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {columns.map((column) => (
                  <tr key={column} className="border-b border-border last:border-b-0 align-top">
                    <th scope="row" className="whitespace-nowrap py-1.5 pr-3 text-left font-mono font-normal">
                      {t(`headers.${column}`)}
                    </th>
                    <td className="py-1.5 text-ink">{t(`meanings.${column}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <div>
              <p id="csv-example" className="font-medium text-ink">
                {t('exampleTitle')}
              </p>
              {/* A region that may scroll sideways: keyboard users can focus it to scroll. */}
              <pre role="region" aria-labelledby="csv-example" tabIndex={0} className="mt-1 overflow-x-auto rounded-md border border-border bg-canvas p-3 font-mono text-xs leading-relaxed text-ink">{t('example')}</pre>
            </div>
            <p className="text-ink-muted">{t('encoding')}</p>
            <p className="text-ink-muted">{t('allOrNothing')}</p>
          </CardContent>
        </Card>
      </div>
    </>
  );
}
