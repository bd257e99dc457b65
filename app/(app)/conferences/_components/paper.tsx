import type { ComponentPropsWithoutRef } from 'react';
import { cn } from '@/app/_components/ui/cn';

/**
 * A document meant for paper (notice, minutes): an A4-wide sheet on screen, and on paper just the
 * text, without the sheet's border and padding (the @page rule gives the margins).
 */
export function Paper({ className, ...props }: ComponentPropsWithoutRef<'article'>) {
  return (
    <article
      className={cn(
        'mx-auto max-w-[210mm] rounded-lg border border-border bg-surface px-6 py-8 shadow-sm sm:px-12 sm:py-12',
        'print:max-w-none print:rounded-none print:border-0 print:p-0 print:shadow-none',
        className,
      )}
      {...props}
    />
  );
}

/** A heading inside a paper document. */
export function PaperHeading({ className, ...props }: ComponentPropsWithoutRef<'h2'>) {
  return <h2 className={cn('mb-2 mt-6 text-base font-semibold text-ink print:mt-5', className)} {...props} />;
}

/** Classes for Markdown rendered into a paper document (there is no typography plugin). */
export const markdownClasses = cn(
  'text-ink leading-relaxed',
  '[&_p]:my-2 [&_h1]:mt-4 [&_h2]:mt-4 [&_h3]:mt-4 [&_h4]:mt-3 [&_h5]:mt-3 [&_h6]:mt-3 [&_:is(h1,h2,h3,h4,h5,h6)]:font-semibold',
  '[&_ul]:my-2 [&_ul]:list-disc [&_ul]:pl-6 [&_ol]:my-2 [&_ol]:list-decimal [&_ol]:pl-6 [&_li]:my-0.5',
  '[&_blockquote]:my-2 [&_blockquote]:border-l-4 [&_blockquote]:border-border [&_blockquote]:pl-3 [&_blockquote]:text-ink-muted',
  '[&_a]:text-accent [&_a]:underline [&_hr]:my-4 [&_hr]:border-border [&_code]:font-mono [&_code]:text-sm',
  '[&_table]:my-3 [&_table]:w-full [&_table]:border-collapse [&_td]:border [&_td]:border-border [&_td]:px-2 [&_td]:py-1 [&_th]:border [&_th]:border-border [&_th]:px-2 [&_th]:py-1 [&_th]:text-left',
);
