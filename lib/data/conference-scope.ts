import 'server-only';
import { type SQL, and, eq, isNull, sql } from 'drizzle-orm';
import type { Db, Tx } from '@/db/client';
import { conferenceInvitations, conferences } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { scopeOf } from '@/lib/auth/policy';
import { isConferenceReadOnly } from '@/lib/domain/conference-status';
import { AppError, forbidden, notFound } from '@/lib/errors';
import { assertCan } from './guard';

/** Conferences the actor may read: all, or those their department is invited to. */
export function conferenceScope(actor: Actor): SQL | undefined {
  const scope = scopeOf(actor, 'conference.read');
  if (scope === null) throw forbidden(`${actor.role} may not read conferences`);
  if (scope === 'all') return undefined;
  if (actor.departmentId === null) return sql`false`;
  return sql`EXISTS (SELECT 1 FROM ${conferenceInvitations} WHERE ${and(
    eq(conferenceInvitations.conferenceId, conferences.id),
    eq(conferenceInvitations.departmentId, actor.departmentId),
    isNull(conferenceInvitations.removedAt),
  )})`;
}

/** The conference row, locked for the change, if the actor may see it; else not found. */
export async function lockConference(tx: Db | Tx, actor: Actor, id: number) {
  const [row] = await tx
    .select()
    .from(conferences)
    .where(and(eq(conferences.id, id), conferenceScope(actor)))
    .for('update');
  if (!row) throw notFound(`conference ${id}`);
  return row;
}

/** A child record of a published or cancelled conference is changed only as an audited correction. */
export async function editableConference(tx: Db | Tx, actor: Actor, conferenceId: number) {
  const conference = await lockConference(tx, actor, conferenceId);
  if (conference.status === 'cancelled') throw new AppError('conflict', 'conferenceCancelled');
  if (isConferenceReadOnly(conference.status)) assertCan(actor, 'conference.correctPublished');
  return conference;
}
