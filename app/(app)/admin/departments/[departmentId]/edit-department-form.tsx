'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { SavedNowNotice } from '@/app/_components/ui/saved-now-notice';
import { FormMessage, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import { DepartmentFields, type ParentOption } from '../_components/department-fields';
import { type DepartmentSnapshot, updateDepartmentAction } from './actions';

export type EditableDepartment = DepartmentSnapshot & { id: number; version: number };

/** The saved department with its version: a save over someone else's newer save is refused. */
export function EditDepartmentForm({ department, parents }: { department: EditableDepartment; parents: ParentOption[] }) {
  const t = useTranslations('adminDepartments');
  const tKinds = useTranslations('departmentKinds');
  const [state, formAction, pending] = useActionState(updateDepartmentAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);

  // A result belongs to the version it was made against; after a reload it is history.
  const fresh = state !== null && (state.ok ? state.data.version === department.version : state.values?.version === String(department.version));
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok;
  const savedValues: Record<string, string> = {
    name: department.name,
    nameEn: department.nameEn ?? '',
    shortName: department.shortName ?? '',
    shortNameEn: department.shortNameEn ?? '',
    kind: department.kind,
    parentId: department.parentId ? String(department.parentId) : '',
    sortOrder: String(department.sortOrder),
  };
  const current = failed?.current;
  const parentName = (id: number | null) => (id ? (parents.find((p) => p.id === id)?.label ?? `#${id}`) : t('noParent'));
  const shown: [string, string][] = current
    ? [
        [t('fields.name'), current.name],
        [t('fields.nameEn'), current.nameEn ?? '—'],
        [t('fields.shortName'), current.shortName ?? '—'],
        [t('fields.shortNameEn'), current.shortNameEn ?? '—'],
        [t('fields.kind'), tKinds(current.kind)],
        [t('fields.parent'), parentName(current.parentId)],
        [t('fields.sortOrder'), String(current.sortOrder)],
      ]
    : [];

  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      <input type="hidden" name="id" value={department.id} />
      <input type="hidden" name="version" value={department.version} />
      <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
      {current ? <SavedNowNotice title={t('conflict.title')} rows={shown} next={t('conflict.next')} reload={t('conflict.reload')} /> : null}
      <div key={`${department.version}:${fieldsKey(failed?.values)}`}>
        <DepartmentFields values={failed?.values ?? savedValues} errors={failed?.fieldErrors} parents={parents} codeEditable={false} />
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('save')}
      </Button>
    </form>
  );
}
