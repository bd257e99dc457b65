import { userRole } from '@/db/schema/enums';
import { drainOutboxSoon } from '@/lib/data/email-outbox';
import { postFollowUp } from '@/lib/data/follow-ups';
import { type TaskListRow, listTasksAfter } from '@/lib/data/task-list';
import { type TaskDetail, type TimelineEntry, getTaskWithTimeline, getTimelineEntry } from '@/lib/data/tasks';
import { type FollowUpKind, followUpKinds, taskStatuses } from '@/lib/domain/task-state';
import { notFound } from '@/lib/errors';
import { followUpSchema } from '@/lib/validation/follow-ups';
import { dayFilter, enumFilter, idFilter } from '@/lib/validation/list-query';
import { taskListConfig, taskPriorities, taskRoles, trafficLights } from '@/lib/validation/task-list';
import { etagOf, preconditioned, writeVersion } from '../etag';
import { defineOperation, reply } from '../operation';
import { keysetPage } from '../pagination';
import { apiBasePath } from '../paths';
import { cursorParam, idParam, isoDate, isoDateTime, limitParam, listOf, listParam, toIsoDateTime } from '../schemas';
import { described, z } from '../zod';

// Follow-up kinds --------------------------------------------------------------------------

/** The API names the office's extension decisions as verbs, like the other kinds a client posts. */
const apiNames: Partial<Record<FollowUpKind, string>> = { extension_approved: 'extension_approve', extension_rejected: 'extension_reject' };
const toApiKind = (kind: FollowUpKind) => apiNames[kind] ?? kind;

/** What a client may post on a task (the office's due-date change and cancellation stay in Docket). */
export const apiPostKinds = [
  'acknowledge', 'progress', 'submit', 'extension_request', 'extension_approve', 'extension_reject',
  'verify', 'return', 'reminder', 'instruction', 'comment',
] as const;
type ApiPostKind = (typeof apiPostKinds)[number];
const toDataKind = (kind: ApiPostKind) => (followUpKinds.find((k) => toApiKind(k) === kind) ?? kind) as FollowUpKind;
const allApiKinds = followUpKinds.map(toApiKind) as [string, ...string[]];

// Schemas ----------------------------------------------------------------------------------

export const taskSchema = z
  .object({
    id: z.number().int(),
    actionId: z.number().int(),
    conferenceId: z.number().int(),
    number: z.string().openapi({ description: 'The requested action\'s number, e.g. `2018-Q1-03`.' }),
    title: z.string(),
    titleEn: z.string().nullable(),
    departmentId: z.number().int(),
    departmentName: z.string(),
    departmentNameEn: z.string().nullable(),
    role: z.enum(taskRoles).openapi({ description: '`lead` or `support` department.' }),
    priority: z.enum(taskPriorities),
    categoryCode: z.string().nullable(),
    dueDate: isoDate,
    acknowledgeBy: isoDate.nullable(),
    status: z.enum(taskStatuses),
    progress: z.number().int().min(0).max(100),
    overdue: z.boolean().openapi({ description: 'Past its due date and not yet submitted or completed.' }),
    light: z.enum(trafficLights).nullable().openapi({ description: 'Traffic light: green on track, yellow due soon or behind, red overdue; null once completed or cancelled.' }),
    version: z.number().int(),
  })
  .strict()
  .openapi('Task');

const fileSchema = z.object({ id: z.number().int(), fileName: z.string(), mediaType: z.string(), sizeBytes: z.number().int() }).strict().openapi('EvidenceFile');

export const followUpOutSchema = z
  .object({
    id: z.number().int(),
    kind: z.enum(allApiKinds),
    body: z.string().nullable().openapi({ description: 'The text (Markdown): progress report, reason, message or instruction.' }),
    progress: z.number().int().nullable(),
    requestedDueDate: isoDate.nullable().openapi({ description: 'For `extension_request`: the date asked for.' }),
    previousDueDate: isoDate.nullable(),
    newDueDate: isoDate.nullable().openapi({ description: 'The due date this entry set (extension approved, due-date change).' }),
    fromStatus: z.enum(taskStatuses).nullable(),
    toStatus: z.enum(taskStatuses).nullable(),
    createdAt: isoDateTime,
    author: z
      .object({ name: z.string(), role: z.enum(userRole.enumValues).nullable(), departmentName: z.string().nullable(), departmentNameEn: z.string().nullable() })
      .strict()
      .nullable(),
    files: z.array(fileSchema),
  })
  .strict()
  .openapi('FollowUp');

