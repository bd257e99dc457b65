'use client';

import { useTranslations } from 'next-intl';
import { Field, inputClasses } from '@/app/_components/ui/field';

export type ParentOption = { id: number; label: string; kind: 'department' | 'district' | 'office' };

const kinds = ['department', 'district', 'office'] as const;

type DepartmentFieldsProps = {
  values: Record<string, string>;
  errors?: Record<string, string[]>;
  parents: ParentOption[];
  /** The code is chosen once, when the department is created. */
  codeEditable: boolean;
};

/** Code, names in both languages, kind, parent and place in the list. */
export function DepartmentFields({ values, errors, parents, codeEditable }: DepartmentFieldsProps) {
  const t = useTranslations('adminDepartments');
  const tKinds = useTranslations('departmentKinds');
  return (
    <div className="grid gap-5 sm:grid-cols-2">
      {codeEditable ? (
        <Field label={t('fields.code')} name="code" errors={errors?.code} hint={t('hints.code')} required className="sm:col-span-2">
          {(control) => <input {...control} defaultValue={values.code} autoComplete="off" autoCapitalize="none" spellCheck={false} maxLength={40} className={inputClasses} />}
        </Field>
      ) : null}
      <Field label={t('fields.name')} name="name" errors={errors?.name} required>
        {(control) => <input {...control} defaultValue={values.name} autoComplete="off" maxLength={80} className={inputClasses} />}
      </Field>
      <Field label={t('fields.nameEn')} name="nameEn" errors={errors?.nameEn}>
        {(control) => <input {...control} lang="en" defaultValue={values.nameEn} autoComplete="off" maxLength={120} className={inputClasses} />}
      </Field>
      <Field label={t('fields.shortName')} name="shortName" errors={errors?.shortName}>
        {(control) => <input {...control} defaultValue={values.shortName} autoComplete="off" maxLength={40} className={inputClasses} />}
      </Field>
      <Field label={t('fields.shortNameEn')} name="shortNameEn" errors={errors?.shortNameEn}>
        {(control) => <input {...control} lang="en" defaultValue={values.shortNameEn} autoComplete="off" maxLength={60} className={inputClasses} />}
      </Field>
      <Field label={t('fields.kind')} name="kind" errors={errors?.kind} required>
        {(control) => (
          <select {...control} defaultValue={values.kind ?? ''} className={inputClasses}>
            <option value="" disabled>
              {t('choose')}
            </option>
            {kinds.map((kind) => (
              <option key={kind} value={kind}>
                {tKinds(kind)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('fields.parent')} name="parentId" errors={errors?.parentId} hint={t('hints.parent')}>
        {(control) => (
          <select {...control} defaultValue={values.parentId ?? ''} className={inputClasses}>
            <option value="">{t('noParent')}</option>
            {kinds.map((kind) => {
              const options = parents.filter((p) => p.kind === kind);
              return options.length ? (
                <optgroup key={kind} label={tKinds(kind)}>
                  {options.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.label}
                    </option>
                  ))}
                </optgroup>
              ) : null;
            })}
          </select>
        )}
      </Field>
      <Field label={t('fields.sortOrder')} name="sortOrder" errors={errors?.sortOrder} hint={t('hints.sortOrder')}>
        {(control) => <input {...control} type="number" inputMode="numeric" min={0} max={100000} step={1} defaultValue={values.sortOrder} className={inputClasses} />}
      </Field>
    </div>
  );
}
