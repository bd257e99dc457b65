/// <reference types="vite/client" />
// For the API's tests only: requests sent to the route files under app/api/v1 the way Next would
// call them, and a small world of departments, users with tokens, and tasks in each state.
import type { Db } from '@/db/client';
import type { Actor, Role } from '@/lib/auth/actor';
import { createAction } from '@/lib/data/actions';
import { createApiToken } from '@/lib/data/api-tokens';
import { changeConferenceStatus, createConference } from '@/lib/data/conferences';
import { postFollowUp } from '@/lib/data/follow-ups';
import type { FollowUpKind, TaskStatus } from '@/lib/domain/task-state';
import { getDb } from '@/db/runtime';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { setEnv } from '@/test/smtp';

type RouteModule = Partial<Record<string, (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response> | Response>>;

// Every route file of the API, as Next finds them.
const routeFiles = import.meta.glob<RouteModule>('/app/api/v1/**/route.ts');

/** The route file for an address below /api/v1 and its parameters, as Next's router would pick it. */
function matchRoute(path: string): { load: () => Promise<RouteModule>; params: Record<string, string | string[]> } | null {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  let best: { load: () => Promise<RouteModule>; params: Record<string, string | string[]>; score: number } | null = null;
  for (const [file, load] of Object.entries(routeFiles)) {
    const pattern = file.replace(/^\/app\/api\/v1/, '').replace(/\/route\.ts$/, '').split('/').filter(Boolean);
    const params: Record<string, string | string[]> = {};
    let score = 0;
    let matched = true;
    for (let i = 0; i < pattern.length; i += 1) {
      const part = pattern[i]!;
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(part);
      if (catchAll) {
        if (i >= segments.length) matched = false;
        else params[catchAll[1]!] = segments.slice(i);
        score -= 100;
        break;
      }
      const segment = segments[i];
      if (segment === undefined) {
        matched = false;
        break;
      }
      const dynamic = /^\[(\w+)\]$/.exec(part);
      if (dynamic) params[dynamic[1]!] = segment;
      else if (part !== segment) matched = false;
      else score += 1;
      if (!matched) break;
    }
    if (matched && !pattern.some((p) => p.startsWith('[...')) && pattern.length !== segments.length) matched = false;
    if (matched && (!best || score > best.score)) best = { load, params, score };
  }
  return best && { load: best.load, params: best.params };
}

export interface ApiCall {
  method?: string;
  /** Below /api/v1, with the query: `/tasks?status=assigned`. */
  path: string;
  token?: string | null;
  /** JSON-encoded unless a string. */
  body?: unknown;
  headers?: Record<string, string>;
}

/** Sends one request to the API's route handlers, exactly as Next would call them. */
export async function callApi({ method = 'GET', path, token, body, headers = {} }: ApiCall): Promise<Response> {
  const url = new URL(`/api/v1${path}`, 'http://docket.test');
  const init: RequestInit = {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...headers,
    },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  };
  const request = new Request(url, init);
  const route = matchRoute(url.pathname.replace(/^\/api\/v1/, ''));
  if (!route) return new Response(null, { status: 404 });
  const handler = (await route.load())[method.toUpperCase()];
  if (!handler) return new Response(null, { status: 405 });
  return handler(request, { params: Promise.resolve(route.params) });
}

/**
 * The documented 429: the second of two requests under a limit of one a minute, with the token of
 * a new user (a user may hold only so many tokens).
 */
export async function throttledCall(call: ApiCall): Promise<Response> {
  const { token } = await createApiToken(await makeActor(await getDb(), 'leader'), { name: 'throttled' });
  setEnv({ API_RATE_LIMIT: '1' });
  try {
    await callApi({ ...call, token });
    return await callApi({ ...call, token });
  } finally {
    setEnv({ API_RATE_LIMIT: undefined });
  }
}

