import { createPerson, listPeoplePage } from '@/lib/data/people';
import { personSchema } from '@/lib/validation/people';
import { defineOperation, reply } from '../operation';
import { offsetPage } from '../pagination';
import { cursorParam, limitParam, listOf } from '../schemas';
import { z } from '../zod';

export const personOutSchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    nameEn: z.string().nullable(),
    position: z.string().nullable().openapi({ description: 'The job, e.g. 市长 (Mayor).' }),
    positionEn: z.string().nullable(),
    organization: z.string().nullable(),
    organizationEn: z.string().nullable(),
    version: z.number().int(),
  })
  .strict()
  .openapi('Person');

type PersonFields = z.infer<typeof personOutSchema>;
const toApiPerson = (row: PersonFields): PersonFields => ({
  id: row.id,
  name: row.name,
  nameEn: row.nameEn,
  position: row.position,
  positionEn: row.positionEn,
  organization: row.organization,
  organizationEn: row.organizationEn,
  version: row.version,
});

export const listPeopleOperation = defineOperation({
  method: 'get',
  path: '/people',
  operationId: 'listPeople',
  summary: 'People',
  description:
    'The people directory: who chairs, speaks at and requests actions at conferences, by name. ' +
    'Department heads may not read the directory (403); they meet people on their conferences\' speakers.',
  tags: ['People'],
  query: z
    .object({
      limit: limitParam,
      cursor: cursorParam,
      q: z.string().trim().min(1).max(100).optional().openapi({ param: { description: 'Part of the name, position or organization (either language).' } }),
    })
    .strict(),
  response: { status: 200, description: 'A page of people, by name.', schema: listOf(personOutSchema, 'PersonList') },
  problems: [403],
  handler: async ({ actor, query }) => {
    // The directory is short (hundreds of people): its page-numbered list, read from the cursor's offset.
    const { rows, nextCursor } = await offsetPage(query, (page) => listPeoplePage(actor, { ...page, q: query.q, sort: 'name', dir: 'asc' }));
    return { data: rows.map(toApiPerson), nextCursor };
  },
});

export const createPersonBodySchema = z.object({ ...personSchema.shape }).strict().openapi('PersonRequest');

export const createPersonOperation = defineOperation({
  method: 'post',
  path: '/people',
  operationId: 'createPerson',
  summary: 'Add a person',
  description: 'A person who chairs, speaks or requests actions (committee office). Texts are trimmed; empty ones are left out.',
  tags: ['People'],
  body: createPersonBodySchema,
  response: { status: 201, description: 'The person.', schema: personOutSchema },
  problems: [403],
  handler: async ({ actor, body }) => reply(toApiPerson(await createPerson(actor, body)), { status: 201 }),
});
