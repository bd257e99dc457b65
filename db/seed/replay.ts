import type { FollowUp, Task } from '../schema';

// The seed writes each task's timeline first and derives the task row from it, so the
// stored state is by construction what replaying the follow-ups gives. The rules mirror
// the life cycle in product.md; a plan that breaks them throws while seeding.

type Status = Task['status'];
type Kind = FollowUp['kind'];
export type Actor = 'department' | 'secretary' | 'leader';

type NoteKind = 'submit' | 'verify' | 'return' | 'cancel' | 'reminder' | 'instruction' | 'comment' | 'extension_rejected';
export type Step =
  | { kind: 'acknowledge'; at: Date; body: string }
  | { kind: 'progress'; at: Date; progress: number; body: string }
  | { kind: NoteKind; at: Date; body: string }
  | { kind: 'extension_request'; at: Date; requestedDueDate: string; body: string }
  | { kind: 'extension_approved'; at: Date; newDueDate: string; body: string };

export interface TaskPlan {
  assignedAt: Date;
  dueDate: string;
  acknowledgeBy: string;
  assignBody: string;
  steps: Step[];
}

export interface TimelineEntry {
  kind: Kind;
  actor: Actor;
  at: Date;
  body: string;
  progress: number | null;
  requestedDueDate: string | null;
  previousDueDate: string | null;
  newDueDate: string | null;
  fromStatus: Status | null;
  toStatus: Status;
}

export type TaskState = Pick<
  Task,
  | 'status' | 'progress' | 'dueDate' | 'originalDueDate' | 'acknowledgeBy' | 'assignedAt' | 'acknowledgedAt'
  | 'submittedAt' | 'completedAt' | 'cancelledAt' | 'extensionCount' | 'extensionRequestCount' | 'returnCount' | 'version'
  | 'createdAt' | 'updatedAt'
>;

const OPEN: Status[] = ['assigned', 'acknowledged', 'in_progress', 'submitted'];
const MOVES: Partial<Record<Kind, { from: Status[]; to: Status }>> = {
  acknowledge: { from: ['assigned'], to: 'acknowledged' },
  progress: { from: ['acknowledged', 'in_progress'], to: 'in_progress' },
  submit: { from: ['acknowledged', 'in_progress'], to: 'submitted' },
  verify: { from: ['submitted'], to: 'completed' },
  return: { from: ['submitted'], to: 'in_progress' },
  cancel: { from: OPEN, to: 'cancelled' },
};
const ACTORS: Partial<Record<Kind, Actor>> = {
  acknowledge: 'department',
  progress: 'department',
  submit: 'department',
  extension_request: 'department',
  instruction: 'leader',
};

/** Replays a plan into its follow-ups (assign first) and the task row they leave behind. */
export function replayTask(plan: TaskPlan, now: Date): { state: TaskState; timeline: TimelineEntry[] } {
  const s: TaskState = {
    status: 'assigned',
    progress: 0,
    dueDate: plan.dueDate,
    originalDueDate: plan.dueDate,
    acknowledgeBy: plan.acknowledgeBy,
    assignedAt: plan.assignedAt,
    acknowledgedAt: null,
    submittedAt: null,
    completedAt: null,
    cancelledAt: null,
    extensionCount: 0,
    extensionRequestCount: 0,
    returnCount: 0,
    version: 1,
    createdAt: plan.assignedAt,
    updatedAt: plan.assignedAt,
  };
  const timeline: TimelineEntry[] = [entry('assign', 'secretary', plan.assignedAt, plan.assignBody, null, 'assigned')];
  let pendingExtension: string | null = null;
  let last = plan.assignedAt;
  if (plan.assignedAt >= now) throw new Error('seed: a task is assigned in the future');

  for (const step of plan.steps) {
    if (step.at <= last || step.at >= now) {
      throw new Error(`seed: ${step.kind} at ${step.at.toISOString()} is out of order or in the future`);
    }
    last = step.at;
    const from = s.status;
    const e = entry(step.kind, ACTORS[step.kind] ?? 'secretary', step.at, step.body, from, from);
    const move = MOVES[step.kind];
    if (move) {
      if (!move.from.includes(from)) throw new Error(`seed: cannot ${step.kind} a task that is ${from}`);
      s.status = move.to;
      e.toStatus = move.to;
      touch(s, step.at);
    } else if (step.kind !== 'instruction' && step.kind !== 'comment' && !OPEN.includes(from)) {
      throw new Error(`seed: ${step.kind} on a closed task`);
    }
    switch (step.kind) {
      case 'acknowledge':
        s.acknowledgedAt = step.at;
        break;
      case 'progress':
        s.progress = step.progress;
        e.progress = step.progress;
        break;
      case 'submit':
        s.progress = 100;
        e.progress = 100;
        s.submittedAt = step.at;
        break;
      case 'verify':
        s.completedAt = step.at;
        break;
      case 'return':
        s.returnCount += 1;
        s.submittedAt = null;
        break;
      case 'cancel':
        s.cancelledAt = step.at;
        break;
      case 'extension_request':
        pendingExtension = step.requestedDueDate;
        e.requestedDueDate = step.requestedDueDate;
        s.extensionRequestCount += 1;
        break;
      case 'extension_approved':
      case 'extension_rejected':
        if (!pendingExtension) throw new Error(`seed: ${step.kind} without a request`);
        pendingExtension = null;
        if (step.kind === 'extension_approved') {
          e.previousDueDate = s.dueDate;
          e.newDueDate = step.newDueDate;
          s.dueDate = step.newDueDate;
          s.extensionCount += 1;
          touch(s, step.at);
        }
        break;
      default:
        break;
    }
    timeline.push(e);
  }
  return { state: s, timeline };
}

function touch(s: TaskState, at: Date): void {
  s.version += 1;
  s.updatedAt = at;
}

function entry(kind: Kind, actor: Actor, at: Date, body: string, from: Status | null, to: Status): TimelineEntry {
  return {
    kind,
    actor,
    at,
    body,
    progress: null,
    requestedDueDate: null,
    previousDueDate: null,
    newDueDate: null,
    fromStatus: from,
    toStatus: to,
  };
}
