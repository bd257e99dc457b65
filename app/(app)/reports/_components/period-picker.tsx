'use client';

import { type FormEvent, useId, useState, useTransition } from 'react';
import { useTranslations } from 'next-intl';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Button } from '@/app/_components/ui/button';
import { inputClasses } from '@/app/_components/ui/field';
import { cn } from '@/app/_components/ui/cn';

type Kind = 'quarter' | 'year' | 'range';

/** Texts that a page may set for itself; the others come from the `periodPicker` messages. */
export type PeriodPickerLabels = Partial<{ legend: string; apply: string }>;

type PeriodPickerProps = {
  /** The period in force, as `periodFromParams` returned it (`2026-Q3`, `2026`, `2026-01-05..2026-02-10`). */
  param: string;
  /** The translated message when the URL's period was refused (the page then shows its fallback). */
  error?: string | null;
  labels?: PeriodPickerLabels;
  className?: string;
};

interface Choice {
  kind: Kind;
  year: string;
  quarter: string;
  from: string;
  to: string;
}

/** The form's first values: a refused range as it was typed, else the period in force. */
function choiceOf(param: string, from: string | null, to: string | null): Choice {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(param);
  const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(param);
  const year = quarter?.[1] ?? (/^\d{4}$/.test(param) ? param : (range?.[2] ?? String(new Date().getFullYear())).slice(0, 4));
  const base = { year, quarter: quarter?.[2] ?? '1', from: range?.[1] ?? '', to: range?.[2] ?? '' };
  if (from !== null || to !== null) return { ...base, kind: 'range', from: from ?? '', to: to ?? '' };
  return { ...base, kind: quarter ? 'quarter' : range ? 'range' : 'year' };
}

/**
 * The reporting period of an oversight page: a quarter, a year or a range of days. Applying it
 * writes `?period=2026-Q3` / `?period=2026` or `?from=…&to=…` into the URL (keeping the page's
 * other parameters, back to page 1); the server parses it with `periodFromParams` and hands back
 * the period in force and, when it refused the URL's, the message shown here.
 */
export function PeriodPicker(props: PeriodPickerProps) {
  const searchParams = useSearchParams();
  const initial = choiceOf(props.param, searchParams.get('from'), searchParams.get('to'));
  // A new period from the server (a link, back/forward) starts the form afresh.
  return <PeriodForm key={JSON.stringify(initial)} initial={initial} {...props} />;
}

function PeriodForm({ initial, error, labels, className }: PeriodPickerProps & { initial: Choice }) {
  const t = useTranslations('periodPicker');
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [pending, startTransition] = useTransition();
  const id = useId();
  const [choice, setChoice] = useState(initial);
  const set = (patch: Partial<Choice>) => setChoice((c) => ({ ...c, ...patch }));
  const errorId = `${id}-error`;
  const invalid = error ? { 'aria-invalid': true as const, 'aria-describedby': errorId } : {};

  function apply(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const next = new URLSearchParams(searchParams.toString());
    for (const key of ['period', 'from', 'to', 'page']) next.delete(key);
    if (choice.kind === 'range') {
      next.set('from', choice.from);
      next.set('to', choice.to);
    } else {
      next.set('period', choice.kind === 'quarter' ? `${choice.year}-Q${choice.quarter}` : choice.year);
    }
    startTransition(() => router.push(`${pathname}?${next.toString()}`, { scroll: false }));
  }

  const control = cn(inputClasses, 'h-9 w-auto text-sm');
  return (
    <form onSubmit={apply} noValidate aria-busy={pending || undefined} className={cn('print:hidden', className)}>
      <fieldset className="flex flex-wrap items-end gap-3">
        <legend className="mb-1 text-sm font-medium text-ink">{labels?.legend ?? t('legend')}</legend>
        <div className="flex flex-col gap-1">
          <label htmlFor={`${id}-kind`} className="text-xs font-medium text-ink-muted">
            {t('kind')}
          </label>
          <select id={`${id}-kind`} value={choice.kind} onChange={(e) => set({ kind: e.target.value as Kind })} className={control}>
            {(['quarter', 'year', 'range'] as const).map((kind) => (
              <option key={kind} value={kind}>
                {t(`kinds.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        {choice.kind === 'range' ? (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-from`} className="text-xs font-medium text-ink-muted">
                {t('from')}
              </label>
              <input id={`${id}-from`} type="date" value={choice.from} onChange={(e) => set({ from: e.target.value })} className={control} {...invalid} />
            </div>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-to`} className="text-xs font-medium text-ink-muted">
                {t('to')}
              </label>
              <input id={`${id}-to`} type="date" value={choice.to} onChange={(e) => set({ to: e.target.value })} className={control} {...invalid} />
            </div>
          </>
        ) : (
          <>
            <div className="flex flex-col gap-1">
              <label htmlFor={`${id}-year`} className="text-xs font-medium text-ink-muted">
                {t('year')}
              </label>
              <input
                id={`${id}-year`}
                type="number"
                inputMode="numeric"
                min={2000}
                max={2100}
                value={choice.year}
                onChange={(e) => set({ year: e.target.value })}
                className={cn(control, 'w-24')}
                {...invalid}
              />
            </div>
            {choice.kind === 'quarter' ? (
              <div className="flex flex-col gap-1">
                <label htmlFor={`${id}-quarter`} className="text-xs font-medium text-ink-muted">
                  {t('quarter')}
                </label>
                <select id={`${id}-quarter`} value={choice.quarter} onChange={(e) => set({ quarter: e.target.value })} className={control}>
                  {(['1', '2', '3', '4'] as const).map((q) => (
                    <option key={q} value={q}>
                      {t(`quarters.${q}`)}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
          </>
        )}
        <Button type="submit" variant="secondary" size="sm" className="h-9" disabled={pending}>
          {labels?.apply ?? t('apply')}
        </Button>
      </fieldset>
      {/* Always in the page, so a new message is announced. */}
      <p id={errorId} role="alert" className={error ? 'mt-2 text-sm text-danger' : 'sr-only'}>
        {error || null}
      </p>
    </form>
  );
}
