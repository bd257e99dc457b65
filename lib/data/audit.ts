import 'server-only';
import type { Db, Tx } from '@/db/client';
import { auditLog } from '@/db/schema';

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
