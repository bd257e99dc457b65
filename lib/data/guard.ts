import 'server-only';
import { type SQL, eq, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '@/lib/auth/actor';
import { type PolicyAction, type PolicyResource, can, scopeOf } from '@/lib/auth/policy';
import { forbidden } from '@/lib/errors';

/** Throws `forbidden` unless the policy allows it. Every data function starts here. */
export function assertCan(actor: Actor, action: PolicyAction, resource?: PolicyResource): void {
  if (!can(actor, action, resource)) throw forbidden(`${actor.username} (${actor.role}) may not ${action}`);
}

/**
 * The WHERE condition that limits a query to the rows the actor may see for this action:
 * nothing for `all`, the actor's department for `own`. Throws when the role has no access.
 */
export function departmentScope(actor: Actor, action: PolicyAction, column: AnyPgColumn): SQL | undefined {
  const scope = scopeOf(actor, action);
  if (scope === null) throw forbidden(`${actor.username} (${actor.role}) may not ${action}`);
  if (scope === 'all') return undefined;
  // A department head without a department sees nothing rather than everything.
  return actor.departmentId === null ? sql`false` : eq(column, actor.departmentId);
}