export const taskDetailSchema = taskSchema
  .extend({
    details: z.string().nullable(),
    conferenceTitle: z.string(),
    conferenceTitleEn: z.string().nullable(),
    categoryName: z.string().nullable(),
    categoryNameEn: z.string().nullable(),
    requestedBy: z
      .object({ name: z.string(), nameEn: z.string().nullable(), position: z.string().nullable(), positionEn: z.string().nullable() })
      .strict()
      .nullable()
      .openapi({ description: 'Who asked for the action at the conference.' }),
    originalDueDate: isoDate,
    extensionCount: z.number().int(),
    returnCount: z.number().int(),
    assignedAt: isoDateTime,
    acknowledgedAt: isoDateTime.nullable(),
    submittedAt: isoDateTime.nullable(),
    completedAt: isoDateTime.nullable(),
    followUps: z.array(followUpOutSchema).openapi({ description: 'The timeline, newest first.' }),
    allowedFollowUps: z.array(z.enum(apiPostKinds)).openapi({ description: 'The kinds the token\'s user may post on this task now.' }),
  })
  .strict()
  .openapi('TaskDetail');

// Mapping ----------------------------------------------------------------------------------

type TaskFields = Pick<TaskListRow, keyof z.infer<typeof taskSchema>>;

function toApiTask(row: TaskFields): z.infer<typeof taskSchema> {
  return {
    id: row.id,
    actionId: row.actionId,
    conferenceId: row.conferenceId,
    number: row.number,
    title: row.title,
    titleEn: row.titleEn,
    departmentId: row.departmentId,
    departmentName: row.departmentName,
    departmentNameEn: row.departmentNameEn,
    role: row.role,
    priority: row.priority,
    categoryCode: row.categoryCode,
    dueDate: row.dueDate,
    acknowledgeBy: row.acknowledgeBy,
    status: row.status,
    progress: row.progress,
    overdue: row.overdue,
    light: row.light,
    version: row.version,
  };
}

function toApiFollowUp(entry: TimelineEntry): z.infer<typeof followUpOutSchema> {
  return {
    id: entry.id,
    kind: toApiKind(entry.kind),
    body: entry.body,
    progress: entry.progress,
    requestedDueDate: entry.requestedDueDate,
    previousDueDate: entry.previousDueDate,
    newDueDate: entry.newDueDate,
    fromStatus: entry.fromStatus,
    toStatus: entry.toStatus,
    createdAt: toIsoDateTime(entry.createdAt),
    author: entry.authorName
      ? { name: entry.authorName, role: entry.authorRole, departmentName: entry.authorDepartmentName, departmentNameEn: entry.authorDepartmentNameEn }
      : null,
    files: entry.files.map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, sizeBytes: f.sizeBytes })),
  };
}

function detailAsTask(task: TaskDetail): TaskFields {
  return { ...task, number: task.actionNumber, title: task.actionTitle, titleEn: task.actionTitleEn };
}

function toApiTaskDetail(view: NonNullable<Awaited<ReturnType<typeof getTaskWithTimeline>>>): z.infer<typeof taskDetailSchema> {
  const { task } = view;
  return {
    ...toApiTask(detailAsTask(task)),
    details: task.actionDetails,
    conferenceTitle: task.conferenceTitle,
    conferenceTitleEn: task.conferenceTitleEn,
    categoryName: task.categoryName,
    categoryNameEn: task.categoryNameEn,
    requestedBy: task.requestedByName
      ? { name: task.requestedByName, nameEn: task.requestedByNameEn, position: task.requestedByPosition, positionEn: task.requestedByPositionEn }
      : null,
    originalDueDate: task.originalDueDate,
    extensionCount: task.extensionCount,
    returnCount: task.returnCount,
    assignedAt: toIsoDateTime(task.assignedAt),
    acknowledgedAt: toIsoDateTime(task.acknowledgedAt),
    submittedAt: toIsoDateTime(task.submittedAt),
    completedAt: toIsoDateTime(task.completedAt),
    followUps: view.timeline.map(toApiFollowUp),
    allowedFollowUps: apiPostKinds.filter((kind) => view.allowed.includes(toDataKind(kind))),
  };
}

const taskHeaders = (task: { id: number; version: number }) => ({ ETag: etagOf(task.id, task.version) });

// GET /tasks -------------------------------------------------------------------------------

