import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { attendanceRates, heldConferenceYears, inviteDepartments, recordAttendance } from './conference-parts';
import { changeConferenceStatus, conferenceYearSpan, createConference, saveMinutes } from './conferences';

const t = useTestDb();
let secretary: Actor;
let leader: Actor;
let admin: Actor;
let headA: Actor;
let deptA: number;
let deptB: number;
let district: number;

type Mark = 'present' | 'absent' | 'excused' | 'unknown';

/** A conference on the given day, moved to `status`, with each invited department marked. */
async function conference(day: string, marks: Record<number, Mark>, status: 'scheduled' | 'held' | 'minutes_published' = 'held') {
  const { conference: c } = await createConference(secretary, {
    title: `${day} 专题会`,
    kind: 'special',
    year: Number(day.slice(0, 4)),
    startsAt: new Date(`${day}T09:00:00+08:00`),
    endsAt: new Date(`${day}T11:00:00+08:00`),
    format: 'video',
  });
  await inviteDepartments(secretary, { conferenceId: c.id, departmentIds: Object.keys(marks).map(Number) });
  let version = (await changeConferenceStatus(secretary, { id: c.id, version: c.version, to: 'scheduled' })).version;
  // Signed in and held once it has started: these years are still to come.
  const started = new Date(`${day}T09:10:00+08:00`);
  for (const [departmentId, attendance] of Object.entries(marks)) {
    if (attendance !== 'unknown') await recordAttendance(secretary, { conferenceId: c.id, departmentId: Number(departmentId), version: 1, attendance }, started);
  }
  if (status !== 'scheduled') version = (await changeConferenceStatus(secretary, { id: c.id, version, to: 'held' }, started)).version;
  if (status === 'minutes_published') {
    version = (await saveMinutes(secretary, { id: c.id, version, minutesText: '# 会议纪要' })).version;
    await changeConferenceStatus(secretary, { id: c.id, version, to: 'minutes_published' }, started);
  }
  return c;
}

const year2031 = { from: new Date('2031-01-01T00:00:00+08:00'), to: new Date('2032-01-01T00:00:00+08:00') };

beforeAll(async () => {
  deptA = (await makeDepartment(t.db, { name: '应急管理局', nameEn: 'Emergency Management Bureau', sortOrder: 10 })).id;
  deptB = (await makeDepartment(t.db, { name: '交通运输局', nameEn: 'Transport Bureau', sortOrder: 20 })).id;
  district = (await makeDepartment(t.db, { name: '中山区', nameEn: 'Zhongshan District', kind: 'district', sortOrder: 10 })).id;
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  admin = await makeActor(t.db, 'admin');
  headA = await makeActor(t.db, 'department_head', deptA);

  await conference('2031-03-14', { [deptA]: 'present', [deptB]: 'absent', [district]: 'present' }, 'minutes_published');
  await conference('2031-06-20', { [deptA]: 'present', [deptB]: 'excused', [district]: 'unknown' });
  await conference('2031-09-19', { [deptA]: 'excused', [deptB]: 'present' });
  // Not held yet, and held in another year: neither counts for 2031.
  await conference('2031-12-19', { [deptA]: 'present', [deptB]: 'present', [district]: 'present' }, 'scheduled');
  await conference('2030-12-20', { [deptA]: 'absent', [deptB]: 'absent' });
});

describe('attendance rates per department', () => {
  it('counts each state over the conferences held in the period, in department order', async () => {
    const { rows, total, totals } = await attendanceRates(secretary, year2031);
    expect(total).toBe(3);
    expect(rows.map((r) => [r.name, r.invited, r.present, r.absent, r.excused, r.unknown])).toEqual([
      ['应急管理局', 3, 2, 0, 1, 0],
      ['交通运输局', 3, 1, 1, 1, 0],
      ['中山区', 2, 1, 0, 0, 1],
    ]);
    expect(rows.map((r) => r.rate)).toEqual([2 / 3, 1 / 3, 0.5]);
    expect(totals).toEqual({ invited: 8, present: 4, absent: 1, excused: 2, unknown: 1, rate: 0.5, departments: 3, conferences: 3 });
  });

  it('sorts by any figure and pages in SQL', async () => {
    const byRate = await attendanceRates(secretary, { ...year2031, sort: 'rate', dir: 'desc' });
    expect(byRate.rows.map((r) => r.name)).toEqual(['应急管理局', '中山区', '交通运输局']);
    const byUnknown = await attendanceRates(secretary, { ...year2031, sort: 'unknown', dir: 'desc', pageSize: 1 });
    expect(byUnknown.rows.map((r) => r.name)).toEqual(['中山区']);
    expect(byUnknown.total).toBe(3);
    const second = await attendanceRates(secretary, { ...year2031, sort: 'rate', dir: 'asc', page: 2, pageSize: 2 });
    expect(second.rows.map((r) => r.name)).toEqual(['应急管理局']);
  });

  it('narrows to a kind of department, a name, or a date range', async () => {
    expect((await attendanceRates(secretary, { ...year2031, kind: 'district' })).rows.map((r) => r.name)).toEqual(['中山区']);
    expect((await attendanceRates(secretary, { ...year2031, q: 'transport' })).rows.map((r) => r.name)).toEqual(['交通运输局']);
    const firstHalf = await attendanceRates(secretary, { from: new Date('2030-12-01T00:00:00+08:00'), to: new Date('2031-04-01T00:00:00+08:00') });
    expect(firstHalf.rows.map((r) => [r.name, r.invited, r.present, r.absent])).toEqual([
      ['应急管理局', 2, 1, 1],
      ['交通运输局', 2, 0, 2],
      ['中山区', 1, 1, 0],
    ]);
    expect(firstHalf.totals?.conferences).toBe(2);
  });

  it('gives nothing, not an error, for a period without held conferences', async () => {
    const empty = await attendanceRates(secretary, { from: new Date('2040-01-01T00:00:00+08:00'), to: new Date('2041-01-01T00:00:00+08:00') });
    expect(empty).toEqual({ rows: [], total: 0, totals: null });
  });

  it('shows leaders and admins every department and a department head their own only', async () => {
    for (const actor of [leader, admin]) expect((await attendanceRates(actor, year2031)).total).toBe(3);
    const own = await attendanceRates(headA, year2031);
    expect(own.rows.map((r) => r.departmentId)).toEqual([deptA]);
    expect(own.totals).toMatchObject({ invited: 3, present: 2, departments: 1 });
    expect((await attendanceRates({ ...headA, departmentId: null }, year2031)).total).toBe(0);
  });

  it('offers the years with held conferences for the period choice, within what the actor may see', async () => {
    expect(await heldConferenceYears(secretary)).toEqual([2031, 2030]);
    expect(await heldConferenceYears(headA)).toEqual([2031, 2030]);
    expect(await heldConferenceYears({ ...headA, departmentId: null })).toEqual([]);
    expect(await conferenceYearSpan(leader)).toEqual({ first: 2030, last: 2031 });
    expect(await conferenceYearSpan({ ...headA, departmentId: null })).toBeNull();
  });
});
