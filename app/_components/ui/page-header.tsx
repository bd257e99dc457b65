import type { ReactNode } from 'react';
import { cn } from './cn';

type PageHeaderProps = {
  title: string;
  /** One line on what the page is for. */
  description?: string;
  /** Buttons or links for the page's main actions, shown on the right. */
  actions?: ReactNode;
  className?: string;
};

export function PageHeader({ title, description, actions, className }: PageHeaderProps) {
  return (
    <div className={cn('mb-6 flex flex-wrap items-start justify-between gap-4', className)}>
      <div className="min-w-0 max-w-3xl">
        <h1 className="text-xl font-semibold leading-snug text-ink sm:text-2xl">{title}</h1>
        {description ? <p className="mt-1 text-ink-muted">{description}</p> : null}
      </div>
      {actions ? <div className="flex flex-wrap items-center gap-2">{actions}</div> : null}
    </div>
  );
}
