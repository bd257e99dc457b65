import 'server-only';
import { type SQL, and, asc, count, desc, eq, gte, ilike, lt, or } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { getDb } from '@/db/runtime';
import { auditLog, users } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { assertCan } from './guard';
import { pageOf } from './list-query';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  entityType: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  requestId?: string | null;
  ip?: string | null;
}

/** Appends to the audit log; pass the transaction that makes the change. */
export async function writeAudit(tx: Db | Tx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actorId && entry.actorId > 0 ? entry.actorId : null,
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId == null ? null : String(entry.entityId),
    before: entry.before ?? null,
    after: entry.after ?? null,
    requestId: entry.requestId ?? null,
    ip: entry.ip && isIp(entry.ip) ? entry.ip : null,
  });
}

function isIp(value: string): boolean {
  return /^[\d.]+$/.test(value) || /^[\da-f:]+$/i.test(value);
}

export interface AuditListQuery {
  action?: string;
  entityType?: string;
  entityId?: string;
  actorId?: number;
  q?: string;
  from?: Date;
  to?: Date;
  dir?: 'asc' | 'desc';
  page?: number;
  pageSize?: number;
}

/** The audit trail, newest first by default; filtered and paged in SQL. */
export async function listAudit(actor: Actor, query: AuditListQuery) {
  assertCan(actor, 'audit.read');
  const db = await getDb();
  const filters: (SQL | undefined)[] = [
    query.action ? ilike(auditLog.action, `${query.action}%`) : undefined,
    query.entityType ? eq(auditLog.entityType, query.entityType) : undefined,
    query.entityId ? eq(auditLog.entityId, query.entityId) : undefined,
    query.actorId ? eq(auditLog.actorId, query.actorId) : undefined,
    query.q ? or(ilike(users.username, `%${query.q}%`), ilike(users.displayName, `%${query.q}%`), ilike(auditLog.entityId, query.q)) : undefined,
    query.from ? gte(auditLog.at, query.from) : undefined,
    query.to ? lt(auditLog.at, query.to) : undefined,
  ];
  const where = and(...filters);
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select({
        id: auditLog.id,
        at: auditLog.at,
        action: auditLog.action,
        entityType: auditLog.entityType,
        entityId: auditLog.entityId,
        before: auditLog.before,
        after: auditLog.after,
        ip: auditLog.ip,
        actorId: auditLog.actorId,
        actorUsername: users.username,
        actorName: users.displayName,
      })
      .from(auditLog)
      .leftJoin(users, eq(users.id, auditLog.actorId))
      .where(where)
      .orderBy(query.dir === 'asc' ? asc(auditLog.at) : desc(auditLog.at), query.dir === 'asc' ? asc(auditLog.id) : desc(auditLog.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(auditLog).leftJoin(users, eq(users.id, auditLog.actorId)).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}
