'use client';

import { Copy } from 'lucide-react';
import { useId } from 'react';
import { Button } from '@/app/_components/ui/button';
import { inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';

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

/**
 * A secret shown once (a subscription address, an API token): read-only in a labelled field with a
 * copy button and the warning that it will not be shown again.
 */
export function OneTimeSecret({
  label,
  value,
  copyLabel,
  onceText,
  onCopied,
  className,
}: {
  label: string;
  value: string;
  copyLabel: string;
  onceText: string;
  /** Whether the copy worked, for the form's status message. */
  onCopied: (copied: boolean) => void;
  className?: string;
}) {
  const id = useId();
  return (
    <div className={cn('space-y-1.5', className)}>
      <label htmlFor={id} className="block text-sm font-medium text-ink">
        {label}
      </label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <input
          id={id}
          type="text"
          readOnly
          value={value}
          aria-describedby={`${id}-once`}
          onFocus={(e) => e.currentTarget.select()}
          className={`${inputClasses} font-mono text-sm sm:flex-1`}
        />
        <Button variant="secondary" onClick={async () => onCopied(await copyText(value, id))}>
          <Copy aria-hidden="true" />
          {copyLabel}
        </Button>
      </div>
      <p id={`${id}-once`} className="text-sm text-warning">
        {onceText}
      </p>
    </div>
  );
}
