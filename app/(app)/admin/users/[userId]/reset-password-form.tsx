'use client';

import { useActionState, useState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { OneTimePasswordPanel } from '../_components/one-time-password';
import { resetUserPasswordAction } from './actions';

/** Replaces the password with a one-time one after a confirmation; shows it once. */
export function ResetPasswordForm({ user, isSelf }: { user: { id: number; username: string; displayName: string }; isSelf: boolean }) {
  const t = useTranslations('adminUsers');
  const [state, formAction, pending] = useActionState(resetUserPasswordAction, null);
  const [confirming, setConfirming] = useState(false);

  if (isSelf) return <p className="text-sm text-ink-muted">{t('reset.self')}</p>;
  if (state?.ok) {
    return (
      <OneTimePasswordPanel
        title={t('reset.doneTitle')}
        instructions={t('reset.instructions', { name: user.displayName, username: user.username })}
        password={state.data.oneTimePassword}
      />
    );
  }
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={user.id} />
      <p className="text-sm text-ink-muted">{t('reset.hint')}</p>
      <FormMessage error={failed?.message} />
      {confirming ? (
        <div role="group" aria-labelledby="reset-confirm" className="space-y-3 rounded-md border border-warning-border bg-warning-soft px-4 py-3">
          <p id="reset-confirm" className="text-sm text-ink">
            {t('reset.confirmQuestion', { name: user.displayName })}
          </p>
          <div className="flex flex-wrap gap-2">
            {/* The question replaces the button that asked it: focus moves to the answer. */}
            <Button type="submit" variant="danger" disabled={pending} autoFocus>
              {t('reset.confirm')}
            </Button>
            <Button variant="ghost" onClick={() => setConfirming(false)}>
              {t('cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('reset.start')}
        </Button>
      )}
    </form>
  );
}
