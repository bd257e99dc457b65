import 'server-only';
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { actionCategories, conferences, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { departmentScope } from './guard';

/**
 * The choices of the task table's conference and category filters: conferences that have tasks
 * the actor may see (newest first), and every category, retired ones included, since old tasks
 * still carry them.
 */
export async function taskFilterOptions(actor: Actor) {
  const scope = departmentScope(actor, 'task.read', tasks.departmentId);
  const db = await getDb();
  const [conferenceRows, categoryRows] = await Promise.all([
    db
      .select({ id: conferences.id, title: conferences.title, titleEn: conferences.titleEn })
      .from(conferences)
      .where(sql`EXISTS (SELECT 1 FROM ${tasks} WHERE ${and(eq(tasks.conferenceId, conferences.id), scope)})`)
      .orderBy(desc(conferences.startsAt), desc(conferences.id)),
    db
      .select({ code: actionCategories.code, name: actionCategories.name, nameEn: actionCategories.nameEn })
      .from(actionCategories)
      .orderBy(asc(actionCategories.sortOrder), asc(actionCategories.code)),
  ]);
  return { conferences: conferenceRows, categories: categoryRows };
}
