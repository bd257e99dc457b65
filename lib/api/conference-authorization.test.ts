import { beforeAll, describe, expect, it } from 'vitest';
import { inviteDepartments } from '@/lib/data/conference-parts';
import { changeConferenceStatus, createConference } from '@/lib/data/conferences';
import { useTestDb } from '@/test/db';
import { apiOperations } from './operation';
import './operations';
import { listActionsOperation } from './operations/actions';
import { listInvitationsOperation } from './operations/conference-parts';
import { getConferenceOperation, listConferencesOperation } from './operations/conferences';
import { departmentRankingOperation } from './operations/reports';
import { ok, written } from './resource-test-support';
import { type ApiUser, type ApiWorld, apiUsers, callApi, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;
/** Scheduled, self sign-in open, the first department invited (not the second). */
let conferenceId: number;
let year = 2050;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
  const { conference } = await createConference(w.actors.secretary, {
    title: '第四季度安全生产委员会全体会议',
    kind: 'quarterly',
    year: 2019,
    quarter: 4,
    format: 'video_telephone',
    startsAt: new Date('2019-10-18T09:00:00+08:00'),
    endsAt: new Date('2019-10-18T11:00:00+08:00'),
    allowSelfSignIn: true,
  });
  conferenceId = conference.id;
  await inviteDepartments(w.actors.secretary, { conferenceId, departmentIds: [w.ownDeptId] });
  await changeConferenceStatus(w.actors.secretary, { id: conferenceId, version: 1, to: 'scheduled' });
  await callApi({
    method: 'POST',
    path: `/conferences/${conferenceId}/actions`,
    token: w.tokens.secretary,
    body: { title: '深化安全生产专项整治', dueDate: '2099-12-31', assignments: [{ departmentId: w.ownDeptId, role: 'lead' }, { departmentId: w.otherDeptId, role: 'support' }] },
  });
});

type Row = Record<ApiUser, number>;
const everyone = (status: number): Row => ({ admin: status, secretary: status, leader: status, head: status, otherHead: status });
/** Reads of the conference: its department is invited, the other department's is not. */
const conferenceRead: Row = { ...everyone(200), otherHead: 404 };
/** The committee office's changes. */
const officeAdds: Row = { ...everyone(403), admin: 201, secretary: 201 };

const current = async (path: string) => (await (await callApi({ path, token: w.tokens.secretary })).json()) as { version: number; data: { departmentId: number; version: number }[] };

/** Each operation as each role's token calls it, and the status each one gets. */
const matrix: Record<string, { expected: Row; call: (user: ApiUser) => Promise<Response> }> = {
  listPeople: { expected: { ...everyone(200), head: 403, otherHead: 403 }, call: (u) => callApi({ path: '/people', token: w.tokens[u] }) },
  createPerson: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: '/people', token: w.tokens[u], body: { name: `人员 ${u}` } }) },
  listConferences: { expected: everyone(200), call: (u) => callApi({ path: '/conferences?limit=200', token: w.tokens[u] }) },
  createConference: {
    expected: officeAdds,
    call: (u) =>
      callApi({ method: 'POST', path: '/conferences', token: w.tokens[u], body: { title: `会议 ${u}`, kind: 'special', year: 2019, format: 'telephone', startsAt: '2019-11-01T15:00:00+08:00', endsAt: '2019-11-01T16:00:00+08:00' } }),
  },
  getConference: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}`, token: w.tokens[u] }) },
  updateConference: {
    expected: { ...everyone(403), admin: 200, secretary: 200, otherHead: 404 },
    call: async (u) => callApi({ method: 'PATCH', path: `/conferences/${conferenceId}`, token: w.tokens[u], body: { convenedBy: `市安委会 ${u}`, version: (await current(`/conferences/${conferenceId}`)).version } }),
  },
  scheduleYear: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens[u], body: { year: (year += 1) } }) },
  listVenues: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/venues`, token: w.tokens[u] }) },
  addVenue: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: `/conferences/${conferenceId}/venues`, token: w.tokens[u], body: { name: `分会场 ${u}`, kind: 'sub' } }) },
  listSpeakers: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/speakers`, token: w.tokens[u] }) },
  addSpeaker: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: `/conferences/${conferenceId}/speakers`, token: w.tokens[u], body: { newPerson: { name: `发言人 ${u}` }, role: 'remarks' } }) },
  listAgendaItems: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/agenda-items`, token: w.tokens[u] }) },
  addAgendaItem: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: `/conferences/${conferenceId}/agenda-items`, token: w.tokens[u], body: { title: `议程 ${u}`, kind: 'other', plannedMinutes: 5 } }) },
  listInvitations: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/invitations`, token: w.tokens[u] }) },
  inviteDepartments: { expected: officeAdds, call: (u) => callApi({ method: 'POST', path: `/conferences/${conferenceId}/invitations`, token: w.tokens[u], body: { departmentIds: [w.ownDeptId] } }) },
  recordAttendance: {
    // Self sign-in is open: the invited department's head signs in; the other head cannot see the conference.
    expected: { admin: 200, secretary: 200, leader: 403, head: 200, otherHead: 404 },
    call: async (u) => {
      const { data } = await current(`/conferences/${conferenceId}/invitations`);
      const version = data.find((i) => i.departmentId === w.ownDeptId)!.version;
      return callApi({ method: 'PATCH', path: `/conferences/${conferenceId}/invitations/${w.ownDeptId}`, token: w.tokens[u], body: { attendance: 'present', version } });
    },
  },
  getConferenceCalendar: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/calendar.ics`, token: w.tokens[u] }) },
  listConferenceActions: { expected: conferenceRead, call: (u) => callApi({ path: `/conferences/${conferenceId}/actions`, token: w.tokens[u] }) },
  createAction: {
    expected: officeAdds,
    call: (u) => callApi({ method: 'POST', path: `/conferences/${conferenceId}/actions`, token: w.tokens[u], body: { title: `要求 ${u}`, dueDate: '2099-12-31', assignments: [{ departmentId: w.ownDeptId, role: 'lead' }] } }),
  },
  departmentRanking: { expected: everyone(200), call: (u) => callApi({ path: '/reports/departments', token: w.tokens[u] }) },
};

