import { eq } from 'drizzle-orm';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { conferences } from '@/db/schema';
import { changeConferenceStatus, createConference } from '@/lib/data/conferences';
import { useTestDb } from '@/test/db';
import { encodeCursor } from './cursor';
import {
  addAgendaItemOperation,
  addSpeakerOperation,
  addVenueOperation,
  inviteDepartmentsOperation,
  listAgendaItemsOperation,
  listInvitationsOperation,
  listSpeakersOperation,
  listVenuesOperation,
  recordAttendanceOperation,
} from './operations/conference-parts';
import { createConferenceOperation, getConferenceOperation, listConferencesOperation, patchConferenceOperation, scheduleYearOperation } from './operations/conferences';
import { createPersonOperation } from './operations/people';
import { ok, problem, written } from './resource-test-support';
import { type ApiWorld, callApi, makeApiWorld } from './test-support';

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

/**
 * Moves the clock to `at`: these conferences are dated in years no other test uses, and are held or
 * signed in only once they have started. Only Date is faked, so the database drivers' timers still run.
 */
function clockAt(at: string) {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(at));
}

afterEach(() => {
  vi.useRealTimers();
});

const detail = getConferenceOperation.response.schema!;

/** A conference made through the API by the secretary; `at` is its start (Beijing time). */
async function postConference(at: string, extra: Record<string, unknown> = {}) {
  return ok(
    {
      method: 'POST',
      path: '/conferences',
      token: w.tokens.secretary,
      body: { title: `安委会专题会议 ${at}`, kind: 'special', year: Number(at.slice(0, 4)), format: 'video', startsAt: `${at}:00+08:00`, endsAt: `${at.slice(0, 11)}23:00:00+08:00`, ...extra },
    },
    createConferenceOperation.response.schema,
  );
}

/** Every page of a conference list, following nextCursor. */
async function walk(query: string, token: string) {
  const rows: { id: number; startsAt: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const page: { data: { id: number; startsAt: string }[]; nextCursor: string | null } = await ok(
      { path: `/conferences?${query}${cursor ? `&cursor=${cursor}` : ''}`, token },
      listConferencesOperation.response.schema,
    );
    rows.push(...page.data);
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor && pages < 20);
  return { ids: rows.map((r) => r.id), pages };
}

