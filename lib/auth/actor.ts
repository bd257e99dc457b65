import type { Locale } from '@/lib/i18n/config';

export const roles = ['admin', 'secretary', 'leader', 'department_head'] as const;
export type Role = (typeof roles)[number];

/** The signed-in user as every data function receives it. */
export interface Actor {
  id: number;
  username: string;
  name: string;
  role: Role;
  departmentId: number | null;
  locale: Locale | null;
}

/** Who acts for a command run on the server itself (e.g. creating the first admin); audited as no user. */
export const systemActor: Actor = {
  id: 0,
  username: 'system',
  name: 'system',
  role: 'admin',
  departmentId: null,
  locale: null,
};
