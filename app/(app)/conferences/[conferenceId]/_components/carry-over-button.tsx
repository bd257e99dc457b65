'use client';

import { useActionState, useEffect } from 'react';
import { ListChecks } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { FormMessage } from '@/app/_components/ui/field';
import { type CarryOverState, addCarryOverItemAction } from '../carry-over-actions';
import { carryOverHeadingId } from './carry-over-ids';
import { sectionHeadingIds } from './parts-shared';

type CarryOverButtonProps = {
  conferenceId: number;
  /** Not held yet and no review item: the button is offered. */
  available: boolean;
};

/**
 * "Add review of last quarter's requested actions": one click adds the agenda item. The component
 * stays in the page after the button is gone, so its message is still read; focus moves to the
 * list of open tasks that the page shows from then on.
 */
export function CarryOverButton({ conferenceId, available }: CarryOverButtonProps) {
  const t = useTranslations('conferences.carryOver');
  const [state, formAction, pending] = useActionState<CarryOverState, FormData>(addCarryOverItemAction, null);
  const done = state?.ok ? state.data : null;

  useEffect(() => {
    if (!done) return;
    const frame = requestAnimationFrame(() => {
      (document.getElementById(carryOverHeadingId) ?? document.getElementById(sectionHeadingIds.agenda))?.focus();
    });
    return () => cancelAnimationFrame(frame);
  }, [done]);

  return (
    <div className="space-y-2 print:hidden">
      <FormMessage error={state && !state.ok ? state.message : null} success={done ? (done.created ? t('added') : t('alreadyThere')) : null} />
      {available ? (
        <form action={formAction} aria-busy={pending || undefined} className="flex flex-col items-start gap-1.5">
          <input type="hidden" name="conferenceId" value={conferenceId} />
          <Button type="submit" variant="secondary" disabled={pending} aria-describedby="carry-over-hint">
            <ListChecks aria-hidden="true" />
            {pending ? t('adding') : t('add')}
          </Button>
          <p id="carry-over-hint" className="text-sm text-ink-muted">
            {t('addHint')}
          </p>
        </form>
      ) : null}
    </div>
  );
}
