'use client';

import { Copy } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { useActionState, useId, useState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { FormMessage, inputClasses } from '@/app/_components/ui/field';
import { calendarFeedAction } from '../calendar-actions';

/** The clipboard API needs a secure context; an intranet served over http falls back to selecting the field. */
async function copyText(text: string, inputId: string): Promise<boolean> {
  try {
    if (navigator.clipboard) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection.
  }
  const input = document.getElementById(inputId);
  if (!(input instanceof HTMLInputElement)) return false;
  input.focus();
  input.select();
  return document.execCommand('copy');
}

/** `activeSince`: the formatted date of the current address, or null when there is none. */
export function CalendarFeedControls({ activeSince }: { activeSince: string | null }) {
  const t = useTranslations('calendar.feed');
  const [state, formAction, pending] = useActionState(calendarFeedAction, null);
  const [copied, setCopied] = useState(false);
  const urlId = useId();
  const url = state?.ok ? state.data.url : undefined;
  const success = state?.ok ? (state.data.revoked ? t('revoked') : t('created')) : null;

  return (
    <div className="space-y-4">
      <FormMessage error={state && !state.ok ? state.message : null} success={copied ? t('copied') : success} />
      <p className="text-sm text-ink">{activeSince ? t('active', { date: activeSince }) : t('inactive')}</p>
      {url ? (
        <div className="space-y-1.5">
          <label htmlFor={urlId} className="block text-sm font-medium text-ink">
            {t('urlLabel')}
          </label>
          <div className="flex flex-col gap-2 sm:flex-row">
            <input
              id={urlId}
              type="text"
              readOnly
              value={url}
              aria-describedby={`${urlId}-once`}
              onFocus={(e) => e.currentTarget.select()}
              className={`${inputClasses} font-mono text-sm sm:flex-1`}
            />
            <Button
              variant="secondary"
              onClick={async () => setCopied(await copyText(url, urlId))}
            >
              <Copy aria-hidden="true" />
              {t('copy')}
            </Button>
          </div>
          <p id={`${urlId}-once`} className="text-sm text-warning">
            {t('urlOnce')}
          </p>
        </div>
      ) : null}
      <form action={formAction} onSubmit={() => setCopied(false)} className="flex flex-wrap gap-3">
        <Button type="submit" name="intent" value="create" variant={activeSince ? 'secondary' : 'primary'} disabled={pending}>
          {activeSince ? t('regenerate') : t('create')}
        </Button>
        {activeSince ? (
          <Button type="submit" name="intent" value="revoke" variant="ghost" disabled={pending}>
            {t('revoke')}
          </Button>
        ) : null}
      </form>
    </div>
  );
}
