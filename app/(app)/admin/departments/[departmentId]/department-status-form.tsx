'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Badge } from '@/app/_components/ui/badge';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { setDepartmentActiveAction } from '../actions';

/** Active or not; a department with open tasks cannot be deactivated. */
export function DepartmentStatusForm({ department }: { department: { id: number; version: number; active: boolean } }) {
  const t = useTranslations('adminDepartments');
  const [state, formAction, pending] = useActionState(setDepartmentActiveAction, null);
  const failed = state && !state.ok ? state : null;
  const done = state?.ok && (state.data.done === 'activated') === department.active;
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={department.id} />
      <input type="hidden" name="version" value={department.version} />
      <input type="hidden" name="active" value={String(!department.active)} />
      <p className="flex items-center gap-2 text-sm">
        <span className="text-ink-muted">{t('fields.active')}：</span>
        <Badge tone={department.active ? 'success' : 'neutral'}>{department.active ? t('active') : t('inactive')}</Badge>
      </p>
      <p className="text-sm text-ink-muted">{department.active ? t('status.deactivateHint') : t('status.reactivateHint')}</p>
      <FormMessage error={failed?.message} success={done ? (department.active ? t('status.reactivated') : t('status.deactivated')) : null} />
      <Button type="submit" variant={department.active ? 'danger' : 'secondary'} disabled={pending}>
        {department.active ? t('status.deactivate') : t('status.reactivate')}
      </Button>
    </form>
  );
}
