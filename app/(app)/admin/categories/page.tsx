import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft, CircleCheck, CircleMinus } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { Badge } from '@/app/_components/ui/badge';
import { Card, CardContent } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { listActionCategories } from '@/lib/data/action-categories';
import { AddCategoryForm, EditCategoryForm } from './category-forms';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('actionCategories');
  return { title: t('title') };
}

/** The managed list of action categories: the office picks from it when recording an action. */
export default async function CategoriesPage() {
  const actor = await requireActor();
  if (!can(actor, 'settings.manage')) forbidden();
  const [t, tAdmin, categories] = await Promise.all([getTranslations('actionCategories'), getTranslations('admin'), listActionCategories(actor, { includeInactive: true })]);
  const columns = ['code', 'name', 'nameEn', 'status'] as const;
  return (
    <>
      <p className="mb-2">
        <Link href="/admin" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {tAdmin('title')}
        </Link>
      </p>
      <PageHeader title={t('title')} description={t('description')} />
      <Card>
        <CardContent>
          <div className="overflow-x-auto rounded-lg border border-border">
            <table className="w-full border-collapse text-sm">
              <caption className="sr-only">{t('caption')}</caption>
              <thead className="bg-canvas text-left">
                <tr className="border-b border-border">
                  {columns.map((c) => (
                    <th key={c} scope="col" className="px-3 py-2 font-medium whitespace-nowrap text-ink-muted">
                      {t(`columns.${c}`)}
                    </th>
                  ))}
                  <th scope="col" className="px-3 py-2 text-right font-medium text-ink-muted">
                    <span className="sr-only">{t('columns.edit')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {categories.map((c) => (
                  <tr key={c.code} className="border-b border-border last:border-b-0">
                    <td className="px-3 py-2 align-top font-mono text-xs">{c.code}</td>
                    <th scope="row" className="px-3 py-2 text-left align-top font-medium">
                      {c.name}
                    </th>
                    <td className="px-3 py-2 align-top">{c.nameEn ?? ''}</td>
                    <td className="px-3 py-2 align-top">
                      <Badge tone={c.active ? 'success' : 'neutral'} icon={c.active ? CircleCheck : CircleMinus}>
                        {c.active ? t('active') : t('retired')}
                      </Badge>
                    </td>
                    <td className="px-3 py-1 text-right align-top">
                      <EditCategoryForm code={c.code} name={c.name} nameEn={c.nameEn} active={c.active} updatedAt={c.updatedAt.toISOString()} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="mt-2 text-sm text-ink-muted">{t('count', { count: categories.length })}</p>
        </CardContent>
        <CardContent className="border-t border-border py-5">
          <AddCategoryForm />
        </CardContent>
      </Card>
    </>
  );
}
