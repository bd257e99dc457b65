import 'server-only';
import { getLocale } from 'next-intl/server';
import type { Actor } from '@/lib/auth/actor';
import { listDepartmentOptions } from '@/lib/data/departments';
import { localizedName } from '@/lib/i18n/localized';
import type { DepartmentOption } from './user-fields';

/** Active departments for the user form's picker, named in the reader's language. */
export async function departmentOptionsFor(actor: Actor): Promise<DepartmentOption[]> {
  const [rows, locale] = await Promise.all([listDepartmentOptions(actor), getLocale()]);
  return rows.map((d) => ({ id: d.id, label: localizedName(d, locale), kind: d.kind }));
}
