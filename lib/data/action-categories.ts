import 'server-only';
import { asc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { actionCategories } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { conflict, notFound } from '@/lib/errors';
import { type CreateCategoryInput, type UpdateCategoryInput, createCategorySchema, updateCategorySchema } from '@/lib/validation/action-categories';
import { ValidationError, parseInput } from '@/lib/validation/common';
import { writeAudit } from './audit';
import { assertCan } from './guard';

/** The managed list of action categories in its order; inactive ones only for its administration. */
export async function listActionCategories(actor: Actor, options: { includeInactive?: boolean } = {}) {
  assertCan(actor, options.includeInactive ? 'settings.manage' : 'action.read');
  const db = await getDb();
  return db
    .select()
    .from(actionCategories)
    .where(options.includeInactive ? undefined : eq(actionCategories.active, true))
    .orderBy(asc(actionCategories.sortOrder), asc(actionCategories.code));
}

/** A new category at the end of the list. */
export async function createActionCategory(actor: Actor, input: CreateCategoryInput, now: Date = new Date()) {
  assertCan(actor, 'settings.manage');
  const data = parseInput(createCategorySchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ code: actionCategories.code }).from(actionCategories).where(eq(actionCategories.code, data.code));
    if (taken) throw new ValidationError({ code: [{ key: 'codeTaken' }] });
    const [{ next } = { next: 1 }] = await tx.select({ next: sql<number>`coalesce(max(${actionCategories.sortOrder}), 0) + 1` }).from(actionCategories);
    // A second admin creating the same code at the same moment gets the same message, not a crash.
    const [row] = await tx
      .insert(actionCategories)
      .values({ code: data.code, name: data.name, nameEn: data.nameEn ?? null, sortOrder: Number(next), createdAt: now, updatedAt: now })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new ValidationError({ code: [{ key: 'codeTaken' }] });
    await writeAudit(tx, { actorId: actor.id, action: 'category.create', entityType: 'action_category', entityId: row!.code, after: row });
    return row!;
  });
}

/**
 * Renames a category or takes it off (or back onto) the form's list. Its code stays: actions
 * already recorded keep pointing at it, so a category is retired, never deleted.
 */
export async function updateActionCategory(actor: Actor, input: UpdateCategoryInput, now: Date = new Date()) {
  assertCan(actor, 'settings.manage');
  const data = parseInput(updateCategorySchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(actionCategories).where(eq(actionCategories.code, data.code)).for('update');
    if (!before) throw notFound(`category ${data.code}`);
    if (before.updatedAt.getTime() !== data.updatedAt.getTime()) throw conflict('stale category');
    const [after] = await tx
      .update(actionCategories)
      .set({ name: data.name, nameEn: data.nameEn ?? null, active: data.active, updatedAt: now })
      .where(eq(actionCategories.code, data.code))
      .returning();
    await writeAudit(tx, { actorId: actor.id, action: 'category.update', entityType: 'action_category', entityId: data.code, before, after });
    return after!;
  });
}
