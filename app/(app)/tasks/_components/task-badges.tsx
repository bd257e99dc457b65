import { CheckCircle2, CircleDashed, Clock, Inbox, Ban, Send, type LucideIcon } from 'lucide-react';
import { Badge, type BadgeTone } from '@/app/_components/ui/badge';
import { cn } from '@/app/_components/ui/cn';
import type { TrafficLight } from '@/lib/domain/task-light';
import type { TaskStatus } from '@/lib/domain/task-state';

const statusLooks: Record<TaskStatus, { tone: BadgeTone; icon: LucideIcon }> = {
  assigned: { tone: 'info', icon: Inbox },
  acknowledged: { tone: 'info', icon: CircleDashed },
  in_progress: { tone: 'info', icon: Clock },
  submitted: { tone: 'warning', icon: Send },
  completed: { tone: 'success', icon: CheckCircle2 },
  cancelled: { tone: 'neutral', icon: Ban },
};

/** A task's status in words, with a tone and a shape. */
export function TaskStatusBadge({ status, label }: { status: TaskStatus; label: string }) {
  const { tone, icon } = statusLooks[status];
  return (
    <Badge tone={tone} icon={icon}>
      {label}
    </Badge>
  );
}

const lightLooks: Record<TrafficLight, { tone: BadgeTone; dot: string }> = {
  green: { tone: 'success', dot: 'bg-success' },
  yellow: { tone: 'warning', dot: 'bg-amber-400 ring-1 ring-warning' },
  red: { tone: 'danger', dot: 'bg-danger' },
};

/**
 * The traffic light as a dot and its word (正常 / 预警 / 逾期): colour is never the only signal.
 * A closed task has none: pass `null` and the glossary's word for it (`trafficLight.none`).
 */
export function TrafficLightBadge({ light, label }: { light: TrafficLight | null; label: string }) {
  if (!light) return <span className="text-ink-muted">{label}</span>;
  const { tone, dot } = lightLooks[light];
  return (
    <Badge tone={tone}>
      <span className={cn('inline-block size-2.5 shrink-0 rounded-full', dot)} aria-hidden="true" />
      {label}
    </Badge>
  );
}
