import { listDepartments } from '@/lib/data/departments';
import { departmentKinds } from '@/lib/validation/departments';
import { booleanFilter } from '@/lib/validation/list-query';
import { defineOperation } from '../operation';
import { offsetPage } from '../pagination';
import { cursorParam, limitParam, listOf } from '../schemas';
import { z } from '../zod';

export const departmentSchema = z
  .object({
    id: z.number().int(),
    code: z.string().openapi({ description: 'Stable key, e.g. `emergency`.' }),
    name: z.string(),
    nameEn: z.string().nullable(),
    shortName: z.string().nullable(),
    shortNameEn: z.string().nullable(),
    kind: z.enum(departmentKinds),
    parentId: z.number().int().nullable(),
    sortOrder: z.number().int(),
    active: z.boolean(),
    version: z.number().int(),
  })
  .strict()
  .openapi('Department');

export const listDepartmentsOperation = defineOperation({
  method: 'get',
  path: '/departments',
  operationId: 'listDepartments',
  summary: 'Departments and districts',
  description: 'In the order of the department list in Docket. Everyone may read them; tasks name them by `departmentId`.',
  tags: ['Departments'],
  query: z
    .object({
      limit: limitParam,
      cursor: cursorParam,
      kind: z.enum(departmentKinds).optional().openapi({ param: { description: 'Only this kind.' } }),
      active: booleanFilter.optional().openapi({ param: { description: '`true`: in use; `false`: deactivated. Absent: both.' } }),
      q: z.string().trim().min(1).max(100).optional().openapi({ param: { description: 'Part of the name (either language) or code.' } }),
    })
    .strict(),
  response: { status: 200, description: 'A page of departments.', schema: listOf(departmentSchema, 'DepartmentList') },
  handler: async ({ actor, query }) => {
    const { rows, nextCursor } = await offsetPage(query, (page) =>
      listDepartments(actor, { ...page, q: query.q, kind: query.kind, active: query.active }),
    );
    return { data: rows, nextCursor };
  },
});
