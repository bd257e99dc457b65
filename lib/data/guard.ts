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
 * Which departments' rows the actor may see for this action: all of them, or one (none when a
 * department head has no department). Throws when the role has no access.
 */
export type DepartmentScope = { all: true } | { all: false; departmentId: number | null };

export function departmentScopeOf(actor: Actor, action: PolicyAction): DepartmentScope {
  const scope = scopeOf(actor, action);
  if (scope === null) throw forbidden(`${actor.username} (${actor.role}) may not ${action}`);
  return scope === 'all' ? { all: true } : { all: false, departmentId: actor.departmentId };
}

/**
 * The WHERE condition that limits a query to the rows the actor may see for this action:
 * nothing for `all`, the actor's department for `own`. Throws when the role has no access.
 */
export function departmentScope(actor: Actor, action: PolicyAction, column: AnyPgColumn): SQL | undefined {
  const scope = departmentScopeOf(actor, action);
  if (scope.all) return undefined;
  // A department head without a department sees nothing rather than everything.
  return scope.departmentId === null ? sql`false` : eq(column, scope.departmentId);
}
