import { beforeAll, describe, expect, it } from 'vitest';
import { currentQuarter, periodParam } from '@/lib/domain/period';
import { useTestDb } from '@/test/db';
import { createActionOperation, listActionsOperation } from './operations/actions';
import { addAgendaItemOperation, addSpeakerOperation, inviteDepartmentsOperation } from './operations/conference-parts';
import { createPersonOperation, listPeopleOperation } from './operations/people';
import { departmentRankingOperation } from './operations/reports';
import { getTaskOperation } from './operations/tasks';
import { ok, problem, written } from './resource-test-support';
import { type ApiWorld, makeApiWorld, makeTask } from './test-support';

const t = useTestDb();
let w: ApiWorld;

beforeAll(async () => {
  w = await makeApiWorld(t.db);
});

describe('people', () => {
  it('adds people and lists them by name, page by page, searched in either language', async () => {
    const tag = `姓名${Date.now()}`;
    for (const [name, nameEn] of [['王', 'Wang'], ['李', 'Li'], ['张', 'Zhang']]) {
      const person = await ok({ method: 'POST', path: '/people', token: w.tokens.secretary, body: { name: `${tag}${name}`, nameEn: `${nameEn} ${tag}`, position: '  副局长  ', organization: '' } }, createPersonOperation.response.schema);
      expect(person).toMatchObject({ name: `${tag}${name}`, position: '副局长', organization: null, version: 1 });
    }
    const first = await ok({ path: `/people?q=${encodeURIComponent(tag)}&limit=2`, token: w.tokens.leader }, listPeopleOperation.response.schema);
    const second = await ok({ path: `/people?q=${encodeURIComponent(tag)}&limit=2&cursor=${first.nextCursor}`, token: w.tokens.leader }, listPeopleOperation.response.schema);
    const names = [...first.data, ...second.data].map((p) => p.name);
    expect(names).toEqual([...names].sort());
    expect(names).toHaveLength(3);
    expect(second.nextCursor).toBeNull();
    expect((await ok({ path: `/people?q=${encodeURIComponent(`Zhang ${tag}`)}`, token: w.tokens.admin }, listPeopleOperation.response.schema)).data.map((p) => p.nameEn)).toEqual([`Zhang ${tag}`]);
  });

  it('keeps the directory from department heads and changes from leaders, and refuses bad input, writing nothing', async () => {
    const before = await written(t.db);
    expect((await problem({ path: '/people', token: w.tokens.head })).status).toBe(403);
    expect((await problem({ method: 'POST', path: '/people', token: w.tokens.leader, body: { name: '刘岩' } })).status).toBe(403);
    expect((await problem({ method: 'POST', path: '/people', token: w.tokens.head, body: { name: '刘岩' } })).status).toBe(403);
    const post = async (body: unknown) => (await problem({ method: 'POST', path: '/people', token: w.tokens.secretary, body })).body.errors;
    expect(await post({ name: '刘'.repeat(61) })).toEqual({ name: ['Use at most 60 characters.'] });
    expect(await post({ name: '刘岩', userId: 1 })).toEqual({ userId: ['Contains a field that is not recognised.'] });
    expect(Object.keys((await post({ name: ['刘岩'], position: 7 }))!).sort()).toEqual(['name', 'position']);
    expect((await problem({ path: '/people?sort=name', token: w.tokens.secretary })).body.errors).toEqual({ sort: ['Contains a field that is not recognised.'] });
    expect(await written(t.db)).toEqual(before);
  });

  it('stores SQL and script fragments as plain text', async () => {
    const name = "Robert'); DROP TABLE people;--";
    const person = await ok({ method: 'POST', path: '/people', token: w.tokens.secretary, body: { name, organization: '<script>alert(1)</script>' } }, createPersonOperation.response.schema);
    expect(person).toMatchObject({ name, organization: '<script>alert(1)</script>' });
    const listed = await ok({ path: `/people?q=${encodeURIComponent("Robert');")}`, token: w.tokens.secretary }, listPeopleOperation.response.schema);
    expect(listed.data).toEqual([person]);
  });
});

