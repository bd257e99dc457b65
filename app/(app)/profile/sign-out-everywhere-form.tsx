'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { signOutEverywhereAction } from './actions';

/** Ends the user's sessions in every browser, this one too; the action then goes to the sign-in page. */
export function SignOutEverywhereForm() {
  const t = useTranslations('profile.sessions');
  const [state, formAction, pending] = useActionState(signOutEverywhereAction, null);
  const failed = state && !state.ok ? state : null;
  return (
    <form action={formAction} className="space-y-3">
      <FormMessage error={failed?.message} />
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? t('pending') : t('submit')}
      </Button>
    </form>
  );
}
