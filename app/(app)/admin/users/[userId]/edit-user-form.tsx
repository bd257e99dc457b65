'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { SavedNowNotice } from '@/app/_components/ui/saved-now-notice';
import { FormMessage, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import type { Role } from '@/lib/auth/actor';
import { type DepartmentOption, UserFields } from '../_components/user-fields';
import { updateUserAction } from './actions';

export type EditableUser = {
  id: number;
  version: number;
  displayName: string;
  email: string | null;
  role: Role;
  departmentId: number | null;
};

/** The saved user's fields with its version: a save over someone else's newer save is refused. */
export function EditUserForm({ user, departments }: { user: EditableUser; departments: DepartmentOption[] }) {
  const t = useTranslations('adminUsers');
  const tRoles = useTranslations('roles');
  const [state, formAction, pending] = useActionState(updateUserAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  // A result belongs to the version it was made against; after a reload it is history.
  const fresh = state !== null && (state.ok ? state.data.version === user.version : state.values?.version === String(user.version));
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok;
  const savedValues: Record<string, string> = {
    displayName: user.displayName,
    email: user.email ?? '',
    role: user.role,
    departmentId: user.departmentId ? String(user.departmentId) : '',
  };
  const current = failed?.current;
  const departmentName = (id: number | null) => (id ? (departments.find((d) => d.id === id)?.label ?? `#${id}`) : t('noDepartment'));

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      <input type="hidden" name="id" value={user.id} />
      <input type="hidden" name="version" value={user.version} />
      <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
      {current ? (
        <SavedNowNotice
          title={t('conflict.title')}
          rows={[
            [t('fields.displayName'), current.displayName],
            [t('fields.email'), current.email ?? '—'],
            [t('fields.role'), tRoles(current.role as Role)],
            [t('fields.department'), departmentName(current.departmentId)],
          ]}
          next={t('conflict.next')}
          reload={t('conflict.reload')}
        />
      ) : null}
      {/* New fields for each saved version (a reload shows what is saved now) and for each failure. */}
      <div key={`${user.version}:${fieldsKey(failed?.values)}`}>
        <UserFields values={failed?.values ?? savedValues} errors={failed?.fieldErrors} departments={departments} usernameEditable={false} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
