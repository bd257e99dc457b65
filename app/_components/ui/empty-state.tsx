import type { ReactNode } from 'react';
import type { LucideIcon } from 'lucide-react';
import { cn } from './cn';

type EmptyStateProps = {
  icon: LucideIcon;
  /** What is missing, e.g. "No tasks yet". */
  title: string;
  /** What will appear here and what to do next. */
  description: string;
  /** The next step, usually a `<Button asChild><Link/></Button>`. */
  action?: ReactNode;
  /** 2 under a page's `<h1>`; 1 when the empty state is the whole page (e.g. not found). */
  headingLevel?: 1 | 2 | 3;
  className?: string;
};

export function EmptyState({ icon: Icon, title, description, action, headingLevel = 2, className }: EmptyStateProps) {
  const Heading = (['h1', 'h2', 'h3'] as const)[headingLevel - 1] ?? 'h2';
  return (
    <div
      className={cn(
        'flex flex-col items-center rounded-lg border border-border bg-surface px-6 py-12 text-center',
        className,
      )}
    >
      <span className="mb-4 flex size-12 items-center justify-center rounded-full bg-accent-soft text-accent">
        <Icon className="size-6" aria-hidden="true" />
      </span>
      <Heading className="text-base font-semibold text-ink">{title}</Heading>
      <p className="mt-2 max-w-prose text-sm text-ink-muted">{description}</p>
      {action ? <div className="mt-6">{action}</div> : null}
    </div>
  );
}