describe('conferences', () => {
  it('creates one (201, Location, ETag), reads it, and lists them by cursor in start order', async () => {
    const a = await postConference('2031-03-10T09:00');
    const b = await postConference('2031-05-10T09:00', { titleEn: 'Special meeting', noticeText: '请各单位准时参加。' });
    // Same start as b: the id breaks the tie.
    const c = await postConference('2031-05-10T09:00');
    expect(b).toMatchObject({ status: 'draft', version: 1, titleEn: 'Special meeting', noticeText: '请各单位准时参加。', startsAt: '2031-05-10T09:00:00.000+08:00', quarter: null, chair: null });

    const created = await callApi({ method: 'POST', path: '/conferences', token: w.tokens.secretary, body: { title: '会议', kind: 'special', year: 2031, format: 'video', startsAt: '2031-06-01T09:00:00+08:00', endsAt: '2031-06-01T10:00:00+08:00' } });
    const body = await created.json();
    expect(created.status).toBe(201);
    expect(created.headers.get('location')).toBe(`/api/v1/conferences/${body.id}`);
    expect(created.headers.get('etag')).toBe(`"${body.id}-1"`);

    const read = await callApi({ path: `/conferences/${b.id}`, token: w.tokens.leader });
    expect(read.headers.get('etag')).toBe(`"${b.id}-1"`);
    expect(detail.parse(await read.json())).toEqual(b);

    const ids = [a.id, b.id, c.id, body.id];
    const ascending = await walk('year=2031&limit=3', w.tokens.secretary);
    expect(ascending).toEqual({ ids, pages: 2 });
    expect((await walk('year=2031&limit=1&sort=-startsAt', w.tokens.leader)).ids).toEqual([...ids].reverse());
    expect((await walk('year=2031&limit=200&status=scheduled,held', w.tokens.secretary)).ids).toEqual([]);
    expect((await walk('year=2031&kind=special&format=video', w.tokens.secretary)).ids).toEqual(ids);

    // A department head lists only the conferences their department is invited to.
    expect((await walk('year=2031', w.tokens.head)).ids).toEqual([]);
    await ok({ method: 'POST', path: `/conferences/${c.id}/invitations`, token: w.tokens.secretary, body: { departmentIds: [w.ownDeptId] } }, inviteDepartmentsOperation.response.schema);
    expect((await walk('year=2031', w.tokens.head)).ids).toEqual([c.id]);
    expect((await callApi({ path: `/conferences/${c.id}`, token: w.tokens.head })).status).toBe(200);
    expect((await callApi({ path: `/conferences/${c.id}`, token: w.tokens.otherHead })).status).toBe(404);
  });

  it('refuses a cursor of another order or a forged one (422)', async () => {
    await postConference('2032-01-10T09:00');
    await postConference('2032-02-10T09:00');
    const page = await ok({ path: '/conferences?year=2032&limit=1', token: w.tokens.secretary }, listConferencesOperation.response.schema);
    const invalid = { cursor: ['This cursor is not valid for this list; start again without one.'] };
    expect((await problem({ path: `/conferences?year=2032&limit=1&sort=-startsAt&cursor=${page.nextCursor}`, token: w.tokens.secretary })).body.errors).toEqual(invalid);
    const forged = encodeCursor({ s: 'startsAt', at: "2032-01-01' OR 1=1 --", id: 1 });
    expect((await problem({ path: `/conferences?cursor=${forged}`, token: w.tokens.secretary })).body.errors).toEqual(invalid);
    expect((await problem({ path: '/conferences?year=19', token: w.tokens.secretary })).status).toBe(422);
    expect((await problem({ path: '/conferences?status=finished', token: w.tokens.secretary })).status).toBe(422);
  });

  it('checks a quarterly conference against its quarter, and the end against the start', async () => {
    const before = await written(t.db);
    const post = (body: Record<string, unknown>) =>
      problem({
        method: 'POST',
        path: '/conferences',
        token: w.tokens.secretary,
        body: { title: '季度会议', kind: 'quarterly', year: 2031, quarter: 3, format: 'video', startsAt: '2031-04-10T09:00:00+08:00', endsAt: '2031-04-10T10:00:00+08:00', ...body },
      });
    expect((await post({})).body.errors).toEqual({ quarter: ['The start time is not in the chosen quarter; check year, quarter and start time.'] });
    expect((await post({ quarter: null })).body.errors).toEqual({ quarter: ['Choose the quarter of a quarterly conference.'] });
    expect((await post({ quarter: 2, endsAt: '2031-04-10T08:00:00+08:00' })).body.errors).toEqual({ endsAt: ['The end cannot be before the start.'] });
    expect(await written(t.db)).toEqual(before);
  });
});