describe('authorization: each role\'s token × each people, conference, action and report operation', () => {
  it('covers every such operation', () => {
    const ours = apiOperations().filter((op) => /^\/(people|conferences|reports)/.test(op.path)).map((op) => op.operationId);
    expect(Object.keys(matrix).sort()).toEqual(ours.sort());
  });

  for (const user of apiUsers) {
    it(`${user}: gets exactly what the role may, and a refused request writes nothing`, async () => {
      const outcomes: Record<string, number> = {};
      for (const [operationId, { call }] of Object.entries(matrix)) {
        const before = await written(t.db);
        const response = await call(user);
        outcomes[operationId] = response.status;
        if (response.status >= 400) expect(await written(t.db), `${user} ${operationId}: nothing written`).toEqual(before);
      }
      expect(outcomes).toEqual(Object.fromEntries(Object.entries(matrix).map(([id, { expected }]) => [id, expected[user]])));
    });
  }
});

describe('what each role sees', () => {
  it("a department head: their invited conferences, their own department's tasks and ranking row", async () => {
    await makeTask(w, w.ownDeptId, 'completed');
    const listed = async (u: ApiUser) => (await ok({ path: '/conferences?limit=200', token: w.tokens[u] }, listConferencesOperation.response.schema)).data.map((c) => c.id);
    expect(await listed('head')).toContain(conferenceId);
    expect(await listed('otherHead')).not.toContain(conferenceId);
    expect(await listed('leader')).toContain(conferenceId);

    const actions = async (u: ApiUser) => (await ok({ path: `/conferences/${conferenceId}/actions`, token: w.tokens[u] }, listActionsOperation.response.schema)).data[0]!.tasks;
    expect((await actions('head')).map((task) => [task.departmentId, task.id !== null, task.status])).toEqual([
      [w.ownDeptId, true, 'assigned'],
      [w.otherDeptId, false, null],
    ]);
    expect((await actions('secretary')).every((task) => task.id !== null && task.status === 'assigned')).toBe(true);

    // Who is invited is part of the conference the head may read.
    const invitations = await ok({ path: `/conferences/${conferenceId}/invitations`, token: w.tokens.head }, listInvitationsOperation.response.schema);
    expect(invitations.data.map((i) => i.departmentId)).toEqual([w.ownDeptId]);
    expect((await ok({ path: `/conferences/${conferenceId}`, token: w.tokens.head }, getConferenceOperation.response.schema)).id).toBe(conferenceId);

    const rows = async (u: ApiUser) => (await ok({ path: '/reports/departments', token: w.tokens[u] }, departmentRankingOperation.response.schema)).data.map((r) => r.departmentId);
    expect(await rows('head')).toEqual([w.ownDeptId]);
    expect(await rows('otherHead')).toEqual([w.otherDeptId]);
    expect(await rows('leader')).toEqual(expect.arrayContaining([w.ownDeptId, w.otherDeptId]));
  });

  it("a department head signs in their own department only, and only where self sign-in is open", async () => {
    const { conference } = await createConference(w.actors.secretary, {
      title: '专题会议',
      kind: 'special',
      year: 2019,
      format: 'video',
      startsAt: new Date('2019-12-02T09:00:00+08:00'),
      endsAt: new Date('2019-12-02T10:00:00+08:00'),
    });
    await inviteDepartments(w.actors.secretary, { conferenceId: conference.id, departmentIds: [w.ownDeptId, w.otherDeptId] });
    await changeConferenceStatus(w.actors.secretary, { id: conference.id, version: 1, to: 'scheduled' });
    const before = await written(t.db);
    const sign = (u: ApiUser, departmentId: number) =>
      callApi({ method: 'PATCH', path: `/conferences/${conference.id}/invitations/${departmentId}`, token: w.tokens[u], body: { attendance: 'present', version: 1 } });
    expect((await sign('head', w.otherDeptId)).status).toBe(403);
    // Self sign-in is closed on this conference.
    expect((await sign('head', w.ownDeptId)).status).toBe(403);
    expect((await sign('otherHead', w.otherDeptId)).status).toBe(403);
    expect(await written(t.db)).toEqual(before);
    expect((await sign('secretary', w.otherDeptId)).status).toBe(200);
  });
});
