import { and, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, conferenceInvitations, conferences } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { addVenue, inviteDepartments, recordAttendance, removeInvitation } from './conference-parts';
import { getConferenceDetail } from './conference-detail';
import { changeConferenceStatus, createConference, listConferences, saveMinutes, scheduleYear, updateConference } from './conferences';
import { addAgendaItem, addSpeaker, moveSpeaker, removeSpeaker } from './speakers';

const t = useTestDb();
let secretary: Actor;
let leader: Actor;
let head: Actor;
let otherHead: Actor;
let deptA: number;
let deptB: number;
let districtId: number;

const special = (over: Record<string, unknown> = {}) => ({
  title: '全市危化品专题会',
  kind: 'special' as const,
  year: 2019,
  startsAt: new Date('2019-05-10T09:00:00+08:00'),
  endsAt: new Date('2019-05-10T11:00:00+08:00'),
  format: 'in_person' as const,
  ...over,
});

beforeAll(async () => {
  deptA = (await makeDepartment(t.db)).id;
  deptB = (await makeDepartment(t.db)).id;
  districtId = (await makeDepartment(t.db, { kind: 'district' })).id;
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', deptA);
  otherHead = await makeActor(t.db, 'department_head', deptB);
});

describe('planning a year', () => {
  it('creates four quarterly drafts, copying chair and invitations from the previous quarter', async () => {
    const { conference: q4 } = await createConference(secretary, {
      ...special(),
      title: '2018年第四季度会议',
      kind: 'quarterly',
      year: 2018,
      quarter: 4,
      startsAt: new Date('2018-12-21T09:00:00+08:00'),
      endsAt: new Date('2018-12-21T11:00:00+08:00'),
    });
    await inviteDepartments(secretary, { conferenceId: q4.id, departmentIds: [deptA, districtId] });
    const created = await scheduleYear(secretary, { year: 2019 });
    expect(created.map((c) => [c.quarter, c.status, c.format])).toEqual([
      [1, 'draft', 'video_telephone'],
      [2, 'draft', 'video_telephone'],
      [3, 'draft', 'video_telephone'],
      [4, 'draft', 'video_telephone'],
    ]);
    expect(created[0]!.title).toBe('2019年第一季度安全生产委员会全体会议');
    expect(created[3]!.titleEn).toBe('2019 Q4 plenary meeting of the Safety Committee');
    expect(created[0]!.startsAt.toISOString()).toBe('2019-03-15T01:00:00.000Z');
    const invited = await t.db.select().from(conferenceInvitations).where(eq(conferenceInvitations.conferenceId, created[1]!.id));
    expect(invited.map((i) => i.departmentId).sort()).toEqual([deptA, districtId].sort());
  });

  it('refuses a year that is already planned, and every role but the office', async () => {
    await expect(scheduleYear(secretary, { year: 2019 })).rejects.toMatchObject({ code: 'conflict', messageKey: 'yearAlreadyScheduled' });
    for (const actor of [leader, head]) await expect(scheduleYear(actor, { year: 2030 })).rejects.toMatchObject({ code: 'forbidden' });
    expect(await t.db.select().from(conferences).where(eq(conferences.year, 2030))).toEqual([]);
  });
});