describe('PATCH /conferences/{id}', () => {
  it('changes the fields sent and keeps the others; null clears one', async () => {
    const made = await postConference('2033-03-01T09:00', { titleEn: 'Old title', noticeText: '通知正文', relaysTitle: '全省安全生产电视电话会议', relaysLevel: 'provincial', relaysDate: '2033-02-27' });
    const changed = await ok(
      { method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { title: '市安委会第一次全体会议', titleEn: null, format: 'video_telephone', version: 1 } },
      patchConferenceOperation.response.schema,
    );
    expect(changed).toEqual({ ...made, title: '市安委会第一次全体会议', titleEn: null, format: 'video_telephone', version: 2, updatedAt: changed.updatedAt });

    // With the ETag instead of a version in the body.
    const response = await callApi({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, headers: { 'If-Match': `"${made.id}-2"` }, body: { allowSelfSignIn: true } });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${made.id}-3"`);
    expect(await response.json()).toMatchObject({ allowSelfSignIn: true, relaysDate: '2033-02-27', noticeText: '通知正文', version: 3 });
  });

  it('refuses a stale version (409, with the saved record) or ETag (412), and a missing one (422), writing nothing', async () => {
    const made = await postConference('2033-04-01T09:00');
    await ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { title: '第一次修改', version: 1 } }, patchConferenceOperation.response.schema);
    const before = await written(t.db);

    const stale = await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { title: '第二次修改', version: 1 } });
    expect(stale).toMatchObject({ status: 409, body: { current: { title: '第一次修改', version: 2 } } });
    const staleTag = await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, headers: { 'If-Match': `"${made.id}-1"` }, body: { title: '第二次修改' } });
    expect(staleTag.status).toBe(412);
    // An ETag of another record never matches.
    expect((await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, headers: { 'If-Match': `"${w.conferenceId}-2"` }, body: { title: '改' } })).status).toBe(412);
    expect((await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { title: '第二次修改' } })).body.errors).toEqual({ version: ['This field is required.'] });

    expect(await written(t.db)).toEqual(before);
    const [row] = await t.db.select({ title: conferences.title }).from(conferences).where(eq(conferences.id, made.id));
    expect(row!.title).toBe('第一次修改');
  });

  it('moves the status on its own: issues the notice, refuses moves its status does not allow, keeps minutes for later', async () => {
    const made = await postConference('2033-05-01T09:00');
    const patch = (body: Record<string, unknown>) => callApi({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body, headers: { 'Accept-Language': 'en' } });
    const before = await written(t.db);
    const refused = async (body: Record<string, unknown>) => {
      const response = await patch(body);
      return { status: response.status, errors: (await response.json()).errors };
    };
    expect(await refused({ status: 'scheduled', title: '新标题', version: 1 })).toEqual({ status: 422, errors: { _form: ['Change the fields, the status or the minutes: one of them at a time.'] } });
    expect(await refused({ version: 1 })).toMatchObject({ status: 422 });
    expect(await refused({ reason: '改期', version: 1 })).toMatchObject({ status: 422, errors: { reason: [expect.any(String)] } });
    expect(await refused({ status: 'cancelled', version: 1 })).toMatchObject({ status: 422, errors: { reason: [expect.any(String)] } });
    expect(await refused({ status: 'minutes_published', version: 1 })).toMatchObject({ status: 409 });
    expect(await refused({ minutesText: '会议纪要', version: 1 })).toMatchObject({ status: 409 });
    expect(await refused({ status: 'adjourned', version: 1 })).toMatchObject({ status: 422 });
    expect(await written(t.db)).toEqual(before);

    const scheduled = await ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { status: 'scheduled', version: 1 } }, patchConferenceOperation.response.schema);
    expect(scheduled).toMatchObject({ status: 'scheduled', version: 2, noticeIssuedAt: expect.stringMatching(/\+08:00$/) });
    // Before it starts it cannot be held: a 409 problem like any other refused move, nothing written.
    clockAt('2033-05-01T08:59:59+08:00');
    const beforeHeld = await written(t.db);
    const early = await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { status: 'held', version: 2 } });
    expect(early).toMatchObject({ status: 409, body: { title: expect.any(String), detail: 'A conference can be marked held, and its minutes published, only once it has started: its scheduled date and time have not come yet.' } });
    expect(await written(t.db)).toEqual(beforeHeld);
    clockAt('2033-05-01T09:00:00+08:00');
    const held = await ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { status: 'held', version: 2 } }, patchConferenceOperation.response.schema);
    const minutes = await ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { minutesText: '## 会议决定\n\n一、……', version: held.version } }, patchConferenceOperation.response.schema);
    expect(minutes).toMatchObject({ minutesText: '## 会议决定\n\n一、……', status: 'held' });
    const published = await ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { status: 'minutes_published', version: minutes.version } }, patchConferenceOperation.response.schema);
    expect(published).toMatchObject({ status: 'minutes_published', minutesPublishedAt: expect.any(String) });
    const cancelled = await problem({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body: { status: 'cancelled', reason: '取消', version: published.version } });
    expect(cancelled.status).toBe(409);
  });
});

