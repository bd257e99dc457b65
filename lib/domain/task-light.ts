import { type TaskStatus, workingTaskStatuses } from './task-state';

export type TrafficLight = 'green' | 'yellow' | 'red';

export interface LightSettings {
  /** Yellow when the due date is this many days away or fewer. */
  dueSoonDays: number;
  /** Yellow when progress trails the elapsed share of the time by more than this many points. */
  lagMarginPercent: number;
}
export const defaultLightSettings: LightSettings = { dueSoonDays: 3, lagMarginPercent: 25 };

export interface LightInput {
  status: TaskStatus;
  /** Calendar dates, YYYY-MM-DD, in the city's time zone. */
  dueDate: string;
  acknowledgeBy: string | null;
  /** The day the task was assigned. */
  assignedDate: string;
  progress: number;
}

const dayMs = 86_400_000;
const days = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / dayMs);
const isWorking = (s: TaskStatus) => (workingTaskStatuses as readonly TaskStatus[]).includes(s);

/** Due date passed and the work is neither handed in nor done. */
export function isOverdue(task: Pick<LightInput, 'status' | 'dueDate'>, today: string): boolean {
  return isWorking(task.status) && task.dueDate < today;
}

/**
 * Red: overdue, or not acknowledged by its acknowledge-by date. Yellow: due within the window,
 * or progress lagging the time used. Green otherwise. Closed tasks have no light.
 * lib/data/task-light-sql.ts states the same rule in SQL for lists; a test keeps them equal.
 */
export function trafficLight(task: LightInput, today: string, settings: LightSettings = defaultLightSettings): TrafficLight | null {
  if (task.status === 'completed' || task.status === 'cancelled') return null;
  if (task.status === 'submitted') return 'green';
  if (isOverdue(task, today)) return 'red';
  if (task.status === 'assigned' && task.acknowledgeBy !== null && task.acknowledgeBy < today) return 'red';
  if (days(today, task.dueDate) <= settings.dueSoonDays) return 'yellow';
  const span = days(task.assignedDate, task.dueDate);
  if (span > 0) {
    const elapsedPercent = (100 * Math.max(0, days(task.assignedDate, today))) / span;
    if (elapsedPercent - task.progress > settings.lagMarginPercent) return 'yellow';
  }
  return 'green';
}
