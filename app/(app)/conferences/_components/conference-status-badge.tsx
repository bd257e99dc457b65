import { Ban, CalendarCheck, FileCheck, Megaphone, PencilLine, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import type { ConferenceStatus } from '@/lib/domain/conference-status';

const looks: Record<ConferenceStatus, { tone: BadgeTone; icon: LucideIcon }> = {
  draft: { tone: 'neutral', icon: PencilLine },
  scheduled: { tone: 'info', icon: Megaphone },
  held: { tone: 'warning', icon: CalendarCheck },
  minutes_published: { tone: 'success', icon: FileCheck },
  cancelled: { tone: 'danger', icon: Ban },
};

/** A conference's status in words, with a tone and a shape that tell it apart on grey paper too. */
export function ConferenceStatusBadge({ status, label, className }: { status: ConferenceStatus; label: string; className?: string }) {
  const { tone, icon } = looks[status];
  return (
    <Badge tone={tone} icon={icon} className={className}>
      {label}
    </Badge>
  );
}
