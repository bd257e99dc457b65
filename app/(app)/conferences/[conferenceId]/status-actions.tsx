'use client';

import { useActionState, useId, useState } from 'react';
import { Ban, CalendarCheck, FileCheck, Megaphone, Undo2, type LucideIcon } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import type { ConferenceStatus } from '@/lib/domain/conference-status';
import { changeConferenceStatusAction } from './actions';

type StatusActionsProps = {
  conferenceId: number;
  version: number;
  /** The moves allowed from the current status (allowedConferenceMoves), possibly narrowed by the page. */
  moves: readonly ConferenceStatus[];
};

const icons: Record<ConferenceStatus, LucideIcon> = {
  draft: Undo2,
  scheduled: Megaphone,
  held: CalendarCheck,
  minutes_published: FileCheck,
  cancelled: Ban,
};

/**
 * The office's status buttons: one form whose submit buttons each carry the target status, and
 * cancelling behind a disclosure that asks for the reason first.
 */
export function StatusActions({ conferenceId, version, moves }: StatusActionsProps) {
  const t = useTranslations('conferences.status');
  const tStatus = useTranslations('conferenceStatuses');
  const [state, formAction, pending] = useActionState(changeConferenceStatusAction, null);
  const [cancelling, setCancelling] = useState(false);
  const cancelFormId = useId();
  const failed = state && !state.ok ? state : null;
  const done = state?.ok ? t('changed', { status: tStatus(state.data.status) }) : null;
  const forward = moves.filter((move) => move !== 'cancelled');
  const canCancel = moves.includes('cancelled');
  if (!moves.length && !state) return null;

  return (
    <div className="space-y-3 print:hidden">
      <FormMessage error={failed?.message} success={done} />
      {forward.length || canCancel ? (
        <form action={formAction} className="flex flex-wrap items-center gap-2" aria-label={t('actions')}>
          <input type="hidden" name="id" value={conferenceId} />
          <input type="hidden" name="version" value={version} />
          {forward.map((move, i) => {
            const Icon = icons[move];
            return (
              <Button key={move} type="submit" name="to" value={move} variant={i === 0 && move !== 'draft' ? 'primary' : 'secondary'} disabled={pending}>
                <Icon aria-hidden="true" />
                {t(`moves.${move}`)}
              </Button>
            );
          })}
          {canCancel ? (
            <Button
              variant="ghost"
              className="text-danger hover:text-danger"
              aria-expanded={cancelling}
              aria-controls={cancelFormId}
              disabled={pending}
              onClick={() => setCancelling((open) => !open)}
            >
              <Ban aria-hidden="true" />
              {t('moves.cancelled')}
            </Button>
          ) : null}
        </form>
      ) : null}
      {canCancel && cancelling ? (
        <form id={cancelFormId} action={formAction} noValidate className="max-w-xl space-y-3 rounded-md border border-danger-border bg-danger-soft/40 p-4">
          <input type="hidden" name="id" value={conferenceId} />
          <input type="hidden" name="version" value={version} />
          <input type="hidden" name="to" value="cancelled" />
          <Field label={t('cancelReason')} name="reason" errors={failed?.fieldErrors?.reason} hint={t('cancelHint')} required>
            {(control) => (
              // Opened on request: the reason is what is asked next.
              <textarea {...control} autoFocus rows={3} maxLength={1000} defaultValue={failed?.values?.reason} className={cn(inputClasses, 'h-auto py-2')} />
            )}
          </Field>
          <div className="flex flex-wrap gap-2">
            <Button type="submit" variant="danger" disabled={pending}>
              {pending ? t('working') : t('confirmCancel')}
            </Button>
            <Button variant="ghost" onClick={() => setCancelling(false)}>
              {t('back')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
