'use client';

import { useState, useTransition } from 'react';
import { Check, ChevronDown, Languages } from 'lucide-react';
import { useLocale, useTranslations } from 'next-intl';
import { DropdownMenu } from 'radix-ui';
import { setLocaleAction } from '@/lib/actions/locale';
import { locales } from '@/lib/i18n/config';
import { cn } from './ui/cn';

/** The language menu of the top bar; each language is named in itself (中文, English). */
export function LocaleSwitch({ className }: { className?: string }) {
  const t = useTranslations('locale');
  const current = useLocale();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);

  function choose(next: string) {
    if (next === current) return;
    setError(null);
    startTransition(async () => {
      try {
        const result = await setLocaleAction(next);
        if (!result.ok) setError(result.message);
      } catch {
        setError(t('failed'));
      }
    });
  }

  const currentName = t(`names.${current}`);
  return (
    <div className={cn('relative flex items-center', className)}>
      {/* Not modal and not portalled: a two-item menu need not hide the page from screen
          readers or lock scrolling, and it stays inside the top bar's landmark. */}
      <DropdownMenu.Root modal={false}>
        <DropdownMenu.Trigger
          aria-label={t('switchLabel', { current: currentName })}
          aria-busy={pending || undefined}
          className="inline-flex h-9 items-center gap-1.5 rounded-md border border-border px-2.5 text-sm text-ink hover:bg-canvas data-[state=open]:bg-canvas"
        >
          <Languages className="size-4 text-ink-muted" aria-hidden="true" />
          <span lang={current}>{currentName}</span>
          <ChevronDown className="size-3.5 text-ink-muted" aria-hidden="true" />
        </DropdownMenu.Trigger>
        <DropdownMenu.Content
          align="end"
          sideOffset={6}
          className="z-50 min-w-36 rounded-md border border-border bg-surface p-1 text-sm shadow-lg"
        >
          <DropdownMenu.Label className="px-2 py-1 text-xs text-ink-muted">{t('label')}</DropdownMenu.Label>
          <DropdownMenu.RadioGroup value={current} onValueChange={choose}>
            {locales.map((locale) => (
              <DropdownMenu.RadioItem
                key={locale}
                value={locale}
                lang={locale}
                className="relative flex cursor-default select-none items-center rounded py-1.5 pl-7 pr-3 text-ink outline-offset-[-2px] data-[highlighted]:bg-accent-soft data-[state=checked]:font-medium"
              >
                <DropdownMenu.ItemIndicator className="absolute left-2 inline-flex">
                  <Check className="size-4 text-accent" aria-hidden="true" />
                </DropdownMenu.ItemIndicator>
                {t(`names.${locale}`)}
              </DropdownMenu.RadioItem>
            ))}
          </DropdownMenu.RadioGroup>
        </DropdownMenu.Content>
      </DropdownMenu.Root>
      <p role="status" className={cn('text-xs text-danger', error ? 'ml-2' : 'sr-only')}>
        {error}
      </p>
    </div>
  );
}
