'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { setUserActiveAction } from './actions';

/** Active or not; deactivating ends the user's sessions at their next request. */
export function UserStatusForm({ user, isSelf }: { user: { id: number; version: number; active: boolean; displayName: string }; isSelf: boolean }) {
  const t = useTranslations('adminUsers');
  const [state, formAction, pending] = useActionState(setUserActiveAction, null);
  const failed = state && !state.ok ? state : null;
  const done = state?.ok && state.data.active === user.active;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <input type="hidden" name="active" value={String(!user.active)} />
      <p className="flex items-center gap-2 text-sm">
        <span className="text-ink-muted">{t('fields.active')}：</span>
        <Badge tone={user.active ? 'success' : 'neutral'}>{user.active ? t('active') : t('inactive')}</Badge>
      </p>
      <p className="text-sm text-ink-muted">{user.active ? t('status.deactivateHint') : t('status.reactivateHint')}</p>
      <FormMessage error={failed?.message} success={done ? (user.active ? t('status.reactivated') : t('status.deactivated')) : null} />
      {isSelf ? (
        <p className="text-sm text-ink-muted">{t('status.self')}</p>
      ) : (
        <Button type="submit" variant={user.active ? 'danger' : 'secondary'} disabled={pending}>
          {user.active ? t('status.deactivate') : t('status.reactivate')}
        </Button>
      )}
    </form>
  );
}
