import { beforeAll, describe, expect, it } from 'vitest';
import { actionCategories, conferences, followUps, people, requestedActions, speakers, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { getTask, getTaskSiblings, getTaskView, getTaskWithTimeline, getTimelineEntry } from './tasks';

const t = useTestDb();
let ownTaskId: number;
let otherTaskId: number;
const actors: Record<string, Actor> = {};

beforeAll(async () => {
  const own = await makeDepartment(t.db);
  const other = await makeDepartment(t.db);
  actors.admin = await makeActor(t.db, 'admin');
  actors.secretary = await makeActor(t.db, 'secretary');
  actors.leader = await makeActor(t.db, 'leader');
  actors.head = await makeActor(t.db, 'department_head', own.id);
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '第一季度会议', year: 2026, quarter: 1, startsAt: new Date('2026-03-20T01:00:00Z'), endsAt: new Date('2026-03-20T03:00:00Z') })
    .returning();
  await t.db.insert(actionCategories).values({ code: 'hazchem-test', name: '危险化学品', nameEn: 'Hazardous chemicals' }).onConflictDoNothing();
  const [mayor] = await t.db.insert(people).values({ name: '林正安', position: '市长', positionEn: 'Mayor' }).returning();
  const [speaker] = await t.db.insert(speakers).values({ conferenceId: conf!.id, personId: mayor!.id, role: 'instructions', position: 1 }).returning();
  const [action] = await t.db
    .insert(requestedActions)
    .values({ conferenceId: conf!.id, seq: 1, number: '2026-Q1-01', title: '危化品专项整治', categoryCode: 'hazchem-test', priority: 'high', speakerId: speaker!.id })
    .returning();
  const rows = await t.db
    .insert(tasks)
    .values([
      { actionId: action!.id, conferenceId: conf!.id, departmentId: own.id, dueDate: '2026-06-30', originalDueDate: '2026-06-30' },
      { actionId: action!.id, conferenceId: conf!.id, departmentId: other.id, role: 'support', dueDate: '2026-06-30', originalDueDate: '2026-06-30' },
    ])
    .returning();
  ownTaskId = rows[0]!.id;
  otherTaskId = rows[1]!.id;
});

describe('getTask', () => {
  it('shows every task to secretaries, admins and leaders', async () => {
    for (const role of ['admin', 'secretary', 'leader']) {
      expect(await getTask(actors[role]!, otherTaskId)).toMatchObject({ id: otherTaskId, actionNumber: '2026-Q1-01' });
    }
  });

  it("shows a department head their own task and nothing of another department's", async () => {
    expect(await getTask(actors.head!, ownTaskId)).toMatchObject({ id: ownTaskId, actionTitle: '危化品专项整治' });
    expect(await getTask(actors.head!, otherTaskId)).toBeNull();
    expect(await getTask(actors.head!, 987_654)).toBeNull();
  });

  it('shows nothing to a department head without a department', async () => {
    expect(await getTask({ ...actors.head!, departmentId: null }, ownTaskId)).toBeNull();
  });
});

describe('getTask details', () => {
  it('names the category and, through the speaker, who requested the action', async () => {
    expect(await getTask(actors.secretary!, ownTaskId)).toMatchObject({
      categoryName: '危险化学品',
      categoryNameEn: 'Hazardous chemicals',
      priority: 'high',
      requestedByName: '林正安',
      requestedByPositionEn: 'Mayor',
      speakerRole: 'instructions',
    });
  });
});

describe('getTaskSiblings', () => {
  it("shows the office and leaders the other departments' status and light, linked", async () => {
    for (const role of ['admin', 'secretary', 'leader']) {
      const siblings = await getTaskSiblings(actors[role]!, ownTaskId, new Date('2026-04-01T02:00:00Z'));
      expect(siblings).toEqual([expect.objectContaining({ id: otherTaskId, role: 'support', status: 'assigned', progress: 0, light: 'green' })]);
    }
  });

  it('shows a department head who else works on the action and in which role, not how they are doing', async () => {
    const siblings = await getTaskSiblings(actors.head!, ownTaskId);
    expect(siblings).toEqual([expect.objectContaining({ id: null, role: 'support', status: null, progress: null, dueDate: null, light: null })]);
    expect(siblings![0]!.departmentName).toMatch(/^部门 /);
    expect(await getTaskSiblings(actors.head!, otherTaskId)).toBeNull();
  });
});

describe('getTaskView', () => {
  it('loads the task, its timeline, its siblings and what each role may post now', async () => {
    const head = await getTaskView(actors.head!, ownTaskId);
    expect(head).toMatchObject({ task: { id: ownTaskId }, timeline: [], siblings: [{ role: 'support' }] });
    expect(head!.allowed).toEqual(['acknowledge', 'extension_request', 'comment']);
    expect((await getTaskView(actors.leader!, ownTaskId))!.allowed).toEqual(['instruction', 'comment']);
    expect((await getTaskView(actors.secretary!, ownTaskId))!.allowed).toEqual(['due_date_change', 'reminder', 'comment', 'cancel']);
    expect(await getTaskView(actors.head!, otherTaskId)).toBeNull();
  });
});

describe('getTaskWithTimeline', () => {
  it('is the task view without the other departments, for the same readers', async () => {
    const view = await getTaskView(actors.secretary!, ownTaskId);
    const { siblings: _siblings, ...rest } = view!;
    expect(await getTaskWithTimeline(actors.secretary!, ownTaskId)).toEqual(rest);
    expect((await getTaskWithTimeline(actors.head!, ownTaskId))!.allowed).toEqual(['acknowledge', 'extension_request', 'comment']);
    expect(await getTaskWithTimeline(actors.head!, otherTaskId)).toBeNull();
  });
});

describe('getTimelineEntry', () => {
  it("answers one entry with its task as the task's readers see it, and nothing to others", async () => {
    const [own, other] = await t.db
      .insert(followUps)
      .values([
        { taskId: ownTaskId, authorId: actors.head!.id, kind: 'comment', body: '已收到' },
        { taskId: otherTaskId, authorId: actors.secretary!.id, kind: 'comment', body: '请尽快签收' },
      ])
      .returning();
    const answer = await getTimelineEntry(actors.head!, ownTaskId, own!.id);
    expect(answer).toMatchObject({ task: { id: ownTaskId, actionNumber: '2026-Q1-01' }, entry: { id: own!.id, body: '已收到', files: [] } });
    // The same entry as in the whole timeline.
    expect((await getTaskWithTimeline(actors.head!, ownTaskId))!.timeline.find((e) => e.id === own!.id)).toEqual(answer!.entry);
    // Another department's task, or an entry of another task under this task's id: nothing.
    expect(await getTimelineEntry(actors.head!, otherTaskId, other!.id)).toBeNull();
    expect(await getTimelineEntry(actors.head!, ownTaskId, other!.id)).toBeNull();
    expect(await getTimelineEntry(actors.secretary!, otherTaskId, other!.id)).toMatchObject({ entry: { body: '请尽快签收' } });
  });
});
