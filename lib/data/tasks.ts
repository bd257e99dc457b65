import 'server-only';
import { and, eq } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { conferences, departments, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { departmentScope } from './guard';

/**
 * One task with its action, conference and department. Another department's task is
 * `null` to a department head, exactly like a missing one.
 */
export async function getTask(actor: Actor, id: number) {
  const scope = departmentScope(actor, 'task.read', tasks.departmentId);
  const db = await getDb();
  const [row] = await db
    .select({
      id: tasks.id,
      status: tasks.status,
      role: tasks.role,
      progress: tasks.progress,
      dueDate: tasks.dueDate,
      originalDueDate: tasks.originalDueDate,
      acknowledgeBy: tasks.acknowledgeBy,
      version: tasks.version,
      departmentId: tasks.departmentId,
      departmentName: departments.name,
      departmentNameEn: departments.nameEn,
      actionId: requestedActions.id,
      actionNumber: requestedActions.number,
      actionTitle: requestedActions.title,
      actionTitleEn: requestedActions.titleEn,
      actionDetails: requestedActions.details,
      conferenceId: conferences.id,
      conferenceTitle: conferences.title,
      conferenceTitleEn: conferences.titleEn,
    })
    .from(tasks)
    .innerJoin(requestedActions, eq(requestedActions.id, tasks.actionId))
    .innerJoin(conferences, eq(conferences.id, tasks.conferenceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(and(eq(tasks.id, id), scope))
    .limit(1);
  return row ?? null;
}
export type TaskDetail = NonNullable<Awaited<ReturnType<typeof getTask>>>;
