// For the contract test (lib/api/contract.test.ts) only: one request per documented status of the
// people, conference, action and report operations, each answering with that status.
import { changeConferenceStatus, createConference, scheduleYear } from '@/lib/data/conferences';
import { inviteDepartments } from '@/lib/data/conference-parts';
import { maxBodyBytes } from './body';
import { type ApiWorld, callApi, throttledCall as throttled } from './test-support';

type Scenarios = Record<string, Record<string, () => Promise<Response>>>;

let nextYear = 2040;

/** The scenarios of every resource operation; `world` is the contract test's world once made. */
export function resourceScenarios(world: () => ApiWorld): Scenarios {
  const w = world;

  /** A new conference (draft, or moved on to `status`); its own department invited when asked. */
  async function conference(status: 'draft' | 'scheduled' | 'cancelled' = 'scheduled', options: { invite?: boolean; selfSignIn?: boolean } = {}) {
    const { actors, ownDeptId } = w();
    const { conference: c } = await createConference(actors.secretary, {
      title: '专题安全会议',
      kind: 'special',
      year: 2019,
      format: 'video',
      startsAt: new Date('2019-05-10T09:00:00+08:00'),
      endsAt: new Date('2019-05-10T11:00:00+08:00'),
      allowSelfSignIn: options.selfSignIn ?? false,
    });
    let version = c.version;
    if (options.invite) await inviteDepartments(actors.secretary, { conferenceId: c.id, departmentIds: [ownDeptId] });
    if (status !== 'draft') version = (await changeConferenceStatus(actors.secretary, { id: c.id, version, to: status === 'cancelled' ? 'cancelled' : 'scheduled', reason: '改期' })).version;
    return { id: c.id, version };
  }

  /** 400, 401, 413, 415 and 429 of an operation with a JSON body, sent where `path` says. */
  function bodyProblems(method: string, path: () => Promise<string>, body: Record<string, unknown>): Record<string, () => Promise<Response>> {
    const token = () => w().tokens.secretary;
    return {
      400: async () => callApi({ method, path: await path(), token: token(), body: '{"title": ' }),
      401: async () => callApi({ method, path: await path(), body }),
      413: async () => callApi({ method, path: await path(), token: token(), body: { ...body, title: 'x'.repeat(maxBodyBytes) } }),
      415: async () => callApi({ method, path: await path(), token: token(), headers: { 'Content-Type': 'text/plain' }, body: 'title=x' }),
      429: async () => throttled({ method, path: await path(), body }),
    };
  }

  /** 200, 401, 404, 422 and 429 of a conference's list. */
  function conferenceList(part: string): Record<string, () => Promise<Response>> {
    return {
      200: async () => callApi({ path: `/conferences/${w().conferenceId}/${part}?limit=5`, token: w().tokens.leader }),
      401: async () => callApi({ path: `/conferences/${w().conferenceId}/${part}` }),
      // The head's department is not invited to the world's conference.
      404: async () => callApi({ path: `/conferences/${w().conferenceId}/${part}`, token: w().tokens.head }),
      422: async () => callApi({ path: `/conferences/${w().conferenceId}/${part}?limit=many`, token: w().tokens.leader }),
      429: async () => throttled({ path: `/conferences/${w().conferenceId}/${part}` }),
    };
  }

  /** 201, 403, 404, 409 and 422 of adding to a conference's list, and the body problems. */
  function conferenceAdd(part: string, valid: Record<string, unknown>, invalid: Record<string, unknown>): Record<string, () => Promise<Response>> {
    const post = (conferenceId: number, user: keyof ApiWorld['tokens'], body: unknown) =>
      callApi({ method: 'POST', path: `/conferences/${conferenceId}/${part}`, token: w().tokens[user], body });
    return {
      201: async () => post((await conference()).id, 'secretary', valid),
      403: async () => post((await conference('scheduled', { invite: true })).id, 'head', valid),
      404: async () => post(2_000_000_000, 'secretary', valid),
      409: async () => post((await conference('cancelled')).id, 'secretary', valid),
      422: async () => post((await conference()).id, 'secretary', invalid),
      ...bodyProblems('POST', async () => `/conferences/${(await conference()).id}/${part}`, valid),
    };
  }

  const newConference = {
    title: '第二季度安全生产委员会全体会议',
    kind: 'quarterly',
    year: 2019,
    quarter: 2,
    startsAt: '2019-04-12T09:00:00+08:00',
    endsAt: '2019-04-12T11:30:00+08:00',
    format: 'video_telephone',
  };
  const action = () => ({ title: '开展隐患排查', dueDate: '2019-12-31', assignments: [{ departmentId: w().ownDeptId, role: 'lead' }] });

  return {
    listPeople: {
      200: () => callApi({ path: '/people?limit=2', token: w().tokens.secretary }),
      401: () => callApi({ path: '/people' }),
      403: () => callApi({ path: '/people', token: w().tokens.head }),
      422: () => callApi({ path: '/people?limit=201', token: w().tokens.leader }),
      429: () => throttled({ path: '/people' }),
    },
    createPerson: {
      201: () => callApi({ method: 'POST', path: '/people', token: w().tokens.secretary, body: { name: '刘岩', position: '副市长' } }),
      403: () => callApi({ method: 'POST', path: '/people', token: w().tokens.leader, body: { name: '刘岩' } }),
      422: () => callApi({ method: 'POST', path: '/people', token: w().tokens.secretary, body: { name: '   ' } }),
      ...bodyProblems('POST', async () => '/people', { name: '刘岩' }),
    },
    listConferences: {
      200: () => callApi({ path: '/conferences?year=2019&status=scheduled&limit=1', token: w().tokens.leader }),
      401: () => callApi({ path: '/conferences' }),
      422: () => callApi({ path: '/conferences?quarter=5', token: w().tokens.leader }),
      429: () => throttled({ path: '/conferences' }),
    },
    createConference: {
      201: () => callApi({ method: 'POST', path: '/conferences', token: w().tokens.secretary, body: newConference }),
      403: () => callApi({ method: 'POST', path: '/conferences', token: w().tokens.head, body: newConference }),
      422: () => callApi({ method: 'POST', path: '/conferences', token: w().tokens.secretary, body: { ...newConference, endsAt: '2019-04-12T08:00:00+08:00' } }),
      ...bodyProblems('POST', async () => '/conferences', newConference),
    },
    getConference: {
      200: () => callApi({ path: `/conferences/${w().conferenceId}`, token: w().tokens.leader }),
      401: () => callApi({ path: `/conferences/${w().conferenceId}` }),
      404: () => callApi({ path: `/conferences/${w().conferenceId}`, token: w().tokens.otherHead }),
      429: () => throttled({ path: `/conferences/${w().conferenceId}` }),
    },
    updateConference: {
      200: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.secretary, body: { title: '专题安全会议（调整）', version: c.version } });
      },
      403: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.leader, body: { title: '改', version: c.version } });
      },
      404: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.head, body: { title: '改', version: c.version } });
      },
      409: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.secretary, body: { title: '改', version: c.version - 1 } });
      },
      412: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.secretary, headers: { 'If-Match': `"${c.id}-${c.version - 1}"` }, body: { title: '改' } });
      },
      422: async () => {
        const c = await conference();
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}`, token: w().tokens.secretary, body: { year: '二〇一九', version: c.version } });
      },
      ...bodyProblems('PATCH', async () => `/conferences/${(await conference()).id}`, { title: '改', version: 1 }),
    },
    scheduleYear: {
      201: () => callApi({ method: 'POST', path: '/conferences/schedule-year', token: w().tokens.secretary, body: { year: (nextYear += 1) } }),
      403: () => callApi({ method: 'POST', path: '/conferences/schedule-year', token: w().tokens.leader, body: { year: (nextYear += 1) } }),
      409: async () => {
        const year = (nextYear += 1);
        await scheduleYear(w().actors.secretary, { year });
        return callApi({ method: 'POST', path: '/conferences/schedule-year', token: w().tokens.secretary, body: { year } });
      },
      422: () => callApi({ method: 'POST', path: '/conferences/schedule-year', token: w().tokens.secretary, body: { year: 1999 } }),
      ...bodyProblems('POST', async () => '/conferences/schedule-year', { year: 2099 }),
    },
    listVenues: conferenceList('venues'),
    addVenue: conferenceAdd('venues', { name: '市政府第一会议室', kind: 'main' }, { name: '会议室', kind: 'hall' }),
    listSpeakers: conferenceList('speakers'),
    addSpeaker: conferenceAdd('speakers', { newPerson: { name: '骆东升', position: '市委书记' }, role: 'chair' }, { role: 'chair' }),
    listAgendaItems: conferenceList('agenda-items'),
    addAgendaItem: conferenceAdd('agenda-items', { title: '传达省安委会会议精神', kind: 'relay', plannedMinutes: 15 }, { title: '传达', kind: 'relay', plannedMinutes: -5 }),
    listInvitations: conferenceList('invitations'),
    inviteDepartments: {
      ...conferenceAdd('invitations', { departmentIds: [1] }, { departmentIds: ['all'] }),
      // The world's departments are made by the test, so their ids are known only then.
      201: async () => callApi({ method: 'POST', path: `/conferences/${(await conference()).id}/invitations`, token: w().tokens.secretary, body: { departmentIds: [w().ownDeptId] } }),
    },
    recordAttendance: {
      200: async () => {
        const c = await conference('scheduled', { invite: true });
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}/invitations/${w().ownDeptId}`, token: w().tokens.secretary, body: { attendance: 'present', version: 1 } });
      },
      // Self sign-in is not open on this conference.
      403: async () => {
        const c = await conference('scheduled', { invite: true });
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}/invitations/${w().ownDeptId}`, token: w().tokens.head, body: { attendance: 'present', version: 1 } });
      },
      404: async () => {
        const c = await conference('scheduled', { invite: true });
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}/invitations/${w().otherDeptId}`, token: w().tokens.secretary, body: { attendance: 'present', version: 1 } });
      },
      409: async () => {
        const c = await conference('scheduled', { invite: true });
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}/invitations/${w().ownDeptId}`, token: w().tokens.secretary, body: { attendance: 'present', version: 2 } });
      },
      412: async () => {
        const c = await conference('scheduled', { invite: true });
        const listed = await (await callApi({ path: `/conferences/${c.id}/invitations`, token: w().tokens.secretary })).json();
        const invitation = listed.data[0] as { id: number; version: number };
        return callApi({
          method: 'PATCH',
          path: `/conferences/${c.id}/invitations/${w().ownDeptId}`,
          token: w().tokens.secretary,
          headers: { 'If-Match': `"${invitation.id}-${invitation.version + 1}"` },
          body: { attendance: 'present' },
        });
      },
      422: async () => {
        const c = await conference('scheduled', { invite: true });
        return callApi({ method: 'PATCH', path: `/conferences/${c.id}/invitations/${w().ownDeptId}`, token: w().tokens.secretary, body: { attendance: 'late', version: 1 } });
      },
      ...bodyProblems('PATCH', async () => `/conferences/${(await conference('scheduled', { invite: true })).id}/invitations/${w().ownDeptId}`, { attendance: 'present', version: 1 }),
    },
    getConferenceCalendar: {
      200: () => callApi({ path: `/conferences/${w().conferenceId}/calendar.ics`, token: w().tokens.leader }),
      401: () => callApi({ path: `/conferences/${w().conferenceId}/calendar.ics` }),
      404: () => callApi({ path: `/conferences/${w().conferenceId}/calendar.ics`, token: w().tokens.head }),
      429: () => throttled({ path: `/conferences/${w().conferenceId}/calendar.ics` }),
    },
    listConferenceActions: conferenceList('actions'),
    createAction: {
      201: async () => callApi({ method: 'POST', path: `/conferences/${w().conferenceId}/actions`, token: w().tokens.secretary, body: action() }),
      403: async () => callApi({ method: 'POST', path: `/conferences/${w().conferenceId}/actions`, token: w().tokens.leader, body: action() }),
      404: async () => callApi({ method: 'POST', path: '/conferences/2000000000/actions', token: w().tokens.secretary, body: action() }),
      // Actions are recorded once the notice is issued.
      409: async () => callApi({ method: 'POST', path: `/conferences/${(await conference('draft')).id}/actions`, token: w().tokens.secretary, body: action() }),
      422: async () => callApi({ method: 'POST', path: `/conferences/${w().conferenceId}/actions`, token: w().tokens.secretary, body: { ...action(), dueDate: '2019-02-30' } }),
      ...bodyProblems('POST', async () => `/conferences/${w().conferenceId}/actions`, { title: '开展隐患排查', dueDate: '2019-12-31', assignments: [] }),
    },
    departmentRanking: {
      200: () => callApi({ path: '/reports/departments?period=2019&limit=5', token: w().tokens.leader }),
      401: () => callApi({ path: '/reports/departments' }),
      422: () => callApi({ path: '/reports/departments?period=soon', token: w().tokens.leader }),
      429: () => throttled({ path: '/reports/departments' }),
    },
  };
}
