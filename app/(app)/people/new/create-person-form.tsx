'use client';

import { useActionState, useRef } from 'react';
import Link from 'next/link';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage, useFocusOnError } from '@/app/_components/ui/field';
import { fieldsKey } from '@/lib/actions/form-state';
import { PersonFields } from '../_components/person-fields';
import { createPersonAction } from '../actions';

export function CreatePersonForm() {
  const t = useTranslations('people');
  const [state, formAction, pending] = useActionState(createPersonAction, null);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(formRef, state);
  const failed = state && !state.ok ? state : null;
  return (
    <form ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} className="space-y-5">
      <FormMessage error={failed?.message} />
      <PersonFields key={fieldsKey(state?.values)} values={state?.values ?? {}} errors={failed?.fieldErrors} />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={pending}>
          {pending ? t('creating') : t('submitCreate')}
        </Button>
        <Button asChild variant="ghost">
          <Link href="/people">{t('cancel')}</Link>
        </Button>
      </div>
    </form>
  );
}
