'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { cn } from '@/app/_components/ui/cn';
import type { ShellUser } from '../_shell-user';
import { type NavKey, isActive, navItems } from './nav-items';
import { navId, useNavState } from './nav-state';
import { SignOutButton } from './sign-out-button';
import { UserSummary } from './user-summary';

/** A number beside an area (e.g. tasks needing action), with the words a screen reader says for it. */
export type NavBadges = Partial<Record<NavKey, { count: number; label: string }>>;

export function SideNav({ user, badges = {} }: { user: ShellUser; badges?: NavBadges }) {
  const t = useTranslations('nav');
  const pathname = usePathname();
  const { open, setOpen } = useNavState();

  return (
    <nav
      id={navId}
      aria-label={t('label')}
      className={cn(
        'border-b border-border bg-surface lg:block lg:w-60 lg:shrink-0 lg:border-b-0 lg:border-r',
        // Below the top bar on wide screens, scrolling on its own when the window is short.
        'lg:sticky lg:top-[3.75rem] lg:h-[calc(100dvh-3.75rem)] lg:overflow-y-auto',
        open ? 'block' : 'hidden',
      )}
    >
      <div className="flex items-center justify-between gap-2 border-b border-border px-3 py-2 sm:hidden">
        <Link href="/profile" onClick={() => setOpen(false)} className="min-w-0 rounded-md px-3 py-1">
          <UserSummary user={user} className="flex" />
        </Link>
        <SignOutButton />
      </div>
      <ul className="space-y-0.5 p-3">
        {navItems.filter((item) => user.areas.includes(item.key)).map(({ key, href, icon: Icon }) => {
          const active = isActive(href, pathname);
          const badge = badges[key];
          return (
            <li key={key}>
              <Link
                href={href}
                aria-current={active ? 'page' : undefined}
                onClick={() => setOpen(false)}
                className={cn(
                  'relative flex items-center gap-3 rounded-md px-3 py-2 text-sm',
                  active
                    ? 'bg-accent-soft font-semibold text-accent before:absolute before:inset-y-1.5 before:left-0 before:w-[3px] before:rounded-full before:bg-accent'
                    : 'text-ink-muted hover:bg-canvas hover:text-ink',
                )}
              >
                <Icon className="size-[1.125rem] shrink-0" aria-hidden="true" />
                {t(key)}
                {badge && badge.count > 0 ? (
                  <>
                    <span aria-hidden="true" className="ml-auto min-w-6 rounded-full bg-accent px-1.5 text-center text-xs font-semibold leading-5 tabular-nums text-on-accent">
                      {badge.count}
                    </span>
                    <span className="sr-only">{badge.label}</span>
                  </>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