describe('GET /conferences/{id} minutes', () => {
  it('gives draft minutes to the office and leaders, null to a department head until published', async () => {
    const made = await postConference('2033-06-01T09:00');
    const patch = (body: Record<string, unknown>) => ok({ method: 'PATCH', path: `/conferences/${made.id}`, token: w.tokens.secretary, body }, patchConferenceOperation.response.schema);
    await ok({ method: 'POST', path: `/conferences/${made.id}/invitations`, token: w.tokens.secretary, body: { departmentIds: [w.ownDeptId] } }, inviteDepartmentsOperation.response.schema);
    const scheduled = await patch({ status: 'scheduled', version: made.version });
    clockAt('2033-06-01T10:00:00+08:00');
    const held = await patch({ status: 'held', version: scheduled.version });
    const draft = await patch({ minutesText: '## 纪要草稿', version: held.version });
    const minutesFor = async (token: string) => (await ok({ path: `/conferences/${made.id}`, token }, detail)).minutesText;
    expect(await minutesFor(w.tokens.secretary)).toBe('## 纪要草稿');
    expect(await minutesFor(w.tokens.leader)).toBe('## 纪要草稿');
    // The field stays in the response (the contract only grows), empty for a department head.
    const forHead = await ok({ path: `/conferences/${made.id}`, token: w.tokens.head }, detail);
    expect(forHead).toHaveProperty('minutesText', null);
    await patch({ status: 'minutes_published', version: draft.version });
    for (const token of [w.tokens.secretary, w.tokens.leader, w.tokens.head]) expect(await minutesFor(token)).toBe('## 纪要草稿');
  });
});

describe('POST /conferences/schedule-year', () => {
  it("creates the year's four quarterly conferences as drafts, once (409 the second time, nothing written)", async () => {
    const planned = await ok({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens.secretary, body: { year: 2034 } }, scheduleYearOperation.response.schema);
    expect(planned.data.map((c) => [c.kind, c.year, c.quarter, c.status])).toEqual([1, 2, 3, 4].map((q) => ['quarterly', 2034, q, 'draft']));
    expect(planned.data.map((c) => c.startsAt.slice(0, 4))).toEqual(['2034', '2034', '2034', '2034']);
    const before = await written(t.db);
    const again = await problem({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens.secretary, body: { year: 2034 } });
    expect(again).toMatchObject({ status: 409, body: { detail: 'The quarterly conferences of this year are already planned and cannot be created again.' } });
    expect(Object.keys((await problem({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens.secretary, body: { year: '2035' } })).body.errors!)).toEqual(['year']);
    expect((await problem({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens.secretary, body: { year: 2035, quarters: 4 } })).body.errors).toEqual({ quarters: ['Contains a field that is not recognised.'] });
    expect((await problem({ method: 'POST', path: '/conferences/schedule-year', token: w.tokens.head, body: { year: 2035 } })).status).toBe(403);
    expect(await written(t.db)).toEqual(before);
  });
});

