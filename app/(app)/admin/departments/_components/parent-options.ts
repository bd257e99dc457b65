import 'server-only';
import { getLocale } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { listDepartmentOptions } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import type { ParentOption } from './department-fields';

/** Active departments that may be a parent; a department is never its own. */
export async function parentOptionsFor(actor: Actor, selfId?: number): Promise<ParentOption[]> {
  const [rows, locale] = await Promise.all([listDepartmentOptions(actor), getLocale()]);
  return rows.filter((d) => d.id !== selfId).map((d) => ({ id: d.id, label: localizedName(d, locale), kind: d.kind }));
}
