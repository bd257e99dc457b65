'use client';

import { useId } from 'react';
import { inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';
import { useDebouncedParam } from './use-debounced-param';

type DataTableDateFilterProps = {
  label: string;
  /** The day in the URL (`YYYY-MM-DD`), or undefined. */
  value: string | undefined;
  min?: string;
  max?: string;
  onChange: (day: string | undefined) => void;
};

const settleMs = 500;

/**
 * A calendar day filter. Typing a year digit by digit passes through years like 0002: the URL
 * changes once the input has settled.
 */
export function DataTableDateFilter({ label, value, min, max, onChange }: DataTableDateFilterProps) {
  const id = useId();
  const { text: day, setText: setDay } = useDebouncedParam(value ?? '', (next) => onChange(next || undefined), settleMs);

  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-xs font-medium text-ink-muted">
        {label}
      </label>
      <input
        id={id}
        type="date"
        value={day}
        min={min}
        max={max}
        onChange={(event) => setDay(event.target.value)}
        className={cn(inputClasses, 'h-8 w-auto text-sm')}
      />
    </div>
  );
}
