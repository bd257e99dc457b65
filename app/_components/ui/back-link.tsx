import type { ReactNode } from 'react';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';

/** The "back to …" link above a page's heading; not printed. */
export function BackLink({ href, children }: { href: string; children: ReactNode }) {
  return (
    <p className="mb-2 print:hidden">
      <Link href={href} className="inline-flex items-center gap-1 text-sm text-accent underline-offset-2 hover:underline">
        <ArrowLeft className="size-4" aria-hidden="true" />
        {children}
      </Link>
    </p>
  );
}
