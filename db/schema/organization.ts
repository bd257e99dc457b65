import { sql } from 'drizzle-orm';
import {
  type AnyPgColumn,
  boolean,
  check,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from 'drizzle-orm/pg-core';
import { departmentKind, locale, userRole } from './enums';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
};
export { timestamps };

export const departments = pgTable(
  'departments',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    /** Stable key for imports and the demo seed, e.g. `emergency`, `zhongshan`. */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    shortName: text('short_name'),
    shortNameEn: text('short_name_en'),
    kind: departmentKind('kind').notNull().default('department'),
    parentId: integer('parent_id').references((): AnyPgColumn => departments.id),
    sortOrder: integer('sort_order').notNull().default(0),
    active: boolean('active').notNull().default(true),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('departments_parent_id_idx').on(t.parentId),
    index('departments_kind_sort_idx').on(t.kind, t.sortOrder),
    // The task list's sort by department walks departments in this order.
    index('departments_sort_order_idx').on(t.sortOrder, t.id),
  ],
);

export const users = pgTable(
  'users',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    username: text('username').notNull().unique(),
    displayName: text('display_name').notNull(),
    email: text('email'),
    passwordHash: text('password_hash').notNull(),
    role: userRole('role').notNull(),
    departmentId: integer('department_id').references(() => departments.id),
    locale: locale('locale'),
    active: boolean('active').notNull().default(true),
    mustChangePassword: boolean('must_change_password').notNull().default(false),
    /** Raised on sign-out, password change, deactivation and "sign out everywhere" so existing JWTs stop working. */
    sessionVersion: integer('session_version').notNull().default(1),
    lastSignInAt: timestamp('last_sign_in_at', { withTimezone: true }),
    /** Set when an admin unlocks sign-in: this account's earlier failures no longer make anyone wait. */
    signInUnlockedAt: timestamp('sign_in_unlocked_at', { withTimezone: true }),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [
    index('users_department_id_idx').on(t.departmentId),
    check('users_department_head_has_department', sql`${t.role} <> 'department_head' OR ${t.departmentId} IS NOT NULL`),
  ],
);

export const people = pgTable(
  'people',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    name: text('name').notNull(),
    nameEn: text('name_en'),
    position: text('position'),
    positionEn: text('position_en'),
    organization: text('organization'),
    organizationEn: text('organization_en'),
    userId: integer('user_id').references(() => users.id),
    version: integer('version').notNull().default(1),
    ...timestamps,
  },
  (t) => [index('people_user_id_idx').on(t.userId), index('people_name_idx').on(t.name)],
);

export type Department = typeof departments.$inferSelect;
export type NewDepartment = typeof departments.$inferInsert;
export type User = typeof users.$inferSelect;
export type NewUser = typeof users.$inferInsert;
export type Person = typeof people.$inferSelect;
export type NewPerson = typeof people.$inferInsert;
