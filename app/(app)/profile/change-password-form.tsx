'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { changePasswordAction } from './actions';

export function ChangePasswordForm({ username }: { username: string }) {
  const t = useTranslations('profile.password');
  const [state, formAction, pending] = useActionState(changePasswordAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="max-w-md space-y-5">
      {/* Lets password managers tie the new password to the account. */}
      <input type="text" name="username" value={username} autoComplete="username" readOnly hidden />
      <FormMessage error={failed?.message} success={state?.ok ? t('changed') : null} />
      <Field label={t('current')} name="currentPassword" errors={failed?.fieldErrors?.currentPassword} required>
        {(control) => <input {...control} type="password" autoComplete="current-password" className={inputClasses} />}
      </Field>
      <Field label={t('new')} name="newPassword" errors={failed?.fieldErrors?.newPassword} hint={t('rules')} required>
        {(control) => <input {...control} type="password" autoComplete="new-password" className={inputClasses} />}
      </Field>
      <Field label={t('confirm')} name="confirmPassword" errors={failed?.fieldErrors?.confirmPassword} required>
        {(control) => <input {...control} type="password" autoComplete="new-password" className={inputClasses} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('changing') : t('submit')}
      </Button>
    </form>
  );
}