describe("a conference's parts", () => {
  async function scheduled(options: { selfSignIn?: boolean } = {}) {
    const { conference } = await createConference(w.actors.secretary, {
      title: '第三季度安全生产委员会全体会议',
      kind: 'quarterly',
      year: 2035,
      quarter: 3,
      format: 'video_telephone',
      startsAt: new Date('2035-07-12T09:00:00+08:00'),
      endsAt: new Date('2035-07-12T11:00:00+08:00'),
      allowSelfSignIn: options.selfSignIn ?? false,
    });
    await changeConferenceStatus(w.actors.secretary, { id: conference.id, version: 1, to: 'scheduled' });
    return conference.id;
  }

  it('adds a main venue and sub-venues (only one main), listed main first and paged', async () => {
    const id = await scheduled();
    const post = async (body: Record<string, unknown>) => (await problem({ method: 'POST', path: `/conferences/${id}/venues`, token: w.tokens.secretary, body })).body;
    const sub = await ok({ method: 'POST', path: `/conferences/${id}/venues`, token: w.tokens.secretary, body: { name: '甘井子区分会场', kind: 'sub', hostDepartmentId: w.otherDeptId, connectionNotes: '视频终端 12 号' } }, addVenueOperation.response.schema);
    expect(sub).toMatchObject({ kind: 'sub', hostDepartmentId: w.otherDeptId, hostDepartmentName: expect.stringContaining('部门'), position: 1 });
    const main = await ok({ method: 'POST', path: `/conferences/${id}/venues`, token: w.tokens.secretary, body: { name: '市政府第一会议室', address: '人民路 75 号', kind: 'main' } }, addVenueOperation.response.schema);
    const before = await written(t.db);
    expect((await post({ name: '第二主会场', kind: 'main' })).errors).toEqual({ kind: ['This conference already has a main venue; there can be only one.'] });
    expect((await post({ name: '分会场', kind: 'sub', hostDepartmentId: 2_000_000 })).errors).toEqual({ hostDepartmentId: ['This department does not exist or is inactive.'] });
    expect(Object.keys((await post({ name: '分会场', kind: 'sub', hostDepartmentId: '12' })).errors!)).toEqual(['hostDepartmentId']);
    expect(await written(t.db)).toEqual(before);

    const first = await ok({ path: `/conferences/${id}/venues?limit=1`, token: w.tokens.leader }, listVenuesOperation.response.schema);
    expect(first.data).toEqual([main]);
    const second = await ok({ path: `/conferences/${id}/venues?limit=1&cursor=${first.nextCursor}`, token: w.tokens.leader }, listVenuesOperation.response.schema);
    expect(second).toEqual({ data: [sub], nextCursor: null });
  });

  it('adds speakers in order, by person or with a new person, and an agenda whose times add up', async () => {
    const id = await scheduled();
    const mayor = await ok({ method: 'POST', path: '/people', token: w.tokens.secretary, body: { name: '肖盛峰', position: '市长' } }, createPersonOperation.response.schema);
    const chair = await ok({ method: 'POST', path: `/conferences/${id}/speakers`, token: w.tokens.secretary, body: { newPerson: { name: '骆东升', position: '市委副书记' }, role: 'chair' } }, addSpeakerOperation.response.schema);
    const speech = await ok({ method: 'POST', path: `/conferences/${id}/speakers`, token: w.tokens.secretary, body: { personId: mayor.id, role: 'instructions', topic: '部署下一阶段安全生产工作' } }, addSpeakerOperation.response.schema);
    expect(chair).toMatchObject({ position: 1, role: 'chair', personName: '骆东升', personPosition: '市委副书记' });
    expect(speech).toMatchObject({ position: 2, personId: mayor.id, personName: '肖盛峰', topic: '部署下一阶段安全生产工作' });
    const before = await written(t.db);
    expect((await problem({ method: 'POST', path: `/conferences/${id}/speakers`, token: w.tokens.secretary, body: { role: 'chair' } })).body.errors).toEqual({ personId: ['Choose a person or enter the new person\'s name.'] });
    expect((await problem({ method: 'POST', path: `/conferences/${id}/speakers`, token: w.tokens.secretary, body: { personId: mayor.id, role: 'host' } })).body.errors).toEqual({ role: ['Choose one of the listed options.'] });
    expect(await written(t.db)).toEqual(before);
    expect((await ok({ path: `/conferences/${id}/speakers`, token: w.tokens.secretary }, listSpeakersOperation.response.schema)).data).toEqual([chair, speech]);

    const relay = await ok({ method: 'POST', path: `/conferences/${id}/agenda-items`, token: w.tokens.secretary, body: { title: '传达全省安全生产电视电话会议精神', kind: 'relay', plannedMinutes: 20, presenterSpeakerId: chair.id } }, addAgendaItemOperation.response.schema);
    const deploy = await ok({ method: 'POST', path: `/conferences/${id}/agenda-items`, token: w.tokens.secretary, body: { title: '市长讲话', kind: 'speech', plannedMinutes: 30, presenterSpeakerId: speech.id, notes: null } }, addAgendaItemOperation.response.schema);
    expect(relay).toMatchObject({ position: 1, startsAt: '2035-07-12T09:00:00.000+08:00', endsAt: '2035-07-12T09:20:00.000+08:00' });
    expect(deploy).toMatchObject({ position: 2, startsAt: '2035-07-12T09:20:00.000+08:00', endsAt: '2035-07-12T09:50:00.000+08:00', presenterSpeakerId: speech.id });
    const other = await scheduled();
    expect((await problem({ method: 'POST', path: `/conferences/${other}/agenda-items`, token: w.tokens.secretary, body: { title: '讲话', kind: 'speech', plannedMinutes: 10, presenterSpeakerId: speech.id } })).body.errors).toEqual({ presenterSpeakerId: ['Choose one of the listed options.'] });
    expect((await problem({ method: 'POST', path: `/conferences/${id}/agenda-items`, token: w.tokens.secretary, body: { title: '讲话', kind: 'speech', plannedMinutes: 1.5 } })).status).toBe(422);
    expect((await problem({ path: `/conferences/${id}/agenda-items`, token: w.tokens.head })).status).toBe(404);
    expect((await ok({ path: `/conferences/${id}/agenda-items`, token: w.tokens.leader }, listAgendaItemsOperation.response.schema)).data).toEqual([relay, deploy]);
  });

  it('invites departments once, and signs them in against the invitation version or ETag', async () => {
    const id = await scheduled({ selfSignIn: true });
    const invited = await ok({ method: 'POST', path: `/conferences/${id}/invitations`, token: w.tokens.secretary, body: { departmentIds: [w.ownDeptId, w.otherDeptId] } }, inviteDepartmentsOperation.response.schema);
    expect(invited.added).toBe(2);
    expect(invited.data.map((i) => [i.departmentId, i.attendance, i.required, i.version]).sort()).toEqual([[w.ownDeptId, 'unknown', true, 1], [w.otherDeptId, 'unknown', true, 1]].sort());
    expect((await ok({ method: 'POST', path: `/conferences/${id}/invitations`, token: w.tokens.secretary, body: { departmentIds: [w.ownDeptId] } }, inviteDepartmentsOperation.response.schema)).added).toBe(0);
    const venue = await ok({ method: 'POST', path: `/conferences/${id}/venues`, token: w.tokens.secretary, body: { name: '主会场', kind: 'main' } }, addVenueOperation.response.schema);

    const path = `/conferences/${id}/invitations/${w.ownDeptId}`;
    // Nobody is signed in before the conference starts: 409, for the office and the head alike.
    clockAt('2035-07-12T08:30:00+08:00');
    const beforeStart = await written(t.db);
    const early = await problem({ method: 'PATCH', path, token: w.tokens.secretary, body: { attendance: 'present', version: 1 } });
    expect(early).toMatchObject({ status: 409, body: { detail: 'Attendance can be recorded once the conference has started: its scheduled date and time have not come yet.' } });
    expect((await problem({ method: 'PATCH', path, token: w.tokens.head, body: { attendance: 'present', version: 1 } })).status).toBe(409);
    expect(await written(t.db)).toEqual(beforeStart);
    clockAt('2035-07-12T09:05:00+08:00');
    const signed = await callApi({ method: 'PATCH', path, token: w.tokens.secretary, body: { attendance: 'present', attendeeNames: '王明、李华', venueId: venue.id, version: 1 } });
    expect(signed.status).toBe(200);
    const own = recordAttendanceOperation.response.schema!.parse(await signed.json());
    expect(own).toMatchObject({ attendance: 'present', attendeeNames: '王明、李华', venueId: venue.id, version: 2, signedInAt: expect.stringMatching(/\+08:00$/) });
    expect(signed.headers.get('etag')).toBe(`"${own.id}-2"`);

    const before = await written(t.db);
    expect((await problem({ method: 'PATCH', path, token: w.tokens.secretary, body: { attendance: 'absent', version: 1 } })).status).toBe(409);
    expect((await problem({ method: 'PATCH', path, token: w.tokens.secretary, headers: { 'If-Match': `"${own.id}-1"` }, body: { attendance: 'absent' } })).status).toBe(412);
    expect((await problem({ method: 'PATCH', path, token: w.tokens.secretary, body: { attendance: 'absent', venueId: 2_000_000, version: 2 } })).body.errors).toEqual({ venueId: ['Choose one of the listed options.'] });
    expect((await problem({ method: 'PATCH', path, token: w.tokens.secretary, body: { attendance: 'absent', version: 2, departmentId: w.otherDeptId } })).body.errors).toEqual({ departmentId: ['Contains a field that is not recognised.'] });
    // The head signs in their own department only.
    expect((await problem({ method: 'PATCH', path: `/conferences/${id}/invitations/${w.otherDeptId}`, token: w.tokens.head, body: { attendance: 'present', version: 1 } })).status).toBe(403);
    expect(await written(t.db)).toEqual(before);

    const excused = await callApi({ method: 'PATCH', path, token: w.tokens.head, headers: { 'If-Match': `"${own.id}-2"` }, body: { attendance: 'excused', attendeeNames: null } });
    expect(excused.status).toBe(200);
    // What is not sent stays as it was.
    expect(await excused.json()).toMatchObject({ attendance: 'excused', attendeeNames: null, venueId: venue.id, version: 3 });
    const listed = await ok({ path: `/conferences/${id}/invitations`, token: w.tokens.head }, listInvitationsOperation.response.schema);
    expect(listed.data.find((i) => i.departmentId === w.ownDeptId)).toMatchObject({ attendance: 'excused', version: 3 });
  });

  it("answers the calendar as iCalendar text in the user's language", async () => {
    const response = await callApi({ path: `/conferences/${w.conferenceId}/calendar.ics`, token: w.tokens.leader });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(`attachment; filename="conference-${w.conferenceId}.ics"`);
    const text = await response.text();
    expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/);
    expect(text).toContain('SUMMARY:安全生产委员会全体会议');
    expect(text).toContain('DTSTART:20190315T010000Z');
    const missing = await problem({ path: `/conferences/${w.conferenceId}/calendar.ics`, token: w.tokens.head });
    expect(missing.status).toBe(404);
  });
});

describe('free text is text', () => {
  it('stores SQL and script fragments as written and answers them as JSON', async () => {
    const text = "<script>alert('x')</script>'); DROP TABLE conferences; --";
    const made = await postConference('2036-01-10T09:00', { title: text, noticeText: text, convenedBy: '<img src=x onerror=alert(1)>' });
    expect(made).toMatchObject({ title: text, noticeText: text, convenedBy: '<img src=x onerror=alert(1)>' });
    const venue = await ok({ method: 'POST', path: `/conferences/${made.id}/venues`, token: w.tokens.secretary, body: { name: text, kind: 'main' } }, addVenueOperation.response.schema);
    expect(venue.name).toBe(text);
    expect((await ok({ path: `/conferences?year=2036`, token: w.tokens.secretary }, listConferencesOperation.response.schema)).data.map((c) => c.title)).toEqual([text]);
  });
});
