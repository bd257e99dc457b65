import { addDays, at, daysBetween } from './dates';
import type { CategoryCode } from './departments';
import {
  assignText,
  extensionApprovedText,
  extensionRequestText,
  progressText,
  TEXT,
} from './history';
import type { Step, TaskPlan } from './replay';

/**
 * The tasks of the latest conference, whose dates are relative to the day the seed runs,
 * so every list, reminder and traffic light has something to show. Steps sit either just
 * after the assignment day (a) or in the ten days before today (t); the midpoint between
 * them keeps long gaps from looking empty. Needs at least 21 days between a and t.
 */
export const MIN_LIVE_DAYS = 21;

export type LiveScenario =
  | 'completed' | 'submitted' | 'dueSoon' | 'dueSoonAck' | 'returned' | 'overdue' | 'overdueAck'
  | 'notAcknowledged' | 'extensionApproved' | 'extensionRejected' | 'acknowledged' | 'inProgress'
  | 'cancelled' | 'freshAssigned';

/** The two demo departments get one task in each of these states, in this order. */
export const EMERGENCY_SCENARIOS: LiveScenario[] = ['completed', 'submitted', 'dueSoon', 'returned', 'overdue', 'acknowledged'];
export const ZHONGSHAN_SCENARIOS: LiveScenario[] = [
  'notAcknowledged', 'extensionApproved', 'submitted', 'completed', 'dueSoonAck', 'cancelled',
];
/** Every other department takes the next of these. */
export const OTHER_SCENARIOS: LiveScenario[] = [
  'completed', 'inProgress', 'overdueAck', 'submitted', 'extensionRejected', 'completed', 'freshAssigned',
  'acknowledged', 'dueSoon', 'overdue', 'completed', 'inProgress', 'returned',
];

export interface LiveInput {
  assignDate: string;
  today: string;
  role: 'lead' | 'support';
  category: CategoryCode;
  index: number;
}

export function livePlan(scenario: LiveScenario, input: LiveInput): TaskPlan {
  const { assignDate: a, today: t, category, index: i } = input;
  const span = daysBetween(a, t);
  if (span < MIN_LIVE_DAYS) throw new Error(`seed: live tasks need ${MIN_LIVE_DAYS} days of history`);
  const afterA = (days: number, time: string) => at(addDays(a, days), time);
  const beforeT = (days: number, time: string) => at(addDays(t, -days), time);
  const mid = (time: string) => afterA(Math.floor(span / 2), time);
  const ack = (days = 1): Step => ({ kind: 'acknowledge', at: afterA(days, `1${i % 6}:1${i % 10}`), body: TEXT.acknowledge });
  const progress = (when: Date, value: number): Step => ({
    kind: 'progress',
    at: when,
    progress: value,
    body: progressText(category, i, value / 100),
  });
  const build = (due: number, steps: Step[]): TaskPlan => ({
    assignedAt: afterA(0, '09:30'),
    dueDate: addDays(t, due),
    acknowledgeBy: addDays(a, 3),
    assignBody: assignText(input.role, addDays(t, due)),
    steps,
  });

  switch (scenario) {
    case 'completed':
      return build(7, [
        ack(), progress(mid('16:00'), 40), progress(beforeT(9, '16:00'), 80),
        { kind: 'submit', at: beforeT(6, '17:00'), body: TEXT.submit },
        { kind: 'verify', at: beforeT(4, '10:00'), body: TEXT.verify },
      ]);
    case 'submitted':
      return build(5, [
        ack(), progress(mid('16:00'), 50), progress(beforeT(8, '16:00'), 90),
        { kind: 'submit', at: beforeT(2, '16:40'), body: TEXT.submit },
      ]);
    case 'dueSoon':
      return build(2, [ack(), progress(mid('16:00'), 30), progress(beforeT(5, '15:30'), 70)]);
    case 'dueSoonAck':
      return build(1, [ack(2)]);
    case 'returned':
      return build(6, [
        ack(), progress(mid('16:00'), 60), progress(beforeT(10, '16:00'), 90),
        { kind: 'submit', at: beforeT(7, '17:00'), body: TEXT.submit },
        { kind: 'return', at: beforeT(5, '11:00'), body: TEXT.return },
        { kind: 'progress', at: beforeT(2, '15:00'), progress: 95, body: TEXT.afterReturn },
      ]);
    case 'overdue':
      return build(-3, [
        ack(), progress(mid('16:00'), 30),
        { kind: 'reminder', at: beforeT(2, '09:00'), body: TEXT.overdue },
        { kind: 'instruction', at: beforeT(1, '11:00'), body: TEXT.instruction },
      ]);
    case 'overdueAck':
      return build(-2, [ack(2), { kind: 'reminder', at: beforeT(1, '09:00'), body: TEXT.overdue }]);
    case 'notAcknowledged':
      return build(10, [
        { kind: 'reminder', at: afterA(4, '09:10'), body: TEXT.lateAck },
        { kind: 'reminder', at: beforeT(1, '09:05'), body: TEXT.lateAck },
      ]);
    case 'extensionApproved': {
      const extended = addDays(t, 14);
      return build(-1, [
        ack(), progress(mid('16:00'), 40),
        { kind: 'extension_request', at: beforeT(6, '09:30'), requestedDueDate: extended, body: extensionRequestText(extended) },
        { kind: 'extension_approved', at: beforeT(5, '15:00'), newDueDate: extended, body: extensionApprovedText(extended) },
        progress(beforeT(3, '16:00'), 60),
      ]);
    }
    case 'extensionRejected': {
      const wanted = addDays(t, 30);
      return build(3, [
        ack(), progress(mid('16:00'), 35),
        { kind: 'extension_request', at: beforeT(4, '09:30'), requestedDueDate: wanted, body: extensionRequestText(wanted) },
        { kind: 'extension_rejected', at: beforeT(3, '14:00'), body: TEXT.extensionRejected },
        progress(beforeT(2, '16:00'), 65),
      ]);
    }
    case 'acknowledged':
      return build(20, [ack()]);
    case 'inProgress':
      return build(15, [ack(2), progress(mid('16:00'), 20), progress(beforeT(3, '16:00'), 50)]);
    case 'cancelled':
      return build(10, [ack(), { kind: 'cancel', at: mid('10:00'), body: TEXT.cancel }]);
    case 'freshAssigned':
      // A supporting department added yesterday: its acknowledgement is not due yet.
      return {
        assignedAt: beforeT(1, '15:00'),
        dueDate: addDays(t, 25),
        acknowledgeBy: addDays(t, 2),
        assignBody: assignText(input.role, addDays(t, 25)),
        steps: [],
      };
  }
}

/** Picks each task's scenario: the demo departments walk their lists, others share one. */
export function scenarioPicker(): (departmentCode: string, role: 'lead' | 'support') => LiveScenario {
  const next: Record<string, number> = {};
  return (code, role) => {
    const list = code === 'emergency' ? EMERGENCY_SCENARIOS : code === 'zhongshan' ? ZHONGSHAN_SCENARIOS : OTHER_SCENARIOS;
    const key = list === OTHER_SCENARIOS ? '*' : code;
    const n = next[key] ?? 0;
    next[key] = n + 1;
    const picked = list[n % list.length] ?? 'acknowledged';
    // A lead department is there from the start, never added later.
    return picked === 'freshAssigned' && role === 'lead' ? 'acknowledged' : picked;
  };
}
