'use client';

import { useActionState, useRef, useState } from 'react';
import { BellRing, CalendarClock } from 'lucide-react';
import { useTranslations } from 'next-intl';
import { Button } from '@/app/_components/ui/button';
import { Field, FormMessage, inputClasses, useFocusOnError } from '@/app/_components/ui/field';
import { type BulkState, bulkTasksAction } from '../bulk-actions';

const textareaClasses = `${inputClasses.replace('h-10', 'min-h-16')} py-2`;
type Op = 'dueDate' | 'remind';

type TasksBulkBarProps = {
  /** The selected rows of this page, with the version each was shown at (kept after a change, for a second one). */
  selected: { id: number; version: number }[];
};

/**
 * What the office does to the selected rows at once: a new due date with its reason, or a
 * reminder. One form, one transaction: when any task cannot take it, none does, and the
 * message names each task in the way.
 */
export function TasksBulkBar({ selected }: TasksBulkBarProps) {
  const t = useTranslations('taskBulk');
  const [state, formAction, pending] = useActionState<BulkState, FormData>(bulkTasksAction, null);
  // Which form is open, and the result it was opened after: a later success closes it, a failure keeps it.
  const [open, setOpen] = useState<{ op: Op | null; after: BulkState }>({ op: null, after: null });
  const op = open.op && (open.after === state || !state?.ok) ? open.op : null;
  const formRef = useRef<HTMLFormElement>(null);
  const failed = state && !state.ok ? state : null;
  const values = failed?.values ?? {};
  const errors = failed?.fieldErrors ?? {};
  // Errors about single tasks (`tasks.<id>`) or the selection as a whole go into the form's message.
  const taskErrors = Object.entries(errors)
    .filter(([field]) => field === 'tasks' || field.startsWith('tasks.'))
    .flatMap(([, messages]) => messages);

  useFocusOnError(formRef, state);

  const done = state?.ok ? (state.data.op === 'remind' ? t('reminded', { count: state.data.count }) : t('dueDateChanged', { count: state.data.count })) : null;

  return (
    <section aria-label={t('label')} className="space-y-3 rounded-md border border-border bg-canvas/60 px-3 py-2 print:hidden">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-2 text-sm text-ink" aria-live="polite">
          {t('selected', { count: selected.length })}
        </p>
        {(['dueDate', 'remind'] as const).map((which) => (
          <Button
            key={which}
            variant={op === which ? 'primary' : 'secondary'}
            size="sm"
            disabled={!selected.length}
            aria-expanded={op === which}
            aria-controls="tasks-bulk-form"
            onClick={() => setOpen({ op: op === which ? null : which, after: state })}
          >
            {which === 'dueDate' ? <CalendarClock aria-hidden="true" /> : <BellRing aria-hidden="true" />}
            {t(`ops.${which}`)}
          </Button>
        ))}
      </div>
      {!op ? <FormMessage success={done} /> : null}
      {op && selected.length ? (
        <form id="tasks-bulk-form" ref={formRef} action={formAction} noValidate aria-busy={pending || undefined} aria-label={t(`ops.${op}`)} className="max-w-xl space-y-3 pb-2">
          <input type="hidden" name="op" value={op} />
          {selected.map((s) => (
            <input key={s.id} type="hidden" name="task" value={`${s.id}:${s.version}`} />
          ))}
          <FormMessage error={failed ? [failed.message, ...taskErrors].join(' ') : null} />
          {op === 'dueDate' ? (
            <div key={`d${JSON.stringify(values)}`} className="grid gap-3 sm:grid-cols-[12rem_1fr]">
              <Field label={t('fields.dueDate')} name="dueDate" errors={errors.dueDate} required>
                {(control) => <input {...control} type="date" defaultValue={values.dueDate} className={inputClasses} />}
              </Field>
              <Field label={t('fields.reason')} name="reason" errors={errors.reason} required>
                {(control) => <textarea {...control} defaultValue={values.reason} maxLength={1000} className={textareaClasses} />}
              </Field>
            </div>
          ) : (
            <div key={`r${JSON.stringify(values)}`}>
              <Field label={t('fields.message')} name="message" errors={errors.message} required>
                {(control) => <textarea {...control} defaultValue={values.message} maxLength={1000} className={textareaClasses} />}
              </Field>
            </div>
          )}
          <Button type="submit" size="sm" disabled={pending}>
            {t(`submit.${op}`, { count: selected.length })}
          </Button>
        </form>
      ) : null}
    </section>
  );
}
