import type { Metadata } from 'next';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { getLocale, getTranslations } from 'next-intl/server';
import { forbidden, notFound } from 'next/navigation';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/app/_components/ui/card';
import { PageHeader } from '@/app/_components/ui/page-header';
import { can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { getDepartment } from '@/lib/data/departments';
import { getSignInStatus, getUser } from '@/lib/data/users';
import { defaultLocale, isLocale } from '@/lib/i18n/config';
import { formatDateTime } from '@/lib/i18n/format';
import { localizedName } from '@/lib/i18n/localized';
import { idOf } from '@/lib/validation/common';
import { departmentOptionsFor } from '../_components/department-options';
import { EditUserForm } from './edit-user-form';
import { ResetPasswordForm } from './reset-password-form';
import { SignInForm } from './sign-in-form';
import { UserStatusForm } from './user-status-form';

type Props = { params: Promise<{ userId: string }> };

async function load(params: Props['params']) {
  const actor = await requireActor();
  if (!can(actor, 'user.manage')) forbidden();
  const id = idOf((await params).userId);
  if (id === undefined) notFound();
  const user = await getUser(actor, id);
  if (!user) notFound();
  return { actor, user };
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { user } = await load(params);
  return { title: user.displayName };
}

export default async function UserPage({ params }: Props) {
  const { actor, user } = await load(params);
  const [t, tRoles, rawLocale, departments, signIn] = await Promise.all([
    getTranslations('adminUsers'),
    getTranslations('roles'),
    getLocale(),
    departmentOptionsFor(actor),
    getSignInStatus(actor, user.id),
  ]);
  const locale = isLocale(rawLocale) ? rawLocale : defaultLocale;
  // A department since deactivated stays visible as the user's current one.
  const inactive = user.departmentId && !departments.some((d) => d.id === user.departmentId) ? await getDepartment(actor, user.departmentId) : null;
  if (inactive) departments.push({ id: inactive.id, label: t('inactiveDepartment', { name: localizedName(inactive, locale) }), kind: inactive.kind });
  const isSelf = user.id === actor.id;

  return (
    <>
      <p className="mb-2 print:hidden">
        <Link href="/admin/users" className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
          <ArrowLeft className="size-4" aria-hidden="true" />
          {t('backToList')}
        </Link>
      </p>
      <PageHeader
        title={user.displayName}
        description={t('editDescription', {
          username: user.username,
          role: tRoles(user.role),
          lastSignIn: user.lastSignInAt ? formatDateTime(user.lastSignInAt, locale) : t('neverSignedIn'),
        })}
      />
      <div className="grid gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
        <Card>
          <CardHeader>
            <CardTitle>{t('sections.profile')}</CardTitle>
          </CardHeader>
          <CardContent className="py-5">
            <EditUserForm
              user={{ id: user.id, version: user.version, displayName: user.displayName, email: user.email, role: user.role, departmentId: user.departmentId }}
              departments={departments}
            />
          </CardContent>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader>
              <CardTitle>{t('sections.status')}</CardTitle>
            </CardHeader>
            <CardContent>
              <UserStatusForm user={{ id: user.id, version: user.version, active: user.active, displayName: user.displayName }} isSelf={isSelf} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('sections.password')}</CardTitle>
              {user.mustChangePassword ? <CardDescription>{t('mustChangePasswordNote')}</CardDescription> : null}
            </CardHeader>
            <CardContent>
              <ResetPasswordForm user={{ id: user.id, username: user.username, displayName: user.displayName }} isSelf={isSelf} />
            </CardContent>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t('sections.signIn')}</CardTitle>
            </CardHeader>
            <CardContent>
              <SignInForm
                user={{ id: user.id }}
                status={{ failedSinceSignIn: signIn.failedSinceSignIn, waitUntil: signIn.waitUntil ? formatDateTime(signIn.waitUntil, locale) : null }}
                isSelf={isSelf}
              />
            </CardContent>
          </Card>
        </div>
      </div>
    </>
  );
}
