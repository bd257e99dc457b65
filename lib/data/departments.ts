import 'server-only';
import { type SQL, and, asc, count, desc, eq, ilike, inArray, or, sql } from 'drizzle-orm';
import { type Tx, executeRows } from '@/db/client';
import { getDb } from '@/db/runtime';
import { departments, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { AppError, conflict, notFound } from '@/lib/errors';
import { ValidationError, parseInput } from '@/lib/validation/common';
import {
  type CreateDepartmentInput,
  type UpdateDepartmentInput,
  createDepartmentSchema,
  moveDepartmentSchema,
  setDepartmentActiveSchema,
  updateDepartmentSchema,
} from '@/lib/validation/departments';
import { writeAudit } from './audit';
import { assertCan } from './guard';
import { type ListQuery, pageOf } from './list-query';

export const openTaskStatuses = ['assigned', 'acknowledged', 'in_progress', 'submitted'] as const;

export const departmentSortColumns = {
  sortOrder: departments.sortOrder,
  name: departments.name,
  kind: departments.kind,
  code: departments.code,
} as const;

export interface DepartmentListQuery extends ListQuery<keyof typeof departmentSortColumns> {
  kind?: (typeof departments.kind.enumValues)[number];
  active?: boolean;
}

const columns = {
  id: departments.id,
  code: departments.code,
  name: departments.name,
  nameEn: departments.nameEn,
  shortName: departments.shortName,
  shortNameEn: departments.shortNameEn,
  kind: departments.kind,
  parentId: departments.parentId,
  sortOrder: departments.sortOrder,
  active: departments.active,
  version: departments.version,
};
export type DepartmentRow = Awaited<ReturnType<typeof listDepartments>>['rows'][number];

export async function listDepartments(actor: Actor, query: DepartmentListQuery) {
  assertCan(actor, 'department.read');
  const db = await getDb();
  const filters: (SQL | undefined)[] = [
    query.q
      ? or(ilike(departments.name, `%${query.q}%`), ilike(departments.nameEn, `%${query.q}%`), ilike(departments.code, `%${query.q}%`))
      : undefined,
    query.kind ? eq(departments.kind, query.kind) : undefined,
    query.active === undefined ? undefined : eq(departments.active, query.active),
  ];
  const where = and(...filters);
  const sortColumn = departmentSortColumns[query.sort ?? 'sortOrder'];
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(departments)
      .where(where)
      .orderBy(query.dir === 'desc' ? desc(sortColumn) : asc(sortColumn), asc(departments.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(departments).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

/** Every active department, for pickers; small enough to send whole. */
export async function listDepartmentOptions(actor: Actor) {
  assertCan(actor, 'department.read');
  const db = await getDb();
  return db
    .select({ id: departments.id, code: departments.code, name: departments.name, nameEn: departments.nameEn, kind: departments.kind, parentId: departments.parentId })
    .from(departments)
    .where(eq(departments.active, true))
    .orderBy(asc(departments.kind), asc(departments.sortOrder), asc(departments.id));
}

export async function getDepartment(actor: Actor, id: number) {
  assertCan(actor, 'department.read');
  const db = await getDb();
  const [row] = await db.select(columns).from(departments).where(eq(departments.id, id));
  return row ?? null;
}

/** A parent must exist and must not be the department itself or one of its descendants. */
async function assertParent(tx: Tx, parentId: number | undefined, selfId?: number) {
  if (parentId === undefined) return;
  const [parent] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.id, parentId));
  if (!parent) throw new ValidationError({ parentId: [{ key: 'unknownDepartment' }] });
  if (selfId === undefined) return;
  const rows = await executeRows<{ id: number }>(tx, sql`
    WITH RECURSIVE up AS (
      SELECT id, parent_id FROM departments WHERE id = ${parentId}
      UNION ALL SELECT d.id, d.parent_id FROM departments d JOIN up ON d.id = up.parent_id
    ) SELECT id FROM up`);
  const ids = rows.map((r) => Number(r.id));
  if (ids.includes(selfId)) throw new ValidationError({ parentId: [{ key: 'parentCycle' }] });
}

async function nextSortOrder(tx: Tx): Promise<number> {
  const [row] = await tx.select({ max: sql<number>`coalesce(max(${departments.sortOrder}), 0)` }).from(departments);
  return Number(row?.max ?? 0) + 10;
}

export async function createDepartment(actor: Actor, input: CreateDepartmentInput) {
  assertCan(actor, 'department.manage');
  const data = parseInput(createDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: departments.id }).from(departments).where(eq(departments.code, data.code));
    if (taken) throw new ValidationError({ code: [{ key: 'codeTaken' }] });
    await assertParent(tx, data.parentId);
    const [row] = await tx
      .insert(departments)
      .values({ ...data, parentId: data.parentId ?? null, sortOrder: data.sortOrder ?? (await nextSortOrder(tx)) })
      .returning(columns);
    await writeAudit(tx, { actorId: actor.id, action: 'department.create', entityType: 'department', entityId: row!.id, after: row });
    return row!;
  });
}

