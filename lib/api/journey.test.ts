import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { cityDate } from '@/lib/domain/quarters';
import { useTestDb } from '@/test/db';
import { createActionOperation } from './operations/actions';
import {
  addAgendaItemOperation,
  addSpeakerOperation,
  addVenueOperation,
  inviteDepartmentsOperation,
  listAgendaItemsOperation,
  recordAttendanceOperation,
} from './operations/conference-parts';
import { getConferenceOperation, listConferencesOperation, patchConferenceOperation, scheduleYearOperation } from './operations/conferences';
import { createPersonOperation } from './operations/people';
import { departmentRankingOperation } from './operations/reports';
import { getTaskOperation, listTasksOperation, postFollowUpOperation } from './operations/tasks';
import { ok } from './resource-test-support';
import { type ApiCall, type ApiWorld, callApi, makeApiWorld } from './test-support';

// Journeys 2–5 of product.md through the API alone: the tokens of a secretary and of two
// department heads (made as their users would make them on the profile page) do everything else.

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

afterEach(() => {
  vi.useRealTimers();
});

/** A request and its answer's ETag. */
async function withEtag<S extends Parameters<typeof ok>[1]>(call: ApiCall, schema: S) {
  const response = await callApi(call);
  expect(response.ok, `${call.method ?? 'GET'} ${call.path}: ${response.status}`).toBe(true);
  return { body: schema!.parse(await response.json()) as NonNullable<S>['_output'], etag: response.headers.get('etag')! };
}

