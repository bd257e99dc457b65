import type { Db } from '../db/client';
import { conferences, followUps, requestedActions, tasks } from '../db/schema';
import type { TaskStatus } from '../lib/domain/task-state';

/** A task with the dates and counters the period figures read, written directly (no history). */
export interface FigureTaskSpec {
  departmentId: number;
  status: TaskStatus;
  assigned: Date;
  acknowledged?: Date;
  completed?: Date;
  due: string;
  /** The due date before an approved extension; the due date when absent. */
  originalDue?: string;
  returns?: number;
  extensions?: number;
  /** When each extension request was made. */
  requests?: Date[];
  title?: string;
}

/** Writes the tasks, each on a requested action of its own under one conference, and their extension requests. */
export async function insertFigureTasks(db: Db, specs: readonly FigureTaskSpec[]): Promise<void> {
  const [conf] = await db
    .insert(conferences)
    .values({ title: '会', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  for (const [i, s] of specs.entries()) {
    const [action] = await db.insert(requestedActions).values({ conferenceId: conf!.id, seq: i + 1, number: `F-${i + 1}`, title: s.title ?? `事项 ${i + 1}` }).returning();
    const [task] = await db
      .insert(tasks)
      .values({
        actionId: action!.id, conferenceId: conf!.id, departmentId: s.departmentId, status: s.status, dueDate: s.due,
        originalDueDate: s.originalDue ?? s.due, assignedAt: s.assigned, acknowledgedAt: s.acknowledged, completedAt: s.completed,
        cancelledAt: s.status === 'cancelled' ? new Date(s.assigned.getTime() + 86_400_000) : undefined,
        returnCount: s.returns ?? 0, extensionCount: s.extensions ?? 0, extensionRequestCount: s.requests?.length ?? 0,
      })
      .returning();
    for (const createdAt of s.requests ?? []) {
      await db.insert(followUps).values({ taskId: task!.id, kind: 'extension_request', requestedDueDate: '2026-09-01', createdAt });
    }
  }
}