/** Whether the route file of an OpenAPI path exports a handler for the method. */
export async function routeHandlerOf(method: string, openApiPath: string) {
  const file = `/app/api/v1${openApiPath.replace(/\{(\w+)\}/g, '[$1]')}/route.ts`;
  const load = routeFiles[file];
  return load ? (await load())[method.toUpperCase()] : undefined;
}

export interface ApiWorld {
  ownDeptId: number;
  otherDeptId: number;
  conferenceId: number;
  actors: Record<ApiUser, Actor>;
  tokens: Record<ApiUser, string>;
}
export type ApiUser = 'admin' | 'secretary' | 'leader' | 'head' | 'otherHead';
export const apiUsers: ApiUser[] = ['admin', 'secretary', 'leader', 'head', 'otherHead'];

/**
 * Two departments, a user of every role with an API token (a department head for each
 * department), and a conference whose requested actions can be recorded.
 */
export async function makeApiWorld(db: Db): Promise<ApiWorld> {
  const own = await makeDepartment(db);
  const other = await makeDepartment(db);
  const roles: Record<ApiUser, [Role, number | null]> = {
    admin: ['admin', null],
    secretary: ['secretary', null],
    leader: ['leader', null],
    head: ['department_head', own.id],
    otherHead: ['department_head', other.id],
  };
  const actors = {} as Record<ApiUser, Actor>;
  const tokens = {} as Record<ApiUser, string>;
  for (const user of apiUsers) {
    const [role, departmentId] = roles[user];
    actors[user] = await makeActor(db, role, departmentId);
    tokens[user] = (await createApiToken(actors[user], { name: `${user} token` })).token;
  }
  const { conference } = await createConference(actors.secretary, {
    title: '安全生产委员会全体会议',
    kind: 'special',
    year: 2019,
    format: 'video',
    startsAt: new Date('2019-03-15T09:00:00+08:00'),
    endsAt: new Date('2019-03-15T11:00:00+08:00'),
  });
  await changeConferenceStatus(actors.secretary, { id: conference.id, version: 1, to: 'scheduled' });
  return { ownDeptId: own.id, otherDeptId: other.id, conferenceId: conference.id, actors, tokens };
}

/** The follow-ups that bring a new task to each state (the first two for a pending extension). */
const pathTo: Record<TaskStatus | 'extension_pending', [FollowUpKind, Record<string, unknown>][]> = {
  assigned: [],
  acknowledged: [['acknowledge', {}]],
  in_progress: [['acknowledge', {}], ['progress', { progress: 30, body: '已完成排查' }]],
  extension_pending: [['acknowledge', {}], ['progress', { progress: 30, body: '已完成排查' }], ['extension_request', { newDueDate: '2099-12-31', body: '需要更多时间' }]],
  submitted: [['acknowledge', {}], ['submit', { body: '整改完成' }]],
  completed: [['acknowledge', {}], ['submit', { body: '整改完成' }], ['verify', {}]],
  cancelled: [['cancel', { body: '不再需要' }]],
};

/**
 * A new task of the department in the given state, due on `dueDate` (a past one makes it overdue).
 * Returns its id and current version.
 */
export async function makeTask(
  world: ApiWorld,
  departmentId: number,
  state: TaskStatus | 'extension_pending' = 'assigned',
  options: { title?: string; dueDate?: string } = {},
): Promise<{ id: number; version: number }> {
  const { tasks } = await createAction(world.actors.secretary, {
    conferenceId: world.conferenceId,
    title: options.title ?? `隐患排查整治 ${Math.random().toString(36).slice(2, 8)}`,
    defaultDueDate: options.dueDate ?? '2099-06-30',
    assignments: [{ departmentId, role: 'lead' }],
  });
  const { id } = tasks[0]!;
  let { version } = tasks[0]!;
  const head = departmentId === world.ownDeptId ? world.actors.head : world.actors.otherHead;
  for (const [kind, extra] of pathTo[state]) {
    const by = ['verify', 'cancel'].includes(kind) ? world.actors.secretary : head;
    ({ version } = (await postFollowUp(by, { taskId: id, version, kind, ...extra } as never)).task);
  }
  return { id, version };
}
