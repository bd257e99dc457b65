import type { ComponentPropsWithoutRef } from 'react';
import { cn } from './cn';

export function Card({ className, ...props }: ComponentPropsWithoutRef<'div'>) {
  return <div className={cn('rounded-lg border border-border bg-surface', className)} {...props} />;
}

export function CardHeader({ className, ...props }: ComponentPropsWithoutRef<'div'>) {
  return <div className={cn('border-b border-border px-5 py-4', className)} {...props} />;
}

type CardTitleProps = ComponentPropsWithoutRef<'h2'> & {
  /** The heading level that fits the page outline; a page's `<h1>` is its PageHeader. */
  level?: 2 | 3;
};

export function CardTitle({ level = 2, className, ...props }: CardTitleProps) {
  const Heading = level === 2 ? 'h2' : 'h3';
  return <Heading className={cn('text-base font-semibold text-ink', className)} {...props} />;
}

export function CardDescription({ className, ...props }: ComponentPropsWithoutRef<'p'>) {
  return <p className={cn('mt-1 text-sm text-ink-muted', className)} {...props} />;
}

export function CardContent({ className, ...props }: ComponentPropsWithoutRef<'div'>) {
  return <div className={cn('px-5 py-4', className)} {...props} />;
}
