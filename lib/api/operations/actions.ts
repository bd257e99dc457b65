import { priority, taskRole } from '@/db/schema/enums';
import { can } from '@/lib/auth/policy';
import { type ConferenceAction, createAction, listConferenceActions } from '@/lib/data/actions';
import { taskStatuses } from '@/lib/domain/task-state';
import { forbidden, notFound } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { assignmentSchema, createActionSchema } from '@/lib/validation/actions';
import { trafficLights } from '@/lib/validation/task-list';
import { defineOperation, reply } from '../operation';
import { cursorParam, isoDate, isoDateTime, limitParam, listOf, toIsoDateTime } from '../schemas';
import { described, z } from '../zod';
import { apiDay, apiId, conferenceParams, pageOfRows, visibleConference, withFieldNames } from './conferences';

// Schemas ------------------------------------------------------------------------------------

const actionTaskSchema = z
  .object({
    id: z.number().int().nullable().openapi({ description: 'The task (GET /tasks/{id}); null on another department\'s task for a department head.' }),
    departmentId: z.number().int(),
    departmentName: z.string(),
    departmentNameEn: z.string().nullable(),
    role: z.enum(taskRole.enumValues),
    dueDate: isoDate,
    acknowledgeBy: isoDate.nullable(),
    status: z.enum(taskStatuses).nullable().openapi({ description: 'Null on another department\'s task for a department head (as are `light` and `version`).' }),
    light: z.enum(trafficLights).nullable(),
    withdrawn: z.boolean().openapi({ description: 'The department\'s task was cancelled.' }),
    version: z.number().int().nullable(),
  })
  .strict()
  .openapi('ActionTask');

export const actionOutSchema = z
  .object({
    id: z.number().int(),
    conferenceId: z.number().int(),
    number: z.string().openapi({ description: 'E.g. `2019-Q1-03`.' }),
    title: z.string(),
    titleEn: z.string().nullable(),
    details: z.string().nullable(),
    category: z.string().nullable().openapi({ description: 'The category code.' }),
    categoryName: z.string().nullable(),
    categoryNameEn: z.string().nullable(),
    priority: z.enum(priority.enumValues),
    dueDate: isoDate.nullable().openapi({ description: 'The action\'s due date; each task may have its own.' }),
    requestedByPersonId: z.number().int().nullable(),
    requestedBy: z
      .object({ name: z.string(), nameEn: z.string().nullable(), position: z.string().nullable(), positionEn: z.string().nullable() })
      .strict()
      .nullable(),
    speakerId: z.number().int().nullable(),
    agendaItemId: z.number().int().nullable(),
    version: z.number().int(),
    createdAt: isoDateTime,
    tasks: z.array(actionTaskSchema).openapi({ description: 'One per department: the lead first, then the supporting departments.' }),
  })
  .strict()
  .openapi('RequestedAction');

function toApiAction(a: ConferenceAction): z.infer<typeof actionOutSchema> {
  return {
    id: a.id,
    conferenceId: a.conferenceId,
    number: a.number,
    title: a.title,
    titleEn: a.titleEn,
    details: a.details,
    category: a.categoryCode,
    categoryName: a.categoryName,
    categoryNameEn: a.categoryNameEn,
    priority: a.priority,
    dueDate: a.defaultDueDate,
    requestedByPersonId: a.requestedByPersonId,
    requestedBy: a.requestedByName
      ? { name: a.requestedByName, nameEn: a.requestedByNameEn, position: a.requestedByPosition, positionEn: a.requestedByPositionEn }
      : null,
    speakerId: a.speakerId,
    agendaItemId: a.agendaItemId,
    version: a.version,
    createdAt: toIsoDateTime(a.createdAt),
    tasks: a.tasks.map((t) => ({
      id: t.id,
      departmentId: t.departmentId,
      departmentName: t.departmentName,
      departmentNameEn: t.departmentNameEn,
      role: t.role,
      dueDate: t.dueDate,
      acknowledgeBy: t.acknowledgeBy,
      status: t.status,
      light: t.light,
      withdrawn: t.withdrawn,
      version: t.version,
    })),
  };
}

