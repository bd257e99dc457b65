import type { Role } from '@/lib/auth/actor';

export const taskStatuses = ['assigned', 'acknowledged', 'in_progress', 'submitted', 'completed', 'cancelled'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
export const openTaskStatuses = ['assigned', 'acknowledged', 'in_progress', 'submitted'] as const satisfies readonly TaskStatus[];
/** Open and not yet handed in: these can be overdue. */
export const workingTaskStatuses = ['assigned', 'acknowledged', 'in_progress'] as const satisfies readonly TaskStatus[];

export const followUpKinds = [
  'assign', 'acknowledge', 'progress', 'submit', 'verify', 'return', 'extension_request', 'extension_approved',
  'extension_rejected', 'due_date_change', 'reminder', 'instruction', 'comment', 'cancel', 'reassign',
] as const;
export type FollowUpKind = (typeof followUpKinds)[number];

export interface TaskState {
  status: TaskStatus;
  /** An extension request waits for the office's decision. */
  extensionPending: boolean;
}

const isOpen = (s: TaskStatus) => (openTaskStatuses as readonly TaskStatus[]).includes(s);
const isWorking = (s: TaskStatus) => (workingTaskStatuses as readonly TaskStatus[]).includes(s);

/**
 * The task life cycle of product.md: which follow-up each state accepts, and the state after it.
 * `null` means the follow-up is refused in that state. Who may post it is the policy's question.
 */
export function nextStatus(state: TaskState, kind: FollowUpKind): TaskStatus | null {
  const { status } = state;
  switch (kind) {
    case 'assign':
      return null; // only when the task is created
    case 'acknowledge':
      return status === 'assigned' ? 'acknowledged' : null;
    case 'progress':
      return status === 'acknowledged' || status === 'in_progress' ? 'in_progress' : null;
    case 'submit':
      return status === 'acknowledged' || status === 'in_progress' ? 'submitted' : null;
    case 'verify':
      return status === 'submitted' ? 'completed' : null;
    case 'return':
      return status === 'submitted' ? 'in_progress' : null;
    case 'extension_request':
      return isWorking(status) && !state.extensionPending ? status : null;
    case 'extension_approved':
    case 'extension_rejected':
      return isOpen(status) && state.extensionPending ? status : null;
    case 'due_date_change':
    case 'reminder':
      return isOpen(status) ? status : null;
    case 'cancel':
      return isOpen(status) ? 'cancelled' : null;
    case 'reassign':
      return isOpen(status) && status !== 'submitted' ? 'assigned' : null;
    case 'instruction':
    case 'comment':
      return status;
  }
}

/** Who posts each kind (the policy action that guards it in lib/auth/policy.ts). */
export const followUpPolicy = {
  assign: 'action.assign',
  acknowledge: 'task.acknowledge',
  progress: 'task.progress',
  submit: 'task.submit',
  verify: 'task.verify',
  return: 'task.return',
  extension_request: 'task.requestExtension',
  extension_approved: 'task.decideExtension',
  extension_rejected: 'task.decideExtension',
  due_date_change: 'task.changeDueDate',
  reminder: 'task.remind',
  instruction: 'task.instruct',
  comment: 'task.comment',
  cancel: 'task.cancel',
  reassign: 'task.reassign',
} as const satisfies Record<FollowUpKind, string>;

export type { Role };
