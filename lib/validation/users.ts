import { z } from 'zod';
import { roles } from '@/lib/auth/actor';
import { locales } from '@/lib/i18n/config';
import { id, optionalId, optionalText, requiredText, storableString, version } from './common';
import { booleanFilter, defineList, enumFilter } from './list-query';

export const usernameSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.string().min(3).max(32).regex(/^[a-z0-9][a-z0-9._-]*$/, 'usernameFormat'),
);

const profileFields = {
  displayName: requiredText(64),
  email: optionalText(254).pipe(z.email().optional()),
  role: z.enum(roles),
  departmentId: optionalId,
};

const departmentRequired = (v: { role: string; departmentId?: number }) => v.role !== 'department_head' || v.departmentId !== undefined;
const departmentRule = { message: 'departmentRequired', path: ['departmentId'] };

export const createUserSchema = z
  .object({ username: usernameSchema, ...profileFields, password: storableString().max(256).optional() })
  .refine(departmentRequired, departmentRule);
export type CreateUserInput = z.input<typeof createUserSchema>;

export const updateUserSchema = z
  .object({ id, version, ...profileFields })
  .refine(departmentRequired, departmentRule);
export type UpdateUserInput = z.input<typeof updateUserSchema>;

export const setUserActiveSchema = z.object({ id, version, active: z.boolean() });

export const changePasswordSchema = z
  .object({
    currentPassword: storableString().min(1).max(256),
    newPassword: storableString().min(1).max(256),
    confirmPassword: storableString().max(256),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { message: 'passwordsDiffer', path: ['confirmPassword'] });
export type ChangePasswordInput = z.input<typeof changePasswordSchema>;

export const localeSchema = z.enum(locales);

/** The user table's URL (`/admin/users?q=&role=&active=&sort=…`); sort ids are listUsers' sort columns. */
export const userListQuery = defineList({
  sort: ['username', 'displayName', 'role', 'department', 'lastSignInAt'],
  defaultSort: 'username',
  defaultDir: 'asc',
  hideable: ['displayName', 'email', 'role', 'department', 'active', 'lastSignInAt'],
  filters: { role: enumFilter(roles), active: booleanFilter },
});
