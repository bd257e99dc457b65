import { type RefObject, useEffect, useId, type ReactNode } from 'react';
import { cn } from './cn';

/** The attributes that tie a control to its label, hint and errors. */
export type ControlProps = {
  id: string;
  name: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
  required?: boolean;
};

type FieldProps = {
  label: string;
  name: string;
  /** Translated messages for this field from the last submission. */
  errors?: string[];
  /** A line under the control on what to enter. */
  hint?: ReactNode;
  required?: boolean;
  className?: string;
  children: (control: ControlProps) => ReactNode;
};

export const inputClasses =
  'block h-10 w-full rounded-md border border-border-strong bg-surface px-3 text-ink placeholder:text-ink-subtle aria-[invalid=true]:border-danger disabled:bg-canvas disabled:text-ink-muted';

/** A labelled form control with its hint and its errors next to it. */
export function Field({ label, name, errors, hint, required, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const invalid = Boolean(errors?.length);
  const describedBy = [hint ? hintId : null, invalid ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('space-y-1.5', className)}>
      {/* The asterisk stays outside the label: the field's name is the label alone (`required` says the rest). */}
      <div className="flex items-baseline gap-0.5">
        <label htmlFor={id} className="text-sm font-medium text-ink">
          {label}
        </label>
        {required ? (
          <span className="text-sm text-danger" aria-hidden="true">
            *
          </span>
        ) : null}
      </div>
      {children({ id, name, 'aria-invalid': invalid || undefined, 'aria-describedby': describedBy, required })}
      {hint ? (
        <p id={hintId} className="text-sm text-ink-muted">
          {hint}
        </p>
      ) : null}
      {invalid ? (
        <ul id={errorId} className="space-y-0.5 text-sm text-danger">
          {errors!.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/**
 * The form's own message: an alert for a failure (always in the page, so new text is announced),
 * a status for a success.
 */
export function FormMessage({ error, success, className }: { error?: string | null; success?: string | null; className?: string }) {
  return (
    <>
      <div
        role="alert"
        className={cn(error ? 'rounded-md border border-danger-border bg-danger-soft px-3 py-2 text-sm text-danger' : 'sr-only', className)}
      >
        {error || null}
      </div>
      <div
        role="status"
        className={cn(success ? 'rounded-md border border-success-border bg-success-soft px-3 py-2 text-sm text-success' : 'sr-only', className)}
      >
        {success || null}
      </div>
    </>
  );
}

/**
 * After a failed submission, focus goes to the first field in error, or to the form's message when
 * no field is to blame, so keyboard and screen-reader users land where the problem is.
 */
export function useFocusOnError(formRef: RefObject<HTMLFormElement | null>, state: { ok: boolean } | null) {
  useEffect(() => {
    if (!state || state.ok) return;
    const form = formRef.current;
    const target = form?.querySelector<HTMLElement>('[aria-invalid="true"]') ?? form?.querySelector<HTMLElement>('[role="alert"]');
    if (target?.getAttribute('role') === 'alert') target.tabIndex = -1;
    target?.focus();
  }, [formRef, state]);
}