async function conferenceActions(actor: Parameters<typeof listConferenceActions>[0], conferenceId: number) {
  const actions = await listConferenceActions(actor, conferenceId);
  if (!actions) throw notFound(`conference ${conferenceId}`);
  return actions;
}

// GET /conferences/{id}/actions --------------------------------------------------------------

export const listActionsOperation = defineOperation({
  method: 'get',
  path: '/conferences/{id}/actions',
  operationId: 'listConferenceActions',
  summary: "A conference's requested actions",
  description:
    'In order, each with its departments\' tasks. Who shares an action and by when is visible to everyone who sees the conference; ' +
    'how another department\'s task is doing (its id, status, light and version) only to those who may read that task.',
  tags: ['Actions'],
  params: conferenceParams,
  query: z.object({ limit: limitParam, cursor: cursorParam }).strict(),
  response: { status: 200, description: 'A page of requested actions.', schema: listOf(actionOutSchema, 'RequestedActionList') },
  handler: async ({ actor, params, query }) => {
    // A conference records tens of actions: the list is read whole and paged by offset.
    const actions = (await conferenceActions(actor, params.id)).map(toApiAction);
    return pageOfRows(actions, query);
  },
});

// POST /conferences/{id}/actions -------------------------------------------------------------

const actionFields = createActionSchema.shape;

export const createActionBodySchema = z
  .object({
    title: actionFields.title,
    titleEn: actionFields.titleEn,
    details: actionFields.details,
    category: described(actionFields.categoryCode, { description: 'A category code (as in Docket\'s settings).' }),
    priority: actionFields.priority,
    requestedByPersonId: apiId.optional().openapi({ description: 'Who asked for it: a person speaking at the conference (GET …/speakers).' }),
    agendaItemId: apiId.optional().openapi({ description: 'The agenda item it was asked for under.' }),
    dueDate: apiDay.openapi({ description: 'Due date of every task without its own; not before the conference.' }),
    assignments: z
      .array(
        z
          .object({
            departmentId: apiId,
            role: assignmentSchema.shape.role,
            dueDate: apiDay.optional(),
            acknowledgeBy: apiDay.optional().openapi({ description: 'Default: two working days from now, never after the due date.' }),
          })
          .strict(),
      )
      .max(500)
      .openapi({ description: 'Exactly one `lead` department and any `support` departments, each once.' }),
  })
  .strict()
  .openapi('RequestedActionRequest');

/** The data layer's field names for the API's. */
const actionFieldNames = { defaultDueDate: 'dueDate', speakerId: 'requestedByPersonId', categoryCode: 'category' };

export const createActionOperation = defineOperation({
  method: 'post',
  path: '/conferences/{id}/actions',
  operationId: 'createAction',
  summary: 'Record a requested action and assign it',
  description:
    'What a speaker asked for at the conference, assigned to one lead department and any supporting ones: one task each, opened and notified as in Docket (committee office). ' +
    'The conference must have its notice issued (409 while in draft or cancelled).',
  tags: ['Actions'],
  params: conferenceParams,
  body: createActionBodySchema,
  response: { status: 201, description: 'The action with its tasks.', schema: actionOutSchema },
  problems: [403, 409],
  handler: async ({ actor, params, body }) => {
    if (!can(actor, 'action.create')) throw forbidden(`${actor.username} may not record actions`);
    let speakerId: number | undefined;
    if (body.requestedByPersonId !== undefined) {
      const { speakers } = await visibleConference(actor, params.id);
      speakerId = speakers.find((s) => s.speaker.personId === body.requestedByPersonId)?.speaker.id;
      if (speakerId === undefined) throw new ValidationError({ requestedByPersonId: [{ key: 'invalidChoice' }] });
    }
    const { action } = await withFieldNames(actionFieldNames, () =>
      createAction(actor, {
        conferenceId: params.id,
        speakerId,
        agendaItemId: body.agendaItemId,
        title: body.title,
        titleEn: body.titleEn,
        details: body.details,
        categoryCode: body.category,
        priority: body.priority,
        defaultDueDate: body.dueDate,
        assignments: body.assignments,
      }),
    );
    const created = (await conferenceActions(actor, params.id)).find((a) => a.id === action.id);
    if (!created) throw notFound(`action ${action.id}`);
    return reply(toApiAction(created), { status: 201 });
  },
});