describe('conference records', () => {
  it('refuses an end before the start and a quarter that does not match the date', async () => {
    await expect(createConference(secretary, special({ endsAt: new Date('2019-05-10T08:00:00+08:00') }))).rejects.toMatchObject({
      fieldErrors: { endsAt: [{ key: 'endBeforeStart' }] },
    });
    await expect(createConference(secretary, special({ kind: 'quarterly', quarter: 1 }))).rejects.toMatchObject({
      fieldErrors: { quarter: [{ key: 'quarterMismatch' }] },
    });
  });

  it('refuses a stale edit and names what changed', async () => {
    const { conference } = await createConference(secretary, special());
    await updateConference(secretary, { ...special({ title: '改名后的专题会' }), id: conference.id, version: 1 });
    const error = await updateConference(secretary, { ...special({ format: 'video' }), id: conference.id, version: 1 }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', details: { changedFields: ['title', 'format'] } });
    const [row] = await t.db.select().from(conferences).where(eq(conferences.id, conference.id));
    expect(row).toMatchObject({ title: '改名后的专题会', format: 'in_person', version: 2 });
  });

  it('names only what someone else changed when the editor says what they loaded', async () => {
    const { conference } = await createConference(secretary, special({ title: '消防专题会' }));
    const loaded = { ...special({ title: '消防专题会' }), status: 'draft' as const };
    // Someone else renames it and issues the notice; this editor meanwhile changed the format.
    await updateConference(secretary, { ...special({ title: '消防安全专题会' }), id: conference.id, version: 1 });
    await changeConferenceStatus(secretary, { id: conference.id, version: 2, to: 'scheduled' });
    const stale = { ...special({ title: '消防专题会', format: 'video' }), id: conference.id, version: 1 };
    const error = await updateConference(secretary, { ...stale, loaded }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'conflict', details: { changedFields: ['title', 'status'] } });
    // Fields the caller did not send are not guessed at; a snapshot that does not parse is ignored.
    const partial = await updateConference(secretary, { ...stale, loaded: { format: 'in_person' } }).catch((e: unknown) => e);
    expect(partial).toMatchObject({ code: 'conflict', details: { changedFields: [] } });
    const junk = await updateConference(secretary, { ...stale, loaded: { startsAt: 'not a date' } as never }).catch((e: unknown) => e);
    expect(junk).toMatchObject({ code: 'conflict', details: { changedFields: ['title', 'format'] } });
    const [row] = await t.db.select().from(conferences).where(eq(conferences.id, conference.id));
    expect(row).toMatchObject({ title: '消防安全专题会', format: 'in_person', status: 'scheduled', version: 3 });
  });

  it('saves with the loaded values sent along when nobody else saved', async () => {
    const { conference } = await createConference(secretary, special({ title: '燃气专题会' }));
    const loaded = { ...special({ title: '燃气专题会' }), status: 'draft' as const };
    const { conference: saved } = await updateConference(secretary, { ...special({ title: '燃气安全专题会' }), id: conference.id, version: 1, loaded });
    expect(saved).toMatchObject({ title: '燃气安全专题会', version: 2 });
  });

  it('warns about an overlapping conference with the same main venue', async () => {
    const { conference: a } = await createConference(secretary, special({ title: '甲会', startsAt: new Date('2019-07-01T09:00:00+08:00'), endsAt: new Date('2019-07-01T11:00:00+08:00') }));
    await addVenue(secretary, { conferenceId: a.id, name: '市政府第一会议室', kind: 'main' });
    const { conference: b } = await createConference(secretary, special({ title: '乙会', startsAt: new Date('2019-07-01T10:00:00+08:00'), endsAt: new Date('2019-07-01T12:00:00+08:00') }));
    await addVenue(secretary, { conferenceId: b.id, name: '市政府第一会议室', kind: 'main' });
    await expect(addVenue(secretary, { conferenceId: b.id, name: '另一个主会场', kind: 'main' })).rejects.toMatchObject({ fieldErrors: { kind: [{ key: 'mainVenueExists' }] } });
    const { conflicts } = await updateConference(secretary, { ...special({ title: '乙会', startsAt: new Date('2019-07-01T10:00:00+08:00'), endsAt: new Date('2019-07-01T12:00:00+08:00') }), id: b.id, version: 1 });
    expect(conflicts).toEqual([expect.objectContaining({ other: expect.objectContaining({ title: '甲会' }), reasons: ['venue'] })]);
  });

  it('moves status only along the allowed paths, with a reason to cancel', async () => {
    const { conference } = await createConference(secretary, special());
    await expect(changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'held' })).rejects.toMatchObject({ code: 'invalid_transition' });
    await expect(changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'cancelled' })).rejects.toMatchObject({ fieldErrors: { reason: [{ key: 'reasonRequired' }] } });
    const scheduled = await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' });
    expect(scheduled.noticeIssuedAt).toBeInstanceOf(Date);
    const held = await changeConferenceStatus(secretary, { id: conference.id, version: 2, to: 'held' });
    await expect(changeConferenceStatus(secretary, { id: conference.id, version: 3, to: 'minutes_published' })).rejects.toMatchObject({ code: 'validation' });
    await saveMinutes(secretary, { id: conference.id, version: held.version, minutesText: '## 会议纪要\n\n一、……' });
    const published = await changeConferenceStatus(secretary, { id: conference.id, version: 4, to: 'minutes_published' });
    expect(published.status).toBe('minutes_published');
    await updateConference(secretary, { ...special({ title: '更正后的标题' }), id: conference.id, version: published.version });
    const audit = await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(conference.id)));
    expect(audit.map((a) => a.action)).toContain('conference.correct');
  });

  it('gives draft minutes to the office and leaders only; published minutes to every reader', async () => {
    const { conference } = await createConference(secretary, special());
    await inviteDepartments(secretary, { conferenceId: conference.id, departmentIds: [deptA] });
    await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' });
    const held = await changeConferenceStatus(secretary, { id: conference.id, version: 2, to: 'held' });
    const saved = await saveMinutes(secretary, { id: conference.id, version: held.version, minutesText: '## 纪要草稿' });
    const minutesOf = async (actor: Actor) => (await getConferenceDetail(actor, conference.id))?.conference.minutesText;
    expect(await minutesOf(secretary)).toBe('## 纪要草稿');
    expect(await minutesOf(leader)).toBe('## 纪要草稿');
    expect(await minutesOf(head)).toBeNull();
    await changeConferenceStatus(secretary, { id: conference.id, version: saved.version, to: 'minutes_published' });
    for (const actor of [secretary, leader, head]) expect(await minutesOf(actor)).toBe('## 纪要草稿');
  });

  it('refuses every write to leaders and department heads', async () => {
    const { conference } = await createConference(secretary, special());
    for (const actor of [leader, head]) {
      await expect(createConference(actor, special())).rejects.toMatchObject({ code: 'forbidden' });
      await expect(updateConference(actor, { ...special(), id: conference.id, version: 1 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(changeConferenceStatus(actor, { id: conference.id, version: 1, to: 'scheduled' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(addVenue(actor, { conferenceId: conference.id, name: 'x', kind: 'sub' })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(inviteDepartments(actor, { conferenceId: conference.id, departmentIds: [deptA] })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(addSpeaker(actor, { conferenceId: conference.id, role: 'chair', newPerson: { name: '某人' } })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(addAgendaItem(actor, { conferenceId: conference.id, title: 'x', kind: 'other', plannedMinutes: 5 })).rejects.toMatchObject({ code: 'forbidden' });
    }
  });
});

describe('a conference is held only once it has started', () => {
  const startsAt = new Date('2019-05-10T09:00:00+08:00');
  const justBefore = new Date(startsAt.getTime() - 1000);

  it('refuses held (and so minutes) before the start, writing nothing, and allows it from the start on', async () => {
    const { conference } = await createConference(secretary, special({ title: '尚未召开的会' }));
    const scheduled = await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' }, new Date('2019-04-01T09:00:00+08:00'));
    await expect(changeConferenceStatus(secretary, { id: conference.id, version: scheduled.version, to: 'held' }, justBefore)).rejects.toMatchObject({
      code: 'invalid_transition',
      messageKey: 'heldBeforeStart',
    });
    const [row] = await t.db.select({ status: conferences.status, version: conferences.version }).from(conferences).where(eq(conferences.id, conference.id));
    expect(row).toEqual({ status: 'scheduled', version: scheduled.version });
    expect((await t.db.select().from(auditLog).where(eq(auditLog.entityId, String(conference.id)))).map((a) => a.action)).not.toContain('conference.status.held');

    const held = await changeConferenceStatus(secretary, { id: conference.id, version: scheduled.version, to: 'held' }, startsAt);
    expect(held.status).toBe('held');
    const saved = await saveMinutes(secretary, { id: conference.id, version: held.version, minutesText: '## 纪要' });
    const published = await changeConferenceStatus(secretary, { id: conference.id, version: saved.version, to: 'minutes_published' }, new Date('2019-05-11T09:00:00+08:00'));
    expect(published.minutesPublishedAt).toEqual(new Date('2019-05-11T09:00:00+08:00'));
  });

  it('refuses a conference dated in the future today, with the clock as it is', async () => {
    const { conference } = await createConference(
      secretary,
      special({ title: '明年的会', year: new Date().getFullYear() + 2, startsAt: new Date(Date.now() + 400 * 86_400_000), endsAt: new Date(Date.now() + 400 * 86_400_000 + 3_600_000) }),
    );
    await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' });
    await expect(changeConferenceStatus(secretary, { id: conference.id, version: 2, to: 'held' })).rejects.toMatchObject({ messageKey: 'heldBeforeStart' });
    await inviteDepartments(secretary, { conferenceId: conference.id, departmentIds: [deptA] });
    await expect(recordAttendance(secretary, { conferenceId: conference.id, departmentId: deptA, version: 1, attendance: 'present' })).rejects.toMatchObject({
      messageKey: 'attendanceBeforeStart',
    });
  });

  it('refuses attendance before the start, for the office and a head alike, and records it from the start on', async () => {
    const { conference } = await createConference(secretary, special({ title: '签到时间的会', allowSelfSignIn: true }));
    await inviteDepartments(secretary, { conferenceId: conference.id, departmentIds: [deptA, deptB] });
    await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' }, new Date('2019-04-01T09:00:00+08:00'));
    for (const actor of [secretary, head]) {
      await expect(recordAttendance(actor, { conferenceId: conference.id, departmentId: deptA, version: 1, attendance: 'present' }, justBefore)).rejects.toMatchObject({
        code: 'invalid_transition',
        messageKey: 'attendanceBeforeStart',
      });
    }
    const [untouched] = await t.db.select().from(conferenceInvitations).where(and(eq(conferenceInvitations.conferenceId, conference.id), eq(conferenceInvitations.departmentId, deptA)));
    expect(untouched).toMatchObject({ attendance: 'unknown', version: 1, signedInAt: null });
    const signed = await recordAttendance(head, { conferenceId: conference.id, departmentId: deptA, version: 1, attendance: 'present' }, startsAt);
    expect(signed).toMatchObject({ attendance: 'present', signedInAt: startsAt });
  });
});

describe('what a department head sees', () => {
  it('lists and opens only conferences their department is invited to', async () => {
    const { conference: invited } = await createConference(secretary, special({ title: '邀请了甲单位的会' }));
    const { conference: notInvited } = await createConference(secretary, special({ title: '没有邀请甲单位的会' }));
    await inviteDepartments(secretary, { conferenceId: invited.id, departmentIds: [deptA] });
    await inviteDepartments(secretary, { conferenceId: notInvited.id, departmentIds: [deptB] });
    const titles = (await listConferences(head, { pageSize: 100 })).rows.map((r) => r.title);
    expect(titles).toContain('邀请了甲单位的会');
    expect(titles).not.toContain('没有邀请甲单位的会');
    expect(await getConferenceDetail(head, notInvited.id)).toBeNull();
    expect(await getConferenceDetail(head, invited.id)).not.toBeNull();
    await removeInvitation(secretary, { conferenceId: invited.id, departmentId: deptA });
    expect(await getConferenceDetail(head, invited.id)).toBeNull();
  });

  it('signs in their own department only when the conference allows it', async () => {
    const { conference } = await createConference(secretary, special({ title: '可自助签到的会' }));
    await inviteDepartments(secretary, { conferenceId: conference.id, allOf: ['department'] });
    await changeConferenceStatus(secretary, { id: conference.id, version: 1, to: 'scheduled' });
    await expect(recordAttendance(head, { conferenceId: conference.id, departmentId: deptA, version: 1, attendance: 'present' })).rejects.toMatchObject({ messageKey: 'selfSignInClosed' });
    await updateConference(secretary, { ...special({ title: '可自助签到的会' }), id: conference.id, version: 2, allowSelfSignIn: true });
    const signed = await recordAttendance(head, { conferenceId: conference.id, departmentId: deptA, version: 1, attendance: 'present', attendeeNames: '张伟' });
    expect(signed).toMatchObject({ attendance: 'present', attendeeNames: '张伟', signedInById: head.id });
    await expect(recordAttendance(head, { conferenceId: conference.id, departmentId: deptB, version: 1, attendance: 'present' })).rejects.toMatchObject({ code: 'forbidden' });
    await expect(recordAttendance(otherHead, { conferenceId: conference.id, departmentId: deptB, version: 2, attendance: 'absent' })).rejects.toMatchObject({ code: 'conflict' });
    const detail = await getConferenceDetail(secretary, conference.id);
    expect(detail!.attendance.present).toBe(1);
    expect(detail!.invitations.map((i) => i.invitation.departmentId)).not.toContain(districtId);
  });
});

describe('speakers and agenda', () => {
  it('keeps speakers in order, times the agenda and flags an overrun', async () => {
    const { conference } = await createConference(secretary, special({ startsAt: new Date('2019-05-10T09:00:00+08:00'), endsAt: new Date('2019-05-10T10:00:00+08:00') }));
    const chair = await addSpeaker(secretary, { conferenceId: conference.id, role: 'chair', newPerson: { name: '骆东升', position: '市政府秘书长' } });
    const report = await addSpeaker(secretary, { conferenceId: conference.id, role: 'report', newPerson: { name: '刘岩', position: '副市长' } });
    const mayor = await addSpeaker(secretary, { conferenceId: conference.id, role: 'instructions', newPerson: { name: '肖盛峰', position: '市长' } });
    await moveSpeaker(secretary, { conferenceId: conference.id, id: mayor.id, direction: 'up' });
    await moveSpeaker(secretary, { conferenceId: conference.id, id: mayor.id, direction: 'down' });
    await addAgendaItem(secretary, { conferenceId: conference.id, title: '主持开会', kind: 'opening', presenterSpeakerId: chair.id, plannedMinutes: 5 });
    await addAgendaItem(secretary, { conferenceId: conference.id, title: '安全生产工作报告', kind: 'report', presenterSpeakerId: report.id, plannedMinutes: 30 });
    await addAgendaItem(secretary, { conferenceId: conference.id, title: '市长讲话', kind: 'speech', presenterSpeakerId: mayor.id, plannedMinutes: 35 });
    await expect(addAgendaItem(secretary, { conferenceId: conference.id, title: '负数', kind: 'other', plannedMinutes: -5 })).rejects.toMatchObject({
      fieldErrors: { plannedMinutes: [{ key: 'tooSmall', values: { min: 0 } }] },
    });
    const detail = await getConferenceDetail(secretary, conference.id);
    expect(detail!.speakers.map((s) => [s.speaker.role, s.personName])).toEqual([
      ['chair', '骆东升'],
      ['report', '刘岩'],
      ['instructions', '肖盛峰'],
    ]);
    expect(detail!.agenda.map((a) => a.startsAt.toISOString())).toEqual(['2019-05-10T01:00:00.000Z', '2019-05-10T01:05:00.000Z', '2019-05-10T01:35:00.000Z']);
    expect(detail!.agendaTotalMinutes).toBe(70);
    expect(detail!.agendaOverrunMinutes).toBe(10);
    await removeSpeaker(secretary, { conferenceId: conference.id, id: report.id });
    const after = await getConferenceDetail(secretary, conference.id);
    expect(after!.agenda[1]!.presenterSpeakerId).toBeNull();
    expect(after!.speakers).toHaveLength(2);
  });
});
