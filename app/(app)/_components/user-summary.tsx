import { UserRound } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { cn } from '@/app/_components/ui/cn';
import type { ShellUser } from '../_shell-user';

/** Who is signed in: name and department. Used by the top bar and, on a phone, the menu. */
export function UserSummary({ user, className }: { user: ShellUser; className?: string }) {
  const t = useTranslations('shell');
  return (
    <p className={cn('min-w-0 items-center gap-2 text-sm', className)}>
      <UserRound className="size-4 shrink-0 text-ink-muted" aria-hidden="true" />
      <span className="sr-only">{t('currentUser')}</span>
      <span className="max-w-48 truncate font-medium text-ink">{user.name}</span>
      {user.department ? (
        <span className="max-w-48 truncate border-l border-border pl-2 text-ink-muted">{user.department}</span>
      ) : null}
    </p>
  );
}
