import type { Metadata } from 'next';
import { KeyRound } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { requireActor } from '@/lib/auth/session';
import { getDepartment } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import { ApiTokens } from './_components/api-tokens';
import { CalendarFeed } from './_components/calendar-feed';
import { ChangePasswordForm } from './change-password-form';
import { LanguageForm } from './language-form';
import { SignOutEverywhereForm } from './sign-out-everywhere-form';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('profile');
  return { title: t('title') };
}

/** Every signed-in user's own page; users with a one-time password are sent here until they change it. */
export default async function ProfilePage() {
  const actor = await requireActor();
  const [t, tRoles, locale, department] = await Promise.all([
    getTranslations('profile'),
    getTranslations('roles'),
    getLocale(),
    actor.departmentId ? getDepartment(actor, actor.departmentId) : null,
  ]);
  const facts: [string, string][] = [
    [t('fields.name'), actor.name],
    [t('fields.username'), actor.username],
    [t('fields.role'), tRoles(actor.role)],
    [t('fields.department'), department ? localizedName(department, locale) : t('noDepartment')],
  ];
  const passwordCard = (
    <Card className={actor.mustChangePassword ? 'border-warning-border' : undefined}>
      <CardHeader>
        <CardTitle>{t('password.title')}</CardTitle>
        <CardDescription>{t('password.description')}</CardDescription>
      </CardHeader>
      <CardContent className="py-5">
        <ChangePasswordForm username={actor.username} />
      </CardContent>
    </Card>
  );

  return (
    <>
      <PageHeader title={t('title')} description={t('description')} />
      {actor.mustChangePassword ? (
        <div className="mb-6 flex gap-3 rounded-lg border-2 border-warning-border bg-warning-soft px-5 py-4">
          <KeyRound className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden="true" />
          <div>
            <h2 className="font-semibold text-ink">{t('mustChange.title')}</h2>
            <p className="mt-1 text-sm text-ink">{t('mustChange.description')}</p>
          </div>
        </div>
      ) : null}
      <div className="space-y-6">
        {actor.mustChangePassword ? passwordCard : null}
        <Card>
          <CardHeader>
            <CardTitle>{t('account')}</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt className="text-sm text-ink-muted">{label}</dt>
                  <dd className="text-ink">{value}</dd>
                </div>
              ))}
            </dl>
          </CardContent>
        </Card>
        {actor.mustChangePassword ? null : passwordCard}
        <Card>
          <CardHeader>
            <CardTitle>{t('language.title')}</CardTitle>
          </CardHeader>
          <CardContent className="py-5">
            <LanguageForm />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>{t('sessions.title')}</CardTitle>
            <CardDescription>{t('sessions.description')}</CardDescription>
          </CardHeader>
          <CardContent className="py-5">
            <SignOutEverywhereForm />
          </CardContent>
        </Card>
        {actor.mustChangePassword ? null : <CalendarFeed />}
        {actor.mustChangePassword ? null : <ApiTokens />}
      </div>
    </>
  );
}
