import { z } from 'zod';
import { departmentKind } from '@/db/schema/enums';
import { id, optionalId, optionalText, requiredText, version } from './common';
import { booleanFilter, defineList, enumFilter } from './list-query';

export const departmentKinds = departmentKind.enumValues;

export const departmentCodeSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z.string().min(2).max(40).regex(/^[a-z0-9][a-z0-9-]*$/, 'codeFormat'),
);

const fields = {
  name: requiredText(80),
  nameEn: optionalText(120),
  shortName: optionalText(40),
  shortNameEn: optionalText(60),
  kind: z.enum(departmentKinds),
  parentId: optionalId,
  sortOrder: z.preprocess((v) => (v === '' ? undefined : v), z.coerce.number().int().min(0).max(100_000).optional()),
};

export const createDepartmentSchema = z.object({ code: departmentCodeSchema, ...fields });
export type CreateDepartmentInput = z.input<typeof createDepartmentSchema>;

export const updateDepartmentSchema = z.object({ id, version, ...fields });
export type UpdateDepartmentInput = z.input<typeof updateDepartmentSchema>;

export const moveDepartmentSchema = z.object({ id, direction: z.enum(['up', 'down']) });
export const setDepartmentActiveSchema = z.object({ id, version, active: z.boolean() });

/** CSV header names accepted for each column, in English and Chinese. */
export const departmentCsvColumns = {
  name: ['name', '名称'],
  shortName: ['short name', 'short_name', '简称'],
  kind: ['kind', '类型'],
  parent: ['parent', '上级', '上级单位'],
  code: ['code', '代码', '编码'],
} as const;

/** Kind as written in a CSV: the code or its Chinese name. */
export const departmentKindAliases: Record<string, (typeof departmentKinds)[number]> = {
  department: 'department',
  district: 'district',
  office: 'office',
  部门: 'department',
  区县: 'district',
  区: 'district',
  办公室: 'office',
};

/** The department table's URL; sort ids are listDepartments' sort columns. */
export const departmentListQuery = defineList({
  sort: ['sortOrder', 'name', 'kind', 'code'],
  defaultSort: 'sortOrder',
  defaultDir: 'asc',
  hideable: ['code', 'shortName', 'kind', 'active'],
  filters: { kind: enumFilter(departmentKinds), active: booleanFilter },
});
