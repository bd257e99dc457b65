'use client';

import { useTranslations } from 'next-intl';
import { useActionState, useState } from 'react';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { calendarFeedAction } from '../calendar-actions';
import { OneTimeSecret } from './one-time-secret';

/** `activeSince`: the formatted date of the current address, or null when there is none. */
export function CalendarFeedControls({ activeSince }: { activeSince: string | null }) {
  const t = useTranslations('calendar.feed');
  const [state, formAction, pending] = useActionState(calendarFeedAction, null);
  const [copied, setCopied] = useState(false);
  const url = state?.ok ? state.data.url : undefined;
  const success = state?.ok ? (state.data.revoked ? t('revoked') : t('created')) : null;

  return (
    <div className="space-y-4">
      <FormMessage error={state && !state.ok ? state.message : null} success={copied ? t('copied') : success} />
      <p className="text-sm text-ink">{activeSince ? t('active', { date: activeSince }) : t('inactive')}</p>
      {url ? <OneTimeSecret label={t('urlLabel')} value={url} copyLabel={t('copy')} onceText={t('urlOnce')} onCopied={setCopied} /> : null}
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