describe('the API journey', () => {
  it('plans and prepares a conference, assigns what the mayor asked, and follows it up until verified or returned', async () => {
    const secretary = w.tokens.secretary;
    const head = w.tokens.head;
    const year = Number(cityDate(new Date()).slice(0, 4)) + 1;

    // Journey 1–2: the secretary plans next year and prepares its first quarterly conference.
    expect(await (await callApi({ path: '/me', token: secretary })).json()).toMatchObject({ role: 'secretary' });
    const planned = await ok({ method: 'POST', path: '/conferences/schedule-year', token: secretary, body: { year } }, scheduleYearOperation.response.schema);
    const listed = await ok({ path: `/conferences?year=${year}&kind=quarterly`, token: secretary }, listConferencesOperation.response.schema);
    expect(listed.data.map((c) => c.quarter)).toEqual([1, 2, 3, 4]);
    const q1 = planned.data[0]!;

    const person = (name: string, position: string) => ok({ method: 'POST', path: '/people', token: secretary, body: { name, position } }, createPersonOperation.response.schema);
    const chair = await person('骆东升', '市委副书记');
    const deputy = await person('刘岩', '副市长');
    const mayor = await person('肖盛峰', '市长');

    const read = await withEtag({ path: `/conferences/${q1.id}`, token: secretary }, getConferenceOperation.response.schema);
    const prepared = await withEtag(
      {
        method: 'PATCH',
        path: `/conferences/${q1.id}`,
        token: secretary,
        headers: { 'If-Match': read.etag },
        body: {
          format: 'video_telephone',
          chairPersonId: chair.id,
          relaysTitle: '全省安全生产电视电话会议',
          relaysLevel: 'provincial',
          relaysDate: q1.startsAt.slice(0, 10),
          noticeText: '定于第一季度召开市安委会全体会议，请各成员单位主要负责同志参加。',
          allowSelfSignIn: true,
        },
      },
      patchConferenceOperation.response.schema,
    );
    expect(prepared.body).toMatchObject({ chair: { name: '骆东升' }, relaysLevel: 'provincial', status: 'draft', version: 2 });

    const main = await ok({ method: 'POST', path: `/conferences/${q1.id}/venues`, token: secretary, body: { name: '市政府第一会议室', address: '人民路 75 号', kind: 'main' } }, addVenueOperation.response.schema);
    await ok({ method: 'POST', path: `/conferences/${q1.id}/venues`, token: secretary, body: { name: '分会场', kind: 'sub', hostDepartmentId: w.otherDeptId } }, addVenueOperation.response.schema);
    const invited = await ok({ method: 'POST', path: `/conferences/${q1.id}/invitations`, token: secretary, body: { departmentIds: [w.ownDeptId, w.otherDeptId] } }, inviteDepartmentsOperation.response.schema);
    expect(invited.added).toBe(2);

    const speak = (personId: number, role: string, topic?: string) =>
      ok({ method: 'POST', path: `/conferences/${q1.id}/speakers`, token: secretary, body: { personId, role, topic } }, addSpeakerOperation.response.schema);
    const chairing = await speak(chair.id, 'chair');
    const report = await speak(deputy.id, 'report', '全市安全生产工作报告');
    const instructions = await speak(mayor.id, 'instructions', '部署下一阶段安全生产工作');
    expect([chairing.position, report.position, instructions.position]).toEqual([1, 2, 3]);

    const item = (title: string, kind: string, plannedMinutes: number, presenterSpeakerId: number) =>
      ok({ method: 'POST', path: `/conferences/${q1.id}/agenda-items`, token: secretary, body: { title, kind, plannedMinutes, presenterSpeakerId } }, addAgendaItemOperation.response.schema);
    await item('传达全省安全生产电视电话会议精神', 'relay', 15, chairing.id);
    await item('全市安全生产工作报告', 'report', 25, report.id);
    const speech = await item('市长讲话', 'speech', 30, instructions.id);
    const agenda = (await ok({ path: `/conferences/${q1.id}/agenda-items`, token: secretary }, listAgendaItemsOperation.response.schema)).data;
    // The times add up: each item starts when the one before ends, within the conference.
    expect(agenda[0]!.startsAt).toBe(q1.startsAt);
    for (let i = 1; i < agenda.length; i += 1) expect(agenda[i]!.startsAt).toBe(agenda[i - 1]!.endsAt);
    expect(Date.parse(agenda.at(-1)!.endsAt)).toBeLessThanOrEqual(Date.parse(q1.endsAt));

    // The notice is issued (against the version just saved), and the conference exported to a calendar.
    const scheduled = await withEtag({ method: 'PATCH', path: `/conferences/${q1.id}`, token: secretary, headers: { 'If-Match': prepared.etag }, body: { status: 'scheduled' } }, patchConferenceOperation.response.schema);
    expect(scheduled.body).toMatchObject({ status: 'scheduled', noticeIssuedAt: expect.any(String) });
    const calendar = await callApi({ path: `/conferences/${q1.id}/calendar.ics`, token: head });
    expect(calendar.headers.get('content-type')).toMatch(/^text\/calendar/);
    expect(await calendar.text()).toContain('LOCATION:市政府第一会议室');

    // Next year's conference has not started: it cannot be held yet, nor anyone signed in.
    expect((await callApi({ method: 'PATCH', path: `/conferences/${q1.id}`, token: secretary, body: { status: 'held', version: scheduled.body.version } })).status).toBe(409);
    expect((await callApi({ method: 'PATCH', path: `/conferences/${q1.id}/invitations/${w.ownDeptId}`, token: head, body: { attendance: 'present', version: 1 } })).status).toBe(409);
    // The day comes: the clock moves to a few minutes after the start. Only Date is faked, so the
    // database drivers' timers still run.
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse(q1.startsAt) + 5 * 60_000);

    // Journey 3: attendance (the department head signs their own department in), the mayor's requests, the minutes.
    const signed = await ok({ method: 'PATCH', path: `/conferences/${q1.id}/invitations/${w.ownDeptId}`, token: head, body: { attendance: 'present', attendeeNames: '王明', venueId: main.id, version: 1 } }, recordAttendanceOperation.response.schema);
    expect(signed).toMatchObject({ attendance: 'present', venueId: main.id });
    await ok({ method: 'PATCH', path: `/conferences/${q1.id}/invitations/${w.otherDeptId}`, token: secretary, body: { attendance: 'excused', version: 1 } }, recordAttendanceOperation.response.schema);

    const request = (title: string, dueDate: string, assignments: Record<string, unknown>[]) =>
      ok({ method: 'POST', path: `/conferences/${q1.id}/actions`, token: secretary, body: { title, requestedByPersonId: mayor.id, agendaItemId: speech.id, priority: 'high', dueDate, assignments } }, createActionOperation.response.schema);
    const hazards = await request('开展危险化学品安全专项整治', `${year}-06-30`, [
      { departmentId: w.ownDeptId, role: 'lead' },
      { departmentId: w.otherDeptId, role: 'support', dueDate: `${year}-05-31` },
    ]);
    const ledger = await request('建立安全生产隐患排查台账', `${year}-09-30`, [{ departmentId: w.ownDeptId, role: 'lead' }]);
    expect(hazards).toMatchObject({ requestedBy: { name: '肖盛峰', position: '市长' }, number: `${year}-Q1-01` });
    expect(hazards.tasks.map((task) => [task.departmentId, task.role])).toEqual([[w.ownDeptId, 'lead'], [w.otherDeptId, 'support']]);

    let conference = (await ok({ method: 'PATCH', path: `/conferences/${q1.id}`, token: secretary, body: { status: 'held', version: scheduled.body.version } }, patchConferenceOperation.response.schema)).version;
    conference = (await ok({ method: 'PATCH', path: `/conferences/${q1.id}`, token: secretary, body: { minutesText: '## 会议纪要\n\n会议要求各单位抓好危化品专项整治。', version: conference } }, patchConferenceOperation.response.schema)).version;
    expect(await ok({ method: 'PATCH', path: `/conferences/${q1.id}`, token: secretary, body: { status: 'minutes_published', version: conference } }, patchConferenceOperation.response.schema)).toMatchObject({ status: 'minutes_published' });

    // Journey 4: the department head sees only their department's tasks, acknowledges, reports progress, asks for time, submits.
    const mine = await ok({ path: `/tasks?conferenceId=${q1.id}`, token: head }, listTasksOperation.response.schema);
    const hazardTask = hazards.tasks[0]!.id!;
    const ledgerTask = ledger.tasks[0]!.id!;
    expect(mine.data.map((task) => task.id).sort()).toEqual([hazardTask, ledgerTask].sort());
    expect(mine.data.every((task) => task.departmentId === w.ownDeptId)).toBe(true);

    const follow = async (token: string, taskId: number, body: Record<string, unknown>, headers: Record<string, string> = {}) => {
      const { body: task, etag } = await withEtag({ path: `/tasks/${taskId}`, token }, getTaskOperation.response.schema);
      const posted = await callApi({ method: 'POST', path: `/tasks/${taskId}/follow-ups`, token, headers: { 'If-Match': etag, ...headers }, body });
      const text = await posted.text();
      expect(posted.status, `${body.kind} on ${taskId}: ${text}`).toBe(201);
      expect(task.allowedFollowUps).toContain(body.kind);
      return postFollowUpOperation.response.schema!.parse(JSON.parse(text)).task;
    };
    expect(await follow(head, hazardTask, { kind: 'acknowledge' }, { 'Idempotency-Key': `ack-${hazardTask}` })).toMatchObject({ status: 'acknowledged' });
    expect(await follow(head, hazardTask, { kind: 'progress', progress: 40, body: '已完成 40 家危化品企业的排查。' })).toMatchObject({ status: 'in_progress', progress: 40 });
    await follow(head, hazardTask, { kind: 'extension_request', newDueDate: `${year}-08-31`, body: '部分企业停产检修，需延至八月底。' });

    // The secretary approves the extension.
    expect(await follow(secretary, hazardTask, { kind: 'extension_approve' })).toMatchObject({ dueDate: `${year}-08-31` });

    expect(await follow(head, hazardTask, { kind: 'submit', body: '整治工作全部完成，附整改报告。' })).toMatchObject({ status: 'submitted' });
    await follow(head, ledgerTask, { kind: 'acknowledge' });
    await follow(head, ledgerTask, { kind: 'submit', body: '台账已建立。' });

    // Journey 5: the secretary verifies one submission and returns the other with a reason.
    expect(await follow(secretary, hazardTask, { kind: 'verify' })).toMatchObject({ status: 'completed' });
    expect(await follow(secretary, ledgerTask, { kind: 'return', body: '台账缺少区县数据，请补充后重新提交。' })).toMatchObject({ status: 'in_progress' });

    // The department head sees the return and its reason.
    const returned = await ok({ path: `/tasks/${ledgerTask}`, token: head }, getTaskOperation.response.schema);
    expect(returned).toMatchObject({ status: 'in_progress', returnCount: 1 });
    expect(returned.followUps[0]).toMatchObject({ kind: 'return', body: '台账缺少区县数据，请补充后重新提交。', fromStatus: 'submitted', toStatus: 'in_progress', author: { role: 'secretary' } });
    expect(returned.allowedFollowUps).toEqual(expect.arrayContaining(['progress', 'submit']));
    const done = await ok({ path: `/tasks/${hazardTask}`, token: head }, getTaskOperation.response.schema);
    expect(done).toMatchObject({ status: 'completed', dueDate: `${year}-08-31`, originalDueDate: `${year}-06-30`, extensionCount: 1 });
    expect(done.followUps.map((f) => f.kind)).toEqual(['verify', 'submit', 'extension_approve', 'extension_request', 'progress', 'acknowledge', 'assign']);

    // The supporting department sees its own task, never the lead's.
    expect((await ok({ path: `/tasks?conferenceId=${q1.id}`, token: w.tokens.otherHead }, listTasksOperation.response.schema)).data.map((task) => task.id)).toEqual([hazards.tasks[1]!.id]);
    expect((await callApi({ path: `/tasks/${ledgerTask}`, token: w.tokens.otherHead })).status).toBe(404);

    // And the ranking counts it: one task completed for the lead department this quarter.
    const ranking = await ok({ path: '/reports/departments', token: w.tokens.leader }, departmentRankingOperation.response.schema);
    expect(ranking.data.find((r) => r.departmentId === w.ownDeptId)).toMatchObject({ assigned: 2, completed: 1, returns: 1, extensionsApproved: 1 });
  });
});
