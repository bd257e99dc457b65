'use client';

import { useActionState, useRef, useState } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Card, CardContent } from '@/app/_components/ui/card';
import { FormMessage, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import { OneTimePasswordPanel } from '../_components/one-time-password';
import { type DepartmentOption, UserFields } from '../_components/user-fields';
import { createUserAction } from './actions';

/** The create form; after creating, the one-time password in place of the form. */
export function CreateUser({ departments }: { departments: DepartmentOption[] }) {
  // A new round starts the form afresh for the next user.
  const [round, setRound] = useState(0);
  return <CreateUserForm key={round} departments={departments} onAnother={() => setRound((r) => r + 1)} />;
}

function CreateUserForm({ departments, onAnother }: { departments: DepartmentOption[]; onAnother: () => void }) {
  const t = useTranslations('adminUsers');
  const [state, formAction, pending] = useActionState(createUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  if (state?.ok) {
    const { id, username, displayName, oneTimePassword } = state.data;
    return (
      <OneTimePasswordPanel
        title={t('created.title', { name: displayName })}
        instructions={t('created.instructions', { name: displayName, username })}
        password={oneTimePassword}
      >
        <Button asChild variant="secondary">
          <Link href={`/admin/users/${id}`}>{t('created.view')}</Link>
        </Button>
        <Button variant="secondary" onClick={onAnother}>
          {t('created.another')}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/admin/users">{t('backToList')}</Link>
        </Button>
      </OneTimePasswordPanel>
    );
  }

  const failed = state && !state.ok ? state : null;
  return (
    <Card>
      <CardContent className="py-5">
        <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
          <FormMessage error={failed?.message} />
          <UserFields key={fieldsKey(state?.values)} values={state?.values ?? {}} errors={failed?.fieldErrors} departments={departments} usernameEditable />
          <p className="text-sm text-ink-muted">{t('hints.oneTimePassword')}</p>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending}>
              {pending ? t('creating') : t('submitCreate')}
            </Button>
            <Button asChild variant="ghost">
              <Link href="/admin/users">{t('cancel')}</Link>
            </Button>
          </div>
        </form>
      </CardContent>
    </Card>
  );
}
