import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { requireActor, signInFailuresToTell } from '@/lib/auth/session';
import { myDepartmentCounts } from '@/lib/data/my-department';
import { unreadCount } from '@/lib/data/notifications';
import { SkipLink } from '@/app/_components/skip-link';
import { NavStateProvider } from './_components/nav-state';
import { type NavBadges, SideNav } from './_components/side-nav';
import { SignInNotice } from './_components/sign-in-notice';
import { TopBar } from './_components/top-bar';
import { getShellUser } from './_shell-user';

// Every page here depends on who is signed in: never prerender one at build time.
export const dynamic = 'force-dynamic';

export default async function AppLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  // A one-time password from an admin must be replaced before anything else.
  if (actor.mustChangePassword && (await headers()).get('x-pathname') !== '/profile') redirect('/profile');
  const [user, t, tMyDepartment, unread, myDepartment, failedSignIns] = await Promise.all([
    getShellUser(),
    getTranslations('app'),
    getTranslations('myDepartment'),
    unreadCount(actor),
    actor.role === 'department_head' ? myDepartmentCounts(actor) : null,
    signInFailuresToTell(),
  ]);
  const badges: NavBadges = myDepartment
    ? { myDepartment: { count: myDepartment.needsAction, label: tMyDepartment('navBadge', { count: myDepartment.needsAction }) } }
    : {};
  return (
    <NavStateProvider>
      <SkipLink />
      <TopBar user={user} unread={unread} />
      <div className="lg:flex">
        <SideNav user={user} badges={badges} />
        <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8">
          <div className="mx-auto max-w-6xl">
            {/* The top bar does not print; paper still says where it came from. */}
            <p className="print-only mb-4 border-b border-border pb-2 text-sm">{t('name')}</p>
            <SignInNotice count={failedSignIns} />
            {children}
          </div>
        </main>
      </div>
    </NavStateProvider>
  );
}
