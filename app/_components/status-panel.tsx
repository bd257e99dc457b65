import type { LucideIcon } from 'lucide-react';
import Link from 'next/link';
import { Button } from './ui/button';
import { EmptyState } from './ui/empty-state';

/** The body of an error page: what happened and the way back to the dashboard. */
export function StatusPanel({ icon, title, description, action }: { icon: LucideIcon; title: string; description: string; action: string }) {
  return (
    <EmptyState
      headingLevel={1}
      icon={icon}
      title={title}
      description={description}
      action={
        <Button asChild>
          <Link href="/dashboard">{action}</Link>
        </Button>
      }
    />
  );
}
