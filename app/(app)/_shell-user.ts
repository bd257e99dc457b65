import 'server-only';
import { getLocale } from 'next-intl/server';
import type { Role } from '@/lib/auth/actor';
import { type PolicyAction, can } from '@/lib/auth/policy';
import { requireActor } from '@/lib/auth/session';
import { getDepartment } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import type { NavKey } from './_components/nav-items';

export type ShellUser = {
  name: string;
  /** The user's department or district; leaders and IT staff may have none. */
  department: string | null;
  role: Role;
  /** The navigation areas this user may open. */
  areas: NavKey[];
};

// Which policy action opens each area; the data layer enforces the same table.
const areaAccess: Record<NavKey, PolicyAction | 'departmentHead'> = {
  dashboard: 'report.read',
  conferences: 'conference.read',
  people: 'person.list',
  tasks: 'task.read',
  myDepartment: 'departmentHead',
  reports: 'report.read',
  indicators: 'indicator.read',
  audit: 'audit.read',
  admin: 'user.manage',
};

/** The signed-in user shown in the shell; signed-out visitors are sent to sign in. */
export async function getShellUser(): Promise<ShellUser> {
  const actor = await requireActor();
  const [department, locale] = await Promise.all([
    actor.departmentId ? getDepartment(actor, actor.departmentId) : null,
    getLocale(),
  ]);
  const areas = (Object.keys(areaAccess) as NavKey[]).filter((key) => {
    const rule = areaAccess[key];
    return rule === 'departmentHead' ? actor.role === 'department_head' : can(actor, rule);
  });
  return {
    name: actor.name,
    department: department ? localizedName(department, locale) : null,
    role: actor.role,
    areas,
  };
}
