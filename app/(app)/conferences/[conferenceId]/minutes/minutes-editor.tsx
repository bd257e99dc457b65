'use client';

import { useActionState } from 'react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import { saveMinutesAction } from '../actions';

type MinutesEditorProps = {
  conferenceId: number;
  /** The version the text was loaded with: a save over someone else's newer save is refused. */
  version: number;
  minutesText: string;
  published: boolean;
};

/** The minutes' Markdown; saving keeps a draft, publishing is the status action next to it. */
export function MinutesEditor({ conferenceId, version, minutesText, published }: MinutesEditorProps) {
  const t = useTranslations('conferences.minutes.editor');
  const [state, formAction, pending] = useActionState(saveMinutesAction, null);
  const fresh = state !== null && (state.ok ? state.data.version === version : state.values?.version === String(version));
  const failed = fresh && state && !state.ok ? state : null;
  const saved = fresh && state?.ok;
  return (
    <form action={formAction} noValidate aria-busy={pending || undefined} className="space-y-4">
      <input type="hidden" name="id" value={conferenceId} />
      <input type="hidden" name="version" value={version} />
      <FormMessage error={failed?.message} success={saved ? t('saved') : null} />
      {published ? <p className="text-sm text-info">{t('correctionNote')}</p> : null}
      <Field label={t('label')} name="minutesText" errors={failed?.fieldErrors?.minutesText} hint={t('hint')} required>
        {(control) => (
          <textarea
            {...control}
            key={version}
            rows={16}
            maxLength={100_000}
            defaultValue={failed?.values?.minutesText ?? minutesText}
            className={cn(inputClasses, 'h-auto py-2 font-mono text-sm leading-relaxed')}
          />
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? t('saving') : t('submit')}
      </Button>
    </form>
  );
}