type SortColumn = (typeof taskListConfig.sort)[number];
const sortValues = [...taskListConfig.sort, ...taskListConfig.sort.map((s) => `-${s}` as const)] as const;
/** The type of each sort column's value in a cursor, so a forged one never reaches SQL. */
const sortKeySchemas: Record<SortColumn, z.ZodType<string | number>> = {
  dueDate: dayFilter,
  number: z.string().max(100),
  department: z.number().int(),
  status: z.enum(taskStatuses),
  progress: z.number().int().min(0).max(100),
};

export const listTasksOperation = defineOperation({
  method: 'get',
  path: '/tasks',
  operationId: 'listTasks',
  summary: 'Tasks',
  description:
    'The tasks the token\'s user may see (a department head: their own department\'s), filtered like the task table in Docket. ' +
    'Several values of one filter are comma-separated (`status=assigned,in_progress`); an unknown value is refused (422).',
  tags: ['Tasks'],
  query: z
    .object({
      limit: limitParam,
      cursor: cursorParam,
      status: listParam(enumFilter(taskStatuses), `Status, one or more of ${taskStatuses.join(', ')}.`, 'assigned,in_progress'),
      light: listParam(enumFilter(trafficLights), 'Traffic light, one or more of green, yellow, red.', 'red'),
      departmentId: listParam(idFilter, 'Department id(s).', '12'),
      role: enumFilter(taskRoles).optional().openapi({ param: { description: '`lead` or `support`.' } }),
      conferenceId: idFilter.optional().openapi({ param: { description: 'Tasks from this conference.' } }),
      overdue: z
        .literal('true')
        .transform(() => true)
        .optional()
        .openapi({ param: { description: '`true`: only overdue tasks (past their due date, not yet submitted).' } }),
      q: z.string().trim().min(1).max(100).optional().openapi({ param: { description: 'Text in the action\'s number, title or details.' } }),
      dueFrom: dayFilter.optional().openapi({ param: { description: 'Due on or after this day (`YYYY-MM-DD`).' }, format: 'date' }),
      dueTo: dayFilter.optional().openapi({ param: { description: 'Due on or before this day (`YYYY-MM-DD`).' }, format: 'date' }),
      sort: z
        .enum(sortValues)
        .default('dueDate')
        .openapi({ param: { description: 'Order: a column, descending with a leading `-` (`-dueDate`). Default `dueDate`.' } }),
    })
    .strict(),
  response: { status: 200, description: 'A page of tasks.', schema: listOf(taskSchema, 'TaskList') },
  handler: async ({ actor, query }) => {
    const desc = query.sort.startsWith('-');
    const sort = query.sort.replace(/^-/, '') as SortColumn;
    const filters = {
      status: query.status,
      light: query.light,
      departmentId: query.departmentId,
      role: query.role,
      conferenceId: query.conferenceId,
      overdue: query.overdue,
      q: query.q,
      dueFrom: query.dueFrom,
      dueTo: query.dueTo,
      sort,
      dir: desc ? ('desc' as const) : ('asc' as const),
    };
    const keySchema = z.object({ s: z.literal(query.sort), v: sortKeySchemas[sort], id: z.number().int().positive().max(2_147_483_647) }).strict();
    const { rows, nextCursor } = await keysetPage(
      { cursor: query.cursor, limit: query.limit, keySchema, keyOf: (row: Awaited<ReturnType<typeof listTasksAfter>>[number]) => ({ s: query.sort, v: row.sortKey, id: row.id }) },
      (key, n) => listTasksAfter(actor, filters, key && { value: key.v, id: key.id }, n),
    );
    return { data: rows.map(toApiTask), nextCursor };
  },
});

// GET /tasks/{id} --------------------------------------------------------------------------

const taskParams = z.object({ id: idParam });

export const getTaskOperation = defineOperation({
  method: 'get',
  path: '/tasks/{id}',
  operationId: 'getTask',
  summary: 'One task with its follow-ups',
  description: 'The task, what was requested and by whom, and its timeline. `ETag` is what `If-Match` names for a write.',
  tags: ['Tasks'],
  params: taskParams,
  response: { status: 200, description: 'The task.', schema: taskDetailSchema, headers: { ETag: 'The task\'s version: `"<id>-<version>"`.' } },
  handler: async ({ actor, params }) => {
    const view = await getTaskWithTimeline(actor, params.id);
    if (!view) throw notFound(`task ${params.id}`);
    return reply(toApiTaskDetail(view), { headers: taskHeaders(view.task) });
  },
});

