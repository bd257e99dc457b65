'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { userSignInAction } from './actions';

type Status = { failedSinceSignIn: number; waitUntil: string | null };

/** A user's sign-in trouble and the two remedies: unlock, and sign out everywhere (both audited). */
export function SignInForm({ user, status, isSelf }: { user: { id: number }; status: Status; isSelf: boolean }) {
  const t = useTranslations('adminUsers.signIn');
  const [state, formAction, pending] = useActionState(userSignInAction, null);
  const failed = state && !state.ok ? state : null;
  const done = state?.ok ? (state.data.done === 'unlocked' ? t('unlocked') : t('signedOutEverywhere')) : null;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={user.id} />
      <p className="text-sm text-ink">{t('failures', { count: status.failedSinceSignIn })}</p>
      <p className="text-sm text-ink">{status.waitUntil ? t('waiting', { time: status.waitUntil }) : t('notWaiting')}</p>
      <FormMessage error={failed?.message} success={done} />
      <p className="text-sm text-ink-muted">{t('unlockHint')}</p>
      <Button type="submit" name="intent" value="unlock" variant="secondary" disabled={pending}>
        {t('unlock')}
      </Button>
      {isSelf ? (
        <p className="text-sm text-ink-muted">{t('self')}</p>
      ) : (
        <>
          <p className="text-sm text-ink-muted">{t('signOutEverywhereHint')}</p>
          <Button type="submit" name="intent" value="signOut" variant="danger" disabled={pending}>
            {t('signOutEverywhere')}
          </Button>
        </>
      )}
    </form>
  );
}