export async function updateDepartment(actor: Actor, input: UpdateDepartmentInput) {
  assertCan(actor, 'department.manage');
  const data = parseInput(updateDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(departments).where(eq(departments.id, data.id)).for('update');
    if (!before) throw notFound(`department ${data.id}`);
    if (before.version !== data.version) throw conflict('stale department', { current: before });
    await assertParent(tx, data.parentId, data.id);
    const { id, version: _v, ...changes } = data;
    const [after] = await tx
      .update(departments)
      .set({ ...changes, parentId: changes.parentId ?? null, sortOrder: changes.sortOrder ?? before.sortOrder, version: before.version + 1, updatedAt: new Date() })
      .where(eq(departments.id, id))
      .returning(columns);
    await writeAudit(tx, { actorId: actor.id, action: 'department.update', entityType: 'department', entityId: id, before, after });
    return after!;
  });
}

/** Swaps places with the neighbour among departments of the same parent and kind. */
export async function moveDepartment(actor: Actor, input: { id: number; direction: 'up' | 'down' }) {
  assertCan(actor, 'department.manage');
  const data = parseInput(moveDepartmentSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [self] = await tx.select(columns).from(departments).where(eq(departments.id, data.id)).for('update');
    if (!self) throw notFound(`department ${data.id}`);
    const siblings = await tx
      .select({ id: departments.id, sortOrder: departments.sortOrder })
      .from(departments)
      .where(and(eq(departments.kind, self.kind), self.parentId === null ? sql`${departments.parentId} IS NULL` : eq(departments.parentId, self.parentId)))
      .orderBy(asc(departments.sortOrder), asc(departments.id));
    const index = siblings.findIndex((s) => s.id === self.id);
    const other = siblings[data.direction === 'up' ? index - 1 : index + 1];
    if (!other) return { moved: false };
    // Renumber the whole group so equal sort orders cannot make the swap a no-op.
    const order = siblings.map((s) => s.id);
    order.splice(index, 1);
    order.splice(data.direction === 'up' ? index - 1 : index + 1, 0, self.id);
    for (const [i, id] of order.entries()) {
      await tx.update(departments).set({ sortOrder: (i + 1) * 10, updatedAt: new Date() }).where(eq(departments.id, id));
    }
    await writeAudit(tx, { actorId: actor.id, action: 'department.move', entityType: 'department', entityId: self.id, after: { direction: data.direction } });
    return { moved: true };
  });
}

export async function setDepartmentActive(actor: Actor, input: { id: number; version: number; active: boolean }) {
  assertCan(actor, 'department.manage');
  const data = parseInput(setDepartmentActiveSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(departments).where(eq(departments.id, data.id)).for('update');
    if (!before) throw notFound(`department ${data.id}`);
    if (before.version !== data.version) throw conflict('stale department', { current: before });
    if (!data.active) {
      const [open] = await tx
        .select({ value: count() })
        .from(tasks)
        .where(and(eq(tasks.departmentId, data.id), inArray(tasks.status, [...openTaskStatuses])));
      if ((open?.value ?? 0) > 0) {
        throw new AppError('conflict', 'departmentHasOpenTasks', `department ${data.id} has open tasks`, { openTasks: open!.value });
      }
    }
    await tx.update(departments).set({ active: data.active, version: before.version + 1, updatedAt: new Date() }).where(eq(departments.id, data.id));
    await writeAudit(tx, {
      actorId: actor.id,
      action: data.active ? 'department.reactivate' : 'department.deactivate',
      entityType: 'department',
      entityId: data.id,
      before: { active: before.active },
      after: { active: data.active },
    });
    return { id: data.id, version: before.version + 1 };
  });
}
