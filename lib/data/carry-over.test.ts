import { and, eq, isNull } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { agendaItems, auditLog, conferenceInvitations, conferences, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import type { TaskStatus } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { addCarryOverItem, carryOverTasks } from './carry-over';
import { addAgendaItem } from './speakers';

const t = useTestDb();
const now = new Date('2026-05-20T08:00:00+08:00'); // today 2026-05-20
let secretary: Actor;
let leader: Actor;
let headA: Actor;
let headB: Actor;
let deptA: { id: number; name: string };
let deptB: { id: number; name: string };
const ids: Record<string, number> = {};

type Status = (typeof conferences.$inferInsert)['status'];

async function conference(key: string, title: string, day: string, status: Status) {
  const [row] = await t.db
    .insert(conferences)
    .values({ title, titleEn: `EN ${title}`, year: Number(day.slice(0, 4)), quarter: 1, status, startsAt: new Date(`${day}T09:00:00+08:00`), endsAt: new Date(`${day}T11:00:00+08:00`) })
    .returning();
  ids[key] = row!.id;
  return row!.id;
}

async function action(conferenceId: number, seq: number, number: string) {
  const [row] = await t.db.insert(requestedActions).values({ conferenceId, seq, number, title: `事项 ${number}`, titleEn: `Item ${number}` }).returning();
  return row!.id;
}

async function task(key: string, actionId: number, conferenceId: number, departmentId: number, status: TaskStatus, dueDate: string, role: 'lead' | 'support' = 'lead') {
  const [row] = await t.db.insert(tasks).values({ actionId, conferenceId, departmentId, role, status, dueDate, originalDueDate: dueDate }).returning();
  ids[key] = row!.id;
}

beforeAll(async () => {
  // B comes before A in the departments' order.
  deptA = await makeDepartment(t.db, { sortOrder: 20 });
  deptB = await makeDepartment(t.db, { sortOrder: 10 });
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  headA = await makeActor(t.db, 'department_head', deptA.id);
  headB = await makeActor(t.db, 'department_head', deptB.id);

  const q4 = await conference('q4', '2025年第四季度会议', '2025-12-19', 'minutes_published');
  const special = await conference('special', '取消的专题会', '2026-01-15', 'cancelled');
  const q1 = await conference('q1', '2026年第一季度会议', '2026-03-20', 'held');
  const q2 = await conference('q2', '2026年第二季度会议', '2026-06-19', 'scheduled');
  const q3 = await conference('q3', '2026年第三季度会议', '2026-09-18', 'draft');
  await conference('published', '已发布纪要的会议', '2026-04-10', 'minutes_published');
  await conference('held', '已召开的会议', '2026-04-20', 'held');
  await conference('cancelled', '已取消的会议', '2026-07-10', 'cancelled');
  // Department A's head sees the Q2 conference (invited); B's head is not invited to it.
  await t.db.insert(conferenceInvitations).values({ conferenceId: q2, departmentId: deptA.id });

  // Actions are numbered out of insertion order: seq decides, not the id.
  const q4second = await action(q4, 2, '2025-Q4-02');
  const q4first = await action(q4, 1, '2025-Q4-01');
  await task('q4-2-A', q4second, q4, deptA.id, 'in_progress', '2026-01-31');
  await task('q4-1-A', q4first, q4, deptA.id, 'submitted', '2026-02-28');
  await task('q4-1-B', q4first, q4, deptB.id, 'assigned', '2026-06-30', 'support');
  await task('q4-1-done', await action(q4, 3, '2025-Q4-03'), q4, deptA.id, 'completed', '2026-02-28');
  await task('special-open', await action(special, 1, 'S-01'), special, deptA.id, 'assigned', '2026-02-28');
  const q1first = await action(q1, 1, '2026-Q1-01');
  await task('q1-1-B', q1first, q1, deptB.id, 'acknowledged', '2026-05-10');
  await task('q1-1-A-cancelled', q1first, q1, deptA.id, 'cancelled', '2026-05-10');
  // The target's own tasks and later ones are not carried over.
  await task('q2-own', await action(q2, 1, '2026-Q2-01'), q2, deptA.id, 'assigned', '2026-08-31');
  await task('q3-later', await action(q3, 1, '2026-Q3-01'), q3, deptA.id, 'assigned', '2026-11-30');
});

describe('carryOverTasks', () => {
  it('lists the open tasks of earlier, not cancelled conferences by conference date, action number and department order', async () => {
    const { rows, total } = await carryOverTasks(secretary, ids.q2!, {}, now);
    expect(total).toBe(4);
    expect(rows.map((r) => r.id)).toEqual([ids['q4-1-B'], ids['q4-1-A'], ids['q4-2-A'], ids['q1-1-B']]);
    expect(rows[0]).toMatchObject({
      conferenceId: ids.q4,
      conferenceTitle: '2025年第四季度会议',
      conferenceTitleEn: 'EN 2025年第四季度会议',
      number: '2025-Q4-01',
      title: '事项 2025-Q4-01',
      titleEn: 'Item 2025-Q4-01',
      departmentId: deptB.id,
      departmentName: deptB.name,
      role: 'support',
      dueDate: '2026-06-30',
      status: 'assigned',
      overdue: false,
    });
    // Overdue: still being worked on past its due date; a submitted task waits for the office, not late.
    expect(rows.map((r) => [r.status, r.overdue])).toEqual([
      ['assigned', false],
      ['submitted', false],
      ['in_progress', true],
      ['acknowledged', true],
    ]);
  });

  it('pages the rows and keeps the total', async () => {
    const first = await carryOverTasks(secretary, ids.q2!, { limit: 2 }, now);
    const second = await carryOverTasks(secretary, ids.q2!, { limit: 2, offset: 2 }, now);
    expect([first.total, second.total]).toEqual([4, 4]);
    expect([...first.rows, ...second.rows].map((r) => r.id)).toEqual([ids['q4-1-B'], ids['q4-1-A'], ids['q4-2-A'], ids['q1-1-B']]);
  });

  it('counts only what came before: the first conference has nothing to carry over, a later one carries the Q2 task too', async () => {
    expect(await carryOverTasks(secretary, ids.q4!, {}, now)).toEqual({ rows: [], total: 0 });
    const later = await carryOverTasks(leader, ids.q3!, {}, now);
    expect(later.total).toBe(5);
    expect(later.rows.at(-1)!.id).toBe(ids['q2-own']);
  });

  it('shows a department head their own department’s tasks only, on a conference they can see', async () => {
    const { rows, total } = await carryOverTasks(headA, ids.q2!, {}, now);
    expect(total).toBe(2);
    expect(rows.map((r) => r.id)).toEqual([ids['q4-1-A'], ids['q4-2-A']]);
    expect(rows.every((r) => r.departmentId === deptA.id)).toBe(true);
    await expect(carryOverTasks(headB, ids.q2!, {}, now)).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('addCarryOverItem', () => {
  it('adds the review at the end of the agenda with an audit row, once', async () => {
    await addAgendaItem(secretary, { conferenceId: ids.q2!, title: '主持开会', kind: 'opening', plannedMinutes: 5 });
    const first = await addCarryOverItem(secretary, { conferenceId: ids.q2! });
    expect(first.created).toBe(true);
    expect(first.item).toMatchObject({
      conferenceId: ids.q2,
      position: 2,
      kind: 'review',
      title: '上季度部署要求落实情况回顾',
      titleEn: "Review of last quarter's requested actions",
      plannedMinutes: 10,
      presenterSpeakerId: null,
    });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'agenda.create'), eq(auditLog.entityId, String(first.item.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(secretary.id);

    // A second click returns the item already there and adds nothing.
    const second = await addCarryOverItem(secretary, { conferenceId: ids.q2! });
    expect(second).toEqual({ item: first.item, created: false });
    const reviews = await t.db.select().from(agendaItems).where(and(eq(agendaItems.conferenceId, ids.q2!), eq(agendaItems.kind, 'review'), isNull(agendaItems.removedAt)));
    expect(reviews).toHaveLength(1);
  });

  it('adds one item when two secretaries click at the same moment', async () => {
    const results = await Promise.all([addCarryOverItem(secretary, { conferenceId: ids.q3! }), addCarryOverItem(secretary, { conferenceId: ids.q3! })]);
    expect(results.map((r) => r.created).sort()).toEqual([false, true]);
    expect(results[0]!.item.id).toBe(results[1]!.item.id);
    const reviews = await t.db.select().from(agendaItems).where(and(eq(agendaItems.conferenceId, ids.q3!), eq(agendaItems.kind, 'review')));
    expect(reviews).toHaveLength(1);
  });

  it('refuses once the conference has been held, published or cancelled, and adds nothing', async () => {
    for (const key of ['held', 'published']) {
      await expect(addCarryOverItem(secretary, { conferenceId: ids[key]! })).rejects.toMatchObject({ code: 'conflict', messageKey: 'carryOverAfterHeld' });
    }
    await expect(addCarryOverItem(secretary, { conferenceId: ids.cancelled! })).rejects.toMatchObject({ code: 'conflict', messageKey: 'conferenceCancelled' });
    const items = await t.db.select().from(agendaItems).where(eq(agendaItems.kind, 'review'));
    expect(items.map((i) => i.conferenceId).sort()).toEqual([ids.q2, ids.q3].sort());
  });

  it('is for the committee office only', async () => {
    for (const actor of [leader, headA]) {
      await expect(addCarryOverItem(actor, { conferenceId: ids.q1! })).rejects.toMatchObject({ code: 'forbidden' });
    }
    await expect(addCarryOverItem(secretary, { conferenceId: 2_000_000_000 })).rejects.toMatchObject({ code: 'not_found' });
  });
});
