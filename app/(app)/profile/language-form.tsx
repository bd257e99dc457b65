'use client';

import { useActionState } from 'react';
import { useLocale, useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { locales } from '@/lib/i18n/config';
import { setLanguageAction } from './actions';

export function LanguageForm() {
  const t = useTranslations('profile.language');
  const tLocale = useTranslations('locale');
  const current = useLocale();
  const [state, formAction, pending] = useActionState(setLanguageAction, null);
  return (
    <form action={formAction} className="space-y-4">
      <FormMessage error={state && !state.ok ? state.message : null} success={state?.ok ? t('saved') : null} />
      <fieldset>
        <legend className="text-sm font-medium text-ink">{t('legend')}</legend>
        <div className="mt-2 flex flex-wrap gap-4">
          {locales.map((locale) => (
            <label key={locale} className="inline-flex items-center gap-2 text-ink">
              <input type="radio" name="locale" value={locale} defaultChecked={locale === current} className="size-4 accent-accent" />
              <span lang={locale}>{tLocale(`names.${locale}`)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Button type="submit" variant="secondary" disabled={pending}>
        {t('submit')}
      </Button>
    </form>
  );
}