// POST /tasks/{id}/follow-ups --------------------------------------------------------------

export const postFollowUpBodySchema = z
  .object({
    kind: z.enum(apiPostKinds).openapi({
      description:
        'Department: `acknowledge`, `progress` (with `progress`, and `body`), `submit` (`body`), `extension_request` (`newDueDate`, `body`). ' +
        'Committee office: `verify`, `return` (`body`), `extension_approve`, `extension_reject` (`body`), `reminder` (`body`). ' +
        'Leaders: `instruction` (`body`). Everyone who sees the task: `comment` (`body`).',
    }),
    body: described(followUpSchema.shape.body, { description: 'The text (Markdown, at most 5 000 characters); required for all kinds but `acknowledge`, `verify` and `extension_approve`.' }),
    progress: z.number().int().min(0).max(100).optional().openapi({ description: 'For `progress`: percent done; lower than before only with a `body` saying why.' }),
    newDueDate: described(followUpSchema.shape.newDueDate, { description: 'For `extension_request`: the date asked for, after the current due date.', format: 'date' }),
    version: z
      .number()
      .int()
      .positive()
      .max(2_147_483_647)
      .optional()
      .openapi({ description: 'The task version this is made against (from GET /tasks/{id}); required unless `If-Match` is sent.' }),
  })
  .strict()
  .openapi('FollowUpRequest');

export const postFollowUpOperation = defineOperation({
  method: 'post',
  path: '/tasks/{id}/follow-ups',
  operationId: 'postFollowUp',
  summary: 'Post a follow-up on a task',
  description:
    'Acknowledges, reports progress, submits, asks for or decides on more time, verifies, returns, reminds, instructs or comments: ' +
    'one entry on the task\'s timeline and the task\'s new state, exactly as in Docket (the same rules, notifications and audit). ' +
    'Made against the task\'s `version` (body) or `ETag` (`If-Match`). With `Idempotency-Key` (kept per task and user), repeating the request ' +
    'records it once and answers the first entry again with 201, the task as it is now, and `Idempotent-Replayed: true`; the same key with a ' +
    'different `kind`, `body`, `progress` or `newDueDate` is refused with 422 (`idempotency-key-reused`) and writes nothing. The version is not compared.',
  tags: ['Tasks'],
  params: taskParams,
  headers: z.object({
    'If-Match': z.string().max(500).optional().openapi({ param: { description: 'The task\'s `ETag` this is made against (instead of `version`).' } }),
    'Idempotency-Key': z
      .string()
      .min(1)
      .max(100)
      .regex(/^[\x21-\x7e]+$/)
      .optional()
      .openapi({ param: { description: 'Any unique text up to 100 characters (e.g. a UUID) per intended entry; another user\'s same key is theirs.' } }),
  }),
  body: postFollowUpBodySchema,
  response: {
    status: 201,
    description: 'The entry and the task after it.',
    schema: z.object({ followUp: followUpOutSchema, task: taskSchema }).strict().openapi('FollowUpResult'),
    headers: { ETag: 'The task\'s new version.', Location: 'The task.', 'Idempotent-Replayed': '`true` when this repeats an earlier request with the same `Idempotency-Key`.' },
  },
  problems: [403, 409, 412],
  handler: async ({ actor, params, headers, body, request }) => {
    const { version, ifMatch } = writeVersion(request, params.id, body.version);
    const posted = await preconditioned(ifMatch, () =>
      postFollowUp(actor, {
        taskId: params.id,
        version,
        kind: toDataKind(body.kind),
        body: body.body,
        progress: body.progress,
        newDueDate: body.newDueDate,
        idempotencyKey: headers['Idempotency-Key'],
      }),
    );
    if (!posted.replayed) drainOutboxSoon();
    const written = await getTimelineEntry(actor, params.id, posted.followUp.id);
    if (!written) throw notFound(`task ${params.id} after a follow-up`);
    const { task, entry } = written;
    return reply(
      { followUp: toApiFollowUp(entry), task: toApiTask(detailAsTask(task)) },
      {
        status: 201,
        headers: {
          ...taskHeaders(task),
          Location: `${apiBasePath}/tasks/${task.id}`,
          ...(posted.replayed ? { 'Idempotent-Replayed': 'true' } : {}),
        },
      },
    );
  },
});
