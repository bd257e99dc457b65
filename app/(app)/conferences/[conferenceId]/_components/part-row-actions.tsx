'use client';

import { type RefObject, useActionState, useCallback, useEffect, useRef } from 'react';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button, buttonClasses } from '@/app/_components/ui/button';
import { cn } from '@/app/_components/ui/cn';
import {
  type MoveState,
  type RemoveState,
  moveAgendaItemAction,
  moveSpeakerAction,
  removeAgendaItemAction,
  removeInvitationAction,
  removeSpeakerAction,
  removeVenueAction,
} from '../parts-actions';

const removeActions = {
  venue: removeVenueAction,
  invitation: removeInvitationAction,
  speaker: removeSpeakerAction,
  agenda: removeAgendaItemAction,
} as const;

const moveActions = { speaker: moveSpeakerAction, agenda: moveAgendaItemAction } as const;

/** After a failed submission, focus the first field marked invalid so the error next to it is read. */
export function useFocusFirstInvalid(formRef: RefObject<HTMLElement | null>, state: { ok: boolean; fieldErrors?: Record<string, string[]> } | null) {
  useEffect(() => {
    if (!state || state.ok || !state.fieldErrors) return;
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [formRef, state]);
}

/**
 * When the row that holds focus goes away (it was removed), focus would fall to the page's body;
 * it goes to the section's heading instead, so keyboard and screen-reader users keep their place.
 */
function useFocusHeadingWhenGone(headingId: string): () => void {
  const submitted = useRef(false);
  useEffect(() => {
    // The flag as it is when the row unmounts, not as it was when the effect ran.
    const removal = submitted;
    return () => {
      if (!removal.current) return;
      requestAnimationFrame(() => {
        const active = document.activeElement;
        if (active === null || active === document.body) document.getElementById(headingId)?.focus();
      });
    };
  }, [headingId]);
  return useCallback(() => {
    submitted.current = true;
  }, []);
}

type RemovePartButtonProps = {
  kind: keyof typeof removeActions;
  conferenceId: number;
  /** The venue, speaker or agenda item id; for an invitation, the department id. */
  id: number;
  /** The row's name, for the button's accessible name ("移除 东区分会场"). */
  name: string;
  headingId: string;
};

/** One button that removes a venue or an invitation, with its error beside it. */
export function RemovePartButton({ kind, conferenceId, id, name, headingId }: RemovePartButtonProps) {
  const t = useTranslations('conferenceParts');
  const [state, formAction, pending] = useActionState<RemoveState, FormData>(removeActions[kind], null);
  const markRemoving = useFocusHeadingWhenGone(headingId);
  const failed = state && !state.ok ? state : null;
  const invitation = kind === 'invitation';
  const label = invitation ? t('invitations.removeNamed', { name }) : t('common.removeNamed', { name });
  return (
    <form
      action={formAction}
      onSubmit={markRemoving}
      className="flex flex-col items-end gap-1 print:hidden"
    >
      <input type="hidden" name="conferenceId" value={conferenceId} />
      <input type="hidden" name={invitation ? 'departmentId' : 'id'} value={id} />
      <Button type="submit" variant="ghost" size="sm" aria-busy={pending || undefined} aria-label={label} title={label}>
        {invitation ? t('invitations.remove') : t('common.remove')}
      </Button>
      <p role="alert" className={failed ? 'max-w-64 text-right text-xs text-danger' : 'sr-only'}>
        {failed?.message ?? null}
      </p>
    </form>
  );
}

type OrderedRowActionsProps = {
  kind: keyof typeof moveActions;
  conferenceId: number;
  id: number;
  /** The row's name, for the buttons' accessible names ("上移 刘岩"). */
  name: string;
  /** Where the row is now (0-based) and how many rows there are. */
  index: number;
  count: number;
  headingId: string;
};

/**
 * Move up, move down and remove for one row of an ordered list. After a move the row is drawn in
 * its new place and focus returns to the button that moved it (or the other one at either end),
 * so pressing it again keeps moving the same row.
 */
export function OrderedRowActions({ kind, conferenceId, id, name, index, count, headingId }: OrderedRowActionsProps) {
  const t = useTranslations('conferenceParts');
  const [moveState, moveAction] = useActionState<MoveState, FormData>(moveActions[kind], null);
  const [removeState, removeAction, removing] = useActionState<RemoveState, FormData>(removeActions[kind], null);
  const markRemoving = useFocusHeadingWhenGone(headingId);
  const rowRef = useRef<HTMLDivElement>(null);
  const upRef = useRef<HTMLButtonElement>(null);
  const downRef = useRef<HTMLButtonElement>(null);
  // Where the row was when the move was sent, and the result already followed up.
  const sentFrom = useRef(index);
  const settled = useRef<MoveState>(null);

  useEffect(() => {
    if (!moveState?.ok || !moveState.data.moved || settled.current === moveState) return;
    const active = document.activeElement;
    // The user has gone on elsewhere: leave their focus alone.
    if (active && active !== document.body && !rowRef.current?.contains(active)) {
      settled.current = moveState;
      return;
    }
    const [same, other] = moveState.data.direction === 'up' ? [upRef.current, downRef.current] : [downRef.current, upRef.current];
    (same && !same.disabled ? same : other)?.focus();
    // The new order may arrive in a later render than the result; follow it up until it does.
    if (index !== sentFrom.current) settled.current = moveState;
  }, [moveState, index]);

  const failed = [moveState, removeState].find((s) => s && !s.ok);
  const unmoved = moveState?.ok && !moveState.data.moved;
  const upLabel = t('common.moveUp', { name });
  const downLabel = t('common.moveDown', { name });
  const removeLabel = t('common.removeNamed', { name });

  return (
    <div ref={rowRef} className="flex flex-col items-end gap-1 print:hidden">
      <div className="flex flex-wrap items-center justify-end gap-1">
        <form
          action={moveAction}
          onSubmit={() => {
            sentFrom.current = index;
          }}
          className="flex gap-1"
        >
          <input type="hidden" name="conferenceId" value={conferenceId} />
          <input type="hidden" name="id" value={id} />
          {/* Plain buttons: the shared Button takes no ref. Not disabled while a move is sent, so focus stays on them. */}
          <button
            ref={upRef}
            type="submit"
            name="direction"
            value="up"
            className={cn(buttonClasses('ghost', 'sm'), 'w-8 px-0')}
            disabled={index === 0}
            aria-label={upLabel}
            title={upLabel}
          >
            <ArrowUp aria-hidden="true" />
          </button>
          <button
            ref={downRef}
            type="submit"
            name="direction"
            value="down"
            className={cn(buttonClasses('ghost', 'sm'), 'w-8 px-0')}
            disabled={index === count - 1}
            aria-label={downLabel}
            title={downLabel}
          >
            <ArrowDown aria-hidden="true" />
          </button>
        </form>
        <form
          action={removeAction}
          onSubmit={markRemoving}
        >
          <input type="hidden" name="conferenceId" value={conferenceId} />
          <input type="hidden" name="id" value={id} />
          <Button type="submit" variant="ghost" size="sm" aria-busy={removing || undefined} aria-label={removeLabel} title={removeLabel}>
            {t('common.remove')}
          </Button>
        </form>
      </div>
      <p role="alert" className={failed || unmoved ? 'max-w-64 text-right text-xs text-danger' : 'sr-only'}>
        {failed && !failed.ok ? failed.message : unmoved ? t('common.cannotMove') : null}
      </p>
    </div>
  );
}
