import { roles } from '@/lib/auth/actor';
import { defineOperation } from '../operation';
import { z } from '../zod';

export const meSchema = z
  .object({
    id: z.number().int(),
    username: z.string(),
    name: z.string(),
    role: z.enum(roles),
    departmentId: z.number().int().nullable().openapi({ description: 'The department a department head belongs to; null for others without one.' }),
    locale: z.enum(['zh-CN', 'en']).nullable().openapi({ description: "The user's interface language; null: not chosen (Chinese)." }),
  })
  .strict()
  .openapi('Me');

export const getMeOperation = defineOperation({
  method: 'get',
  path: '/me',
  operationId: 'getMe',
  summary: "The token's user",
  description: 'Who the token acts as: every other operation sees and may change exactly what this user may in Docket.',
  tags: ['Me'],
  response: { status: 200, description: "The token's user.", schema: meSchema },
  handler: async ({ actor }) => ({
    id: actor.id,
    username: actor.username,
    name: actor.name,
    role: actor.role,
    departmentId: actor.departmentId,
    locale: actor.locale,
  }),
});
