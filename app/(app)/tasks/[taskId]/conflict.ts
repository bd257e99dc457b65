import type { FollowUpKind, TaskStatus } from '@/lib/domain/task-state';
import { type LoadedTask, loadedTaskSchema } from '@/lib/validation/follow-ups';

export type TaskChange =
  | { field: 'status'; from: TaskStatus; to: TaskStatus }
  | { field: 'progress'; from: number; to: number }
  | { field: 'dueDate'; from: string; to: string };

export interface ConflictSummary {
  changes: TaskChange[];
  /** Kinds of the entries written since the form was loaded, oldest first, each once. */
  newKinds: FollowUpKind[];
}

/** The form's `loaded` field: what it saw when rendered; undefined when missing or tampered with. */
export function parseLoaded(raw: string | undefined): LoadedTask | undefined {
  if (!raw) return undefined;
  try {
    const parsed = loadedTaskSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

interface ConflictDetails {
  current?: { status: TaskStatus; progress: number; dueDate: string };
  recent?: { id: number; kind: FollowUpKind }[];
}

/**
 * What changed between the task the form was loaded with and the task as it is now, from the
 * details of postFollowUp's stale-version conflict.
 */
export function summarizeConflict(loaded: LoadedTask | undefined, details: Record<string, unknown> | undefined): ConflictSummary {
  const { current, recent = [] } = (details ?? {}) as ConflictDetails;
  if (!loaded || !current) return { changes: [], newKinds: [] };
  const changes: TaskChange[] = [];
  if (current.status !== loaded.status) changes.push({ field: 'status', from: loaded.status, to: current.status });
  if (current.progress !== loaded.progress) changes.push({ field: 'progress', from: loaded.progress, to: current.progress });
  if (current.dueDate !== loaded.dueDate) changes.push({ field: 'dueDate', from: loaded.dueDate, to: current.dueDate });
  const newer = recent.filter((entry) => entry.id > loaded.lastEntryId).sort((a, b) => a.id - b.id);
  return { changes, newKinds: [...new Set(newer.map((entry) => entry.kind))] };
}
