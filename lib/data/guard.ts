import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { type PolicyAction, type PolicyResource, can } from '@/lib/auth/policy';
import { forbidden } from '@/lib/errors';

/** Throws `forbidden` unless the policy allows it. Every data function starts here. */
export function assertCan(actor: Actor, action: PolicyAction, resource?: PolicyResource): void {
  if (!can(actor, action, resource)) throw forbidden(`${actor.username} (${actor.role}) may not ${action}`);
}
