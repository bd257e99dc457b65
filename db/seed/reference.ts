import { hashPassword } from '../../lib/auth/password';
import type { Tx } from '../client';
import { actionCategories, departments, people, users } from '../schema';
import { type DemoAccount, DEMO_ACCOUNTS, DEMO_PASSWORD, liaisonAccounts } from './accounts';
import { at } from './dates';
import { ACTION_CATEGORIES, DEPARTMENTS, sortOrderOf } from './departments';
import { LEADER_PERSON, PEOPLE, type PersonKey } from './people';
import type { SeedIds } from './write';

/** Departments, people and accounts predate every conference, 2018 included. */
const SYSTEM_START = at('2018-01-02', '09:00');
const created = { createdAt: SYSTEM_START, updatedAt: SYSTEM_START };

export function seedAccounts(): DemoAccount[] {
  return [...DEMO_ACCOUNTS, ...liaisonAccounts()];
}

/**
 * Password hashes by username. The five demo accounts get their own; the liaisons share
 * one hash of the same password, because argon2 takes ~90 ms per hash here.
 */
export async function hashAccountPasswords(accounts: DemoAccount[]): Promise<Map<string, string>> {
  const [shared, own] = await Promise.all([
    hashPassword(DEMO_PASSWORD),
    Promise.all(DEMO_ACCOUNTS.map(async (a) => [a.username, await hashPassword(DEMO_PASSWORD)] as const)),
  ]);
  const headline = new Map(own);
  return new Map(accounts.map((a) => [a.username, headline.get(a.username) ?? shared]));
}

export async function writeReference(tx: Tx, accounts: DemoAccount[], hashes: Map<string, string>): Promise<SeedIds> {
  await tx.insert(actionCategories).values(ACTION_CATEGORIES.map((c, i) => ({ ...c, sortOrder: i + 1, ...created })));

  const departmentIds = new Map<string, number>();
  // Parents first, so children can point at them.
  for (const level of [DEPARTMENTS.filter((d) => !d.parent), DEPARTMENTS.filter((d) => d.parent)]) {
    const rows = await tx
      .insert(departments)
      .values(
        level.map(({ parent, ...d }) => ({
          ...d,
          parentId: parent ? (departmentIds.get(parent) ?? null) : null,
          sortOrder: sortOrderOf(d),
          ...created,
        })),
      )
      .returning({ id: departments.id, code: departments.code });
    for (const r of rows) departmentIds.set(r.code, r.id);
  }

  const userRows = await tx
    .insert(users)
    .values(
      accounts.map((a) => {
        const passwordHash = hashes.get(a.username);
        if (!passwordHash) throw new Error(`seed: no password hash for ${a.username}`);
        return {
          username: a.username,
          displayName: a.displayName,
          passwordHash,
          role: a.role,
          departmentId: a.departmentCode ? (departmentIds.get(a.departmentCode) ?? null) : null,
          ...created,
        };
      }),
    )
    .returning({ id: users.id, username: users.username });
  const userId = (username: string) => {
    const row = userRows.find((r) => r.username === username);
    if (!row) throw new Error(`seed: user ${username} was not inserted`);
    return row.id;
  };
  const leader = userId('leader');

  const keys = Object.keys(PEOPLE) as PersonKey[];
  const personRows = await tx
    .insert(people)
    .values(keys.map((k) => ({ ...PEOPLE[k], userId: k === LEADER_PERSON ? leader : null, ...created })))
    .returning({ id: people.id, name: people.name });
  const personIds = new Map(
    keys.map((k) => {
      const row = personRows.find((r) => r.name === PEOPLE[k].name);
      if (!row) throw new Error(`seed: person ${k} was not inserted`);
      return [k, row.id] as const;
    }),
  );

  return {
    departments: departmentIds,
    people: personIds,
    secretary: userId('secretary'),
    leader,
    liaisons: new Map(
      accounts.filter((a) => a.role === 'department_head' && a.departmentCode).map((a) => [a.departmentCode ?? '', userId(a.username)]),
    ),
  };
}
