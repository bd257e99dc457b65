import type { Metadata } from 'next';
import Link from 'next/link';
import { Building2, ChevronRight, Scale, ScrollText, Tags, Users, type LucideIcon } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { forbidden } from 'next/navigation';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('admin');
  return { title: t('title') };
}

export default async function AdminPage() {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const t = await getTranslations();
  const areas: { href: string; icon: LucideIcon; title: string; description: string }[] = [
    { href: '/admin/users', icon: Users, title: t('adminUsers.title'), description: t('adminUsers.overview') },
    { href: '/admin/departments', icon: Building2, title: t('adminDepartments.title'), description: t('adminDepartments.overview') },
    { href: '/admin/categories', icon: Tags, title: t('actionCategories.title'), description: t('actionCategories.overview') },
    { href: '/admin/ranking', icon: Scale, title: t('rankingWeights.title'), description: t('rankingWeights.overview') },
  ];
  if (can(actor, 'audit.read')) {
    areas.push({ href: '/audit', icon: ScrollText, title: t('audit.title'), description: t('audit.overview') });
  }
  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.description')} />
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        {areas.map(({ href, icon: Icon, title, description }) => (
          <li key={href}>
            <Link
              href={href}
              className="group flex h-full items-start gap-4 rounded-lg border border-border bg-surface p-5 hover:border-accent hover:bg-accent-soft/40"
            >
              <span className="flex size-10 shrink-0 items-center justify-center rounded-md bg-accent-soft text-accent">
                <Icon className="size-5" aria-hidden="true" />
              </span>
              <span className="min-w-0 flex-1">
                <span className="flex items-center gap-1 font-semibold text-ink group-hover:text-accent">
                  {title}
                  <ChevronRight className="size-4" aria-hidden="true" />
                </span>
                <span className="mt-1 block text-sm text-ink-muted">{description}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
