import crypto from 'node:crypto';
import type { Db } from '../db/client';
import { departments, users } from '../db/schema';
import type { Actor, Role } from '../lib/auth/actor';
import { hashPassword } from '../lib/auth/password';

const unique = () => crypto.randomBytes(4).toString('hex');

export async function makeDepartment(db: Db, values: Partial<typeof departments.$inferInsert> = {}) {
  const code = values.code ?? `dept-${unique()}`;
  const [row] = await db
    .insert(departments)
    .values({ code, name: `部门 ${code}`, nameEn: `Department ${code}`, kind: 'department', ...values })
    .returning();
  return row!;
}

let cachedHash: Promise<string> | undefined;
export const fixturePassword = 'fixture-Password-42';

/** A user row and the actor the data layer sees for it. */
export async function makeActor(db: Db, role: Role, departmentId: number | null = null, extra: Partial<typeof users.$inferInsert> = {}): Promise<Actor> {
  cachedHash ??= hashPassword(fixturePassword);
  const username = extra.username ?? `${role.replace('_', '-')}-${unique()}`;
  const [row] = await db
    .insert(users)
    .values({ username, displayName: username, role, departmentId, passwordHash: await cachedHash, ...extra })
    .returning();
  return { id: row!.id, username: row!.username, name: row!.displayName, role, departmentId: row!.departmentId, locale: null };
}
