'use client';

import { ShieldAlert, X } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useEffect, useState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { signInNoticeShownAction } from '@/lib/actions/sign-in-notice';

/**
 * Tells the user how many failed sign-ins their account had since they last signed in. Shown on
 * the first page after signing in: once it is on screen the session stops carrying the count, and
 * it stays here (the layout outlives navigation) until dismissed or the page is reloaded.
 */
export function SignInNotice({ count }: { count: number }) {
  const t = useTranslations('auth.failedNotice');
  const [shown, setShown] = useState(count);
  useEffect(() => {
    if (count > 0) void signInNoticeShownAction();
  }, [count]);
  if (shown === 0) return null;
  return (
    <section
      role="status"
      aria-label={t('label')}
      className="mb-6 flex items-start gap-3 rounded-lg border border-warning-border bg-warning-soft px-4 py-3 text-sm text-ink"
    >
      <ShieldAlert className="mt-0.5 size-5 shrink-0 text-warning" aria-hidden="true" />
      <p className="flex-1">{t('text', { count: shown })}</p>
      <Button variant="ghost" size="sm" onClick={() => setShown(0)} aria-label={t('dismiss')}>
        <X aria-hidden="true" />
      </Button>
    </section>
  );
}
