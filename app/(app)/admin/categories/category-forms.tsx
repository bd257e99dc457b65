'use client';

import { useActionState, useRef } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import { type CategoryState, createCategoryAction, updateCategoryAction } from './actions';

function useCategoryForm(action: (state: CategoryState, formData: FormData) => Promise<CategoryState>) {
  const [state, formAction, pending] = useActionState<CategoryState, FormData>(action, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);
  const failed = state && !state.ok ? state : null;
  return { state, formAction, pending, formRef, failed, values: failed?.values ?? {}, errors: failed?.fieldErrors };
}

/** A category's names, in Chinese (required) and English. */
function NameFields({ values, errors }: { values: Record<string, string | undefined>; errors?: Record<string, string[]> }) {
  const t = useTranslations('actionCategories.fields');
  return (
    <>
      <Field label={t('name')} name="name" errors={errors?.name} required>
        {(control) => <input {...control} defaultValue={values.name} autoComplete="off" maxLength={60} className={inputClasses} />}
      </Field>
      <Field label={t('nameEn')} name="nameEn" errors={errors?.nameEn}>
        {(control) => <input {...control} defaultValue={values.nameEn} autoComplete="off" maxLength={120} className={inputClasses} />}
      </Field>
    </>
  );
}

/** A new category at the end of the list. */
export function AddCategoryForm() {
  const t = useTranslations('actionCategories');
  const { state, formAction, pending, formRef, failed, values, errors } = useCategoryForm(createCategoryAction);
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-labelledby="add-category-title" className="space-y-4">
      <h2 id="add-category-title" className="text-base font-semibold text-ink">
        {t('add.title')}
      </h2>
      <FormMessage error={failed?.message} success={state?.ok ? t('add.added', { code: state.data.code }) : null} />
      <div key={fieldsKey(failed?.values) || (state?.ok ? String(state.data.at) : '')} className="grid gap-4 sm:grid-cols-3">
        <Field label={t('fields.code')} name="code" errors={errors?.code} hint={t('fields.codeHint')} required>
          {(control) => <input {...control} defaultValue={values.code} autoComplete="off" maxLength={40} className={inputClasses} />}
        </Field>
        <NameFields values={values} errors={errors} />
      </div>
      <Button type="submit" disabled={pending}>
        {t('add.submit')}
      </Button>
    </form>
  );
}

type EditCategoryProps = { code: string; name: string; nameEn: string | null; active: boolean; updatedAt: string };

/** Rename a category or retire it (it leaves the form's list; recorded actions keep it). */
export function EditCategoryForm({ code, name, nameEn, active, updatedAt }: EditCategoryProps) {
  const t = useTranslations('actionCategories');
  const { state, formAction, pending, formRef, failed, values, errors } = useCategoryForm(updateCategoryAction);
  const shown = failed ? values : { name, nameEn: nameEn ?? '', active: active ? 'on' : '' };
  return (
    <details className="print:hidden">
      <summary className="inline-flex h-8 cursor-pointer items-center rounded-md px-3 text-sm font-medium text-accent hover:bg-canvas" aria-label={t('edit.named', { code })}>
        {t('edit.summary')}
      </summary>
      <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="mt-2 w-72 max-w-full space-y-3 rounded-md border border-border bg-surface p-3 text-left shadow-sm">
        <input type="hidden" name="code" value={code} />
        <input type="hidden" name="updatedAt" value={updatedAt} />
        <FormMessage error={failed?.message} success={state?.ok ? t('edit.saved') : null} />
        <div key={`${updatedAt}:${fieldsKey(failed?.values)}`} className="space-y-3">
          <NameFields values={shown} errors={errors} />
          <label className="inline-flex items-center gap-2 text-sm text-ink">
            <input type="checkbox" name="active" defaultChecked={shown.active === 'on'} className="size-4 accent-accent" />
            {t('fields.active')}
          </label>
        </div>
        <Button type="submit" size="sm" disabled={pending}>
          {t('edit.submit')}
        </Button>
      </form>
    </details>
  );
}
