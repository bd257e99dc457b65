'use client';

import { useId } from 'react';
import { RefreshCw } from 'lucide-react';
import { useRouter } from 'next/navigation';
import { Button } from './button';

type SavedNowNoticeProps = {
  title: string;
  /** Label and value of each field as someone else saved it. */
  rows: readonly (readonly [string, string])[];
  /** What to do next, e.g. "reload, check, save again". */
  next: string;
  reload: string;
  headingLevel?: 2 | 3;
};

/** A save refused as stale: what is saved now, and a button that reloads it. The typed values stay in the form. */
export function SavedNowNotice({ title, rows, next, reload, headingLevel = 3 }: SavedNowNoticeProps) {
  const router = useRouter();
  const titleId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <section aria-labelledby={titleId} className="rounded-md border border-warning-border bg-warning-soft px-4 py-3 text-sm">
      <Heading id={titleId} className="font-semibold text-ink">
        {title}
      </Heading>
      <dl className="mt-2 grid gap-x-4 gap-y-1 sm:grid-cols-[auto_1fr]">
        {rows.map(([label, value]) => (
          <div key={label} className="contents">
            <dt className="text-ink-muted">{label}</dt>
            <dd className="text-ink">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-2 text-ink-muted">{next}</p>
      <Button variant="secondary" size="sm" className="mt-3" onClick={() => router.refresh()}>
        <RefreshCw aria-hidden="true" />
        {reload}
      </Button>
    </section>
  );
}