describe('requested actions', () => {
  /** A speaker on the world's conference, and an agenda item they present. */
  async function speakerAndItem() {
    const speaker = await ok({ method: 'POST', path: `/conferences/${w.conferenceId}/speakers`, token: w.tokens.secretary, body: { newPerson: { name: '肖盛峰', position: '市长' }, role: 'instructions' } }, addSpeakerOperation.response.schema);
    const item = await ok({ method: 'POST', path: `/conferences/${w.conferenceId}/agenda-items`, token: w.tokens.secretary, body: { title: '市长讲话', kind: 'speech', plannedMinutes: 30, presenterSpeakerId: speaker.id } }, addAgendaItemOperation.response.schema);
    return { speaker, item };
  }

  it('records an action with a lead and a supporting department: the action with its tasks (201)', async () => {
    const { speaker, item } = await speakerAndItem();
    const action = await ok(
      {
        method: 'POST',
        path: `/conferences/${w.conferenceId}/actions`,
        token: w.tokens.secretary,
        body: {
          title: '开展危险化学品安全专项整治',
          details: '全面排查危化品企业，建立隐患台账。',
          priority: 'high',
          requestedByPersonId: speaker.personId,
          agendaItemId: item.id,
          dueDate: '2099-06-30',
          assignments: [
            { departmentId: w.ownDeptId, role: 'lead' },
            { departmentId: w.otherDeptId, role: 'support', dueDate: '2099-05-31', acknowledgeBy: '2099-01-10' },
          ],
        },
      },
      createActionOperation.response.schema,
    );
    expect(action).toMatchObject({
      conferenceId: w.conferenceId,
      number: expect.stringMatching(/^2019-S\d+-\d{2}$/),
      priority: 'high',
      dueDate: '2099-06-30',
      requestedByPersonId: speaker.personId,
      requestedBy: { name: '肖盛峰', position: '市长' },
      speakerId: speaker.id,
      agendaItemId: item.id,
      category: null,
    });
    expect(action.tasks.map((task) => [task.departmentId, task.role, task.dueDate, task.status])).toEqual([
      [w.ownDeptId, 'lead', '2099-06-30', 'assigned'],
      [w.otherDeptId, 'support', '2099-05-31', 'assigned'],
    ]);
    expect(action.tasks[1]!.acknowledgeBy).toBe('2099-01-10');

    // Each department head reads their own task; the other department's is not theirs to follow.
    const lead = action.tasks[0]!;
    expect(await ok({ path: `/tasks/${lead.id}`, token: w.tokens.head }, getTaskOperation.response.schema)).toMatchObject({ actionId: action.id, role: 'lead', status: 'assigned' });
    // The head sees the conference's actions once their department is invited to it.
    expect((await problem({ path: `/conferences/${w.conferenceId}/actions`, token: w.tokens.head })).status).toBe(404);
    await ok({ method: 'POST', path: `/conferences/${w.conferenceId}/invitations`, token: w.tokens.secretary, body: { departmentIds: [w.ownDeptId] } }, inviteDepartmentsOperation.response.schema);
    const listed = await ok({ path: `/conferences/${w.conferenceId}/actions?limit=200`, token: w.tokens.head }, listActionsOperation.response.schema);
    const seen = listed.data.find((a) => a.id === action.id)!;
    expect(seen.tasks).toEqual([
      { ...lead, light: seen.tasks[0]!.light },
      { ...action.tasks[1]!, id: null, status: null, light: null, version: null },
    ]);
    expect((await problem({ path: `/tasks/${action.tasks[1]!.id}`, token: w.tokens.head })).status).toBe(404);
    const all = await ok({ path: `/conferences/${w.conferenceId}/actions?limit=200`, token: w.tokens.leader }, listActionsOperation.response.schema);
    expect(all.data.find((a) => a.id === action.id)!.tasks.map((task) => task.id)).toEqual(action.tasks.map((task) => task.id));
  });

  it("names the API's fields in its refusals, and writes nothing", async () => {
    const { speaker } = await speakerAndItem();
    const before = await written(t.db);
    const lead = { departmentId: w.ownDeptId, role: 'lead' };
    const post = async (body: Record<string, unknown>) =>
      (await problem({ method: 'POST', path: `/conferences/${w.conferenceId}/actions`, token: w.tokens.secretary, body: { title: '落实安全生产责任制', dueDate: '2099-06-30', assignments: [lead], ...body } })).body.errors;
    expect(await post({ dueDate: '2019-01-01' })).toEqual({ dueDate: ['The due date cannot be before the conference.'] });
    expect(await post({ assignments: [lead, { departmentId: w.otherDeptId, role: 'lead' }] })).toEqual({ assignments: ['Choose exactly one lead department.'] });
    expect(await post({ assignments: [] })).toEqual({ assignments: ['Choose exactly one lead department.'] });
    expect(await post({ assignments: [lead, { departmentId: w.ownDeptId, role: 'support' }] })).toEqual({ 'assignments.1.departmentId': ['A department can be assigned only once.'] });
    expect(await post({ assignments: [{ departmentId: 2_000_000, role: 'lead' }] })).toEqual({ 'assignments.0.departmentId': ['This department does not exist or is inactive.'] });
    expect(await post({ assignments: [{ departmentId: w.ownDeptId, role: 'owner' }] })).toEqual({ 'assignments.0.role': ['Choose one of the listed options.'] });
    expect(await post({ category: 'no-such-category' })).toEqual({ category: ['Choose one of the listed options.'] });
    expect(await post({ requestedByPersonId: speaker.personId + 100_000 })).toEqual({ requestedByPersonId: ['Choose one of the listed options.'] });
    expect(await post({ dueDate: '2099-02-30' })).toEqual({ dueDate: ['This value is not valid.'] });
    expect(await post({ speakerId: speaker.id })).toEqual({ speakerId: ['Contains a field that is not recognised.'] });
    expect(Object.keys((await post({ title: 42, priority: 'asap' }))!).sort()).toEqual(['priority', 'title']);
    expect(await written(t.db)).toEqual(before);
  });

  it('is recorded by the committee office only', async () => {
    const before = await written(t.db);
    const body = { title: '加强汛期安全防范', dueDate: '2099-06-30', assignments: [{ departmentId: w.ownDeptId, role: 'lead' }] };
    for (const user of ['leader', 'head', 'otherHead'] as const) {
      expect((await problem({ method: 'POST', path: `/conferences/${w.conferenceId}/actions`, token: w.tokens[user], body })).status, user).toBe(403);
    }
    expect(await written(t.db)).toEqual(before);
    await ok({ method: 'POST', path: `/conferences/${w.conferenceId}/actions`, token: w.tokens.admin, body }, createActionOperation.response.schema);
  });
});

