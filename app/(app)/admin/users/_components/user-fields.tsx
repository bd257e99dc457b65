'use client';

import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { Field, inputClasses } from '@/app/_components/ui/field';
import { roles, type Role } from '@/lib/auth/actor';

export type DepartmentOption = { id: number; label: string; kind: 'department' | 'district' | 'office' };

type UserFieldsProps = {
  /** The values to show: what was typed before a failed submission, or the saved user. */
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  departments: DepartmentOption[];
  /** The username is chosen once, when the user is created. */
  usernameEditable: boolean;
};

const kinds = ['department', 'district', 'office'] as const;

/** Username, display name, e-mail, role and department: the fields of the create and edit forms. */
export function UserFields({ values, errors, departments, usernameEditable }: UserFieldsProps) {
  const t = useTranslations('adminUsers');
  const tRoles = useTranslations('roles');
  const tKinds = useTranslations('departmentKinds');
  const [role, setRole] = useState<string>(values.role ?? '');
  const headRequired = role === 'department_head';

  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {usernameEditable ? (
        <Field label={t('fields.username')} name="username" errors={errors?.username} hint={t('hints.username')} required>
          {(control) => (
            <input {...control} defaultValue={values.username} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={32} className={inputClasses} />
          )}
        </Field>
      ) : null}
      <Field label={t('fields.displayName')} name="displayName" errors={errors?.displayName} hint={t('hints.displayName')} required>
        {(control) => <input {...control} defaultValue={values.displayName} autoComplete="off" maxLength={64} className={inputClasses} />}
      </Field>
      <Field label={t('fields.email')} name="email" errors={errors?.email}>
        {(control) => <input {...control} type="email" defaultValue={values.email} autoComplete="off" maxLength={254} className={inputClasses} />}
      </Field>
      <Field label={t('fields.role')} name="role" errors={errors?.role} required>
        {(control) => (
          <select {...control} defaultValue={values.role ?? ''} onChange={(event) => setRole(event.target.value)} className={inputClasses}>
            <option value="" disabled>
              {t('choose')}
            </option>
            {roles.map((r: Role) => (
              <option key={r} value={r}>
                {tRoles(r)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t('fields.department')}
        name="departmentId"
        errors={errors?.departmentId}
        hint={t('hints.department')}
        required={headRequired}
      >
        {(control) => (
          <select {...control} defaultValue={values.departmentId ?? ''} className={inputClasses}>
            <option value="">{t('noDepartment')}</option>
            {kinds.map((kind) => {
              const options = departments.filter((d) => d.kind === kind);
              return options.length ? (
                <optgroup key={kind} label={tKinds(kind)}>
                  {options.map((d) => (
                    <option key={d.id} value={d.id}>
                      {d.label}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        )}
      </Field>
    </div>
  );
}
