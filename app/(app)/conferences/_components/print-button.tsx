'use client';

import { Printer } from 'lucide-react';
import { Button } from '@/app/_components/ui/button';

/** Opens the browser's print dialog; the page's print stylesheet gives the A4 layout. */
export function PrintButton({ label }: { label: string }) {
  return (
    <Button variant="secondary" onClick={() => window.print()}>
      <Printer aria-hidden="true" />
      {label}
    </Button>
  );
}
