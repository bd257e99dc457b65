// For the tests of the people, conference, action and report operations: answers read as a client
// would, and the rows a refused request must leave as they were.
import { count, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import type { Db } from '@/db/client';
import { agendaItems, auditLog, conferenceInvitations, conferences, people, requestedActions, speakers, tasks, venues } from '@/db/schema';
import { type ApiCall, callApi } from './test-support';
import type { z } from './zod';

/**
 * A successful answer, checked against the operation's documented schema (strict: nothing more,
 * nothing missing); any other status fails the test with the problem's text.
 */
export async function ok<S extends z.ZodType>(call: ApiCall, schema: S | undefined, status = call.method === 'POST' ? 201 : 200): Promise<z.output<S>> {
  if (!schema) throw new Error('ok: the operation documents no answer schema');
  const response = await callApi(call);
  const text = await response.text();
  expect(response.status, `${call.method ?? 'GET'} ${call.path}: ${text.slice(0, 500)}`).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return schema.parse(JSON.parse(text));
}

/** A refused request's status and problem, in English. */
export async function problem(call: ApiCall): Promise<{ status: number; body: { detail: string; errors?: Record<string, string[]>; current?: Record<string, unknown> } }> {
  const response = await callApi({ ...call, headers: { 'Accept-Language': 'en', ...call.headers } });
  expect(response.headers.get('content-type'), `${call.method ?? 'GET'} ${call.path}`).toMatch(/^application\/problem\+json/);
  return { status: response.status, body: await response.json() };
}

/** Every row a conference, person or action write adds to or changes: a refused request leaves them as they were. */
export async function written(db: Db) {
  const counted = async (table: Parameters<ReturnType<Db['select']>['from']>[0]) => (await db.select({ value: count() }).from(table))[0]!.value;
  const [versions] = await db
    .select({
      conferences: sql<string>`(SELECT coalesce(sum(version), 0) FROM ${conferences})`,
      invitations: sql<string>`(SELECT coalesce(sum(version), 0) FROM ${conferenceInvitations})`,
    })
    .from(sql`(SELECT 1) AS one`);
  return {
    conferences: await counted(conferences),
    venues: await counted(venues),
    speakers: await counted(speakers),
    agendaItems: await counted(agendaItems),
    invitations: await counted(conferenceInvitations),
    people: await counted(people),
    actions: await counted(requestedActions),
    tasks: await counted(tasks),
    audit: await counted(auditLog),
    conferenceVersions: Number(versions!.conferences),
    invitationVersions: Number(versions!.invitations),
  };
}