describe('GET /reports/departments', () => {
  it("ranks the departments for a period: everyone's row for the office and leaders, their own for a department head", async () => {
    await makeTask(w, w.ownDeptId, 'completed');
    await makeTask(w, w.otherDeptId, 'in_progress');
    const quarter = currentQuarter();
    const ranking = await ok({ path: '/reports/departments', token: w.tokens.leader }, departmentRankingOperation.response.schema);
    expect(ranking.period).toEqual({ name: periodParam(quarter), from: quarter.from, to: quarter.to });
    const own = ranking.data.find((r) => r.departmentId === w.ownDeptId)!;
    expect(own).toMatchObject({ assigned: expect.any(Number), completed: 1, rank: expect.any(Number) });
    expect(ranking.data.find((r) => r.departmentId === w.otherDeptId)).toMatchObject({ completed: 0, open: expect.any(Number) });
    expect(ranking.data.map((r) => r.rank).filter((r) => r !== null)).toEqual([...Array(ranking.ranked).keys()].map((i) => i + 1));
    expect(ranking.weights).toMatchObject({ onTime: 50, completion: 30, attendance: 20 });

    // The same period named three ways.
    const byRange = await ok({ path: `/reports/departments?from=${quarter.from}&to=${quarter.to}`, token: w.tokens.secretary }, departmentRankingOperation.response.schema);
    expect(byRange.data).toEqual(ranking.data);
    expect((await ok({ path: `/reports/departments?period=${quarter.from}..${quarter.to}`, token: w.tokens.secretary }, departmentRankingOperation.response.schema)).data).toEqual(ranking.data);

    const paged = await ok({ path: '/reports/departments?limit=1', token: w.tokens.leader }, departmentRankingOperation.response.schema);
    expect(paged.data).toEqual(ranking.data.slice(0, 1));
    const next = await ok({ path: `/reports/departments?limit=1&cursor=${paged.nextCursor}`, token: w.tokens.leader }, departmentRankingOperation.response.schema);
    expect(next.data).toEqual(ranking.data.slice(1, 2));

    const head = await ok({ path: '/reports/departments', token: w.tokens.head }, departmentRankingOperation.response.schema);
    expect(head.data).toEqual([own]);
    expect(head.ranked).toBe(ranking.ranked);
    expect((await ok({ path: '/reports/departments', token: w.tokens.otherHead }, departmentRankingOperation.response.schema)).data.map((r) => r.departmentId)).toEqual([w.otherDeptId]);
  });

  it('refuses a period it cannot read (422)', async () => {
    const errors = async (query: string) => (await problem({ path: `/reports/departments?${query}`, token: w.tokens.secretary })).body.errors;
    expect(await errors('period=2019-Q5')).toEqual({ period: ['Choose a quarter, a year, or a start and end date.'] });
    expect(await errors('from=2019-01-01')).toEqual({ to: ['This field is required.'] });
    expect(await errors('from=2019-06-01&to=2019-01-01')).toEqual({ to: ['The end date is before the start date.'] });
    expect(await errors('from=2019-02-30&to=2019-03-01')).toMatchObject({ from: [expect.any(String)] });
    expect(await errors("period=2019' OR 1=1")).toEqual({ period: ['Choose a quarter, a year, or a start and end date.'] });
    expect(await errors('year=2019')).toEqual({ year: ['Contains a field that is not recognised.'] });
  });
});
