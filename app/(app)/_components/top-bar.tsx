import Link from 'next/link';
import { Bell, Landmark } from 'lucide-react';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/app/_components/locale-switch';
import type { ShellUser } from '../_shell-user';
import { MenuButton } from './nav-state';
import { SignOutButton } from './sign-out-button';
import { UserSummary } from './user-summary';

export async function TopBar({ user, unread }: { user: ShellUser; unread: number }) {
  const t = await getTranslations('app');
  const tNotifications = await getTranslations('notifications');
  const tShell = await getTranslations('shell');
  return (
    <header
      data-app-topbar
      className="sticky top-0 z-30 h-[3.75rem] border-t-[3px] border-b border-t-accent border-b-border bg-surface"
    >
      <div className="flex h-full items-center gap-3 px-3 sm:px-4">
        <MenuButton />
        <Link href="/dashboard" className="flex min-w-0 items-center gap-2.5 rounded-md">
          <span className="flex size-8 shrink-0 items-center justify-center rounded-md bg-accent text-on-accent">
            <Landmark className="size-[1.125rem]" aria-hidden="true" />
          </span>
          <span className="truncate font-semibold text-ink">{t('name')}</span>
          <span className="hidden truncate border-l border-border pl-2.5 text-sm text-ink-muted md:inline">
            {t('tagline')}
          </span>
        </Link>
        <div className="ml-auto flex items-center gap-3">
          {/* On a phone the user moves into the menu (SideNav) to leave room for the app name. */}
          <Link href="/profile" aria-label={tShell('profileLink', { name: user.name })} className="hidden rounded-md px-1 hover:bg-canvas sm:flex">
            <UserSummary user={user} className="flex" />
          </Link>
          <Link
            href="/notifications"
            aria-label={tNotifications('bell', { count: unread })}
            className="relative inline-flex size-9 shrink-0 items-center justify-center rounded-md text-ink-muted hover:bg-canvas hover:text-ink"
          >
            <Bell className="size-5" aria-hidden="true" />
            {unread > 0 ? (
              <span
                aria-hidden="true"
                className="absolute -right-1 -top-1 min-w-5 rounded-full bg-accent px-1 text-center text-[0.6875rem] font-semibold leading-5 tabular-nums text-on-accent"
              >
                {unread > 99 ? '99+' : unread}
              </span>
            ) : null}
          </Link>
          <LocaleSwitch />
          <SignOutButton className="hidden sm:inline-flex" />
        </div>
      </div>
    </header>
  );
}
