import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, followUps, requestedActions, tasks } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { quarterPeriod, rangePeriod } from '@/lib/domain/period';
import type { TaskStatus } from '@/lib/domain/task-state';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { officialDocx } from '@/lib/export/docx/official-document';
import { supervisionDocument } from '@/lib/export/docx/supervision-document';
import { documentXml, docxParagraphs } from '@/test/docx';
import { committeeOffice, overdueTasks, returnedTasks, supervisionReport } from './supervision-report';

const t = useTestDb();
const now = new Date('2026-11-20T10:00:00+08:00');
const q4 = quarterPeriod(2026, 4);
const q3 = quarterPeriod(2026, 3);
let secretary: Actor;
let leader: Actor;
let headA: Actor;
let headB: Actor;
const ids: Record<string, number> = {};

beforeAll(async () => {
  const a = await makeDepartment(t.db, { name: '甲局', nameEn: 'Bureau A', sortOrder: 1 });
  const b = await makeDepartment(t.db, { name: '乙区', nameEn: 'District B', kind: 'district', sortOrder: 2 });
  secretary = await makeActor(t.db, 'secretary');
  leader = await makeActor(t.db, 'leader');
  headA = await makeActor(t.db, 'department_head', a.id);
  headB = await makeActor(t.db, 'department_head', b.id);
  const [conf] = await t.db
    .insert(conferences)
    .values({ title: '第三季度会议', year: 2026, quarter: 3, startsAt: new Date('2026-09-10T01:00:00Z'), endsAt: new Date('2026-09-10T03:00:00Z') })
    .returning();
  const specs: { name: string; dept: number; status: TaskStatus; due: string; assigned: string }[] = [
    // Assigned on the last evening of Q3: in Q3's list and in Q4's.
    { name: 'old', dept: a.id, status: 'in_progress', due: '2026-09-30', assigned: '2026-09-30T23:30:00+08:00' },
    { name: 'b-late-20', dept: b.id, status: 'acknowledged', due: '2026-10-31', assigned: '2026-10-05T09:00:00+08:00' },
    { name: 'a-late-20', dept: a.id, status: 'in_progress', due: '2026-10-31', assigned: '2026-10-01T00:10:00+08:00' },
    { name: 'a-late-5', dept: a.id, status: 'assigned', due: '2026-11-15', assigned: '2026-10-05T09:00:00+08:00' },
    { name: 'due-today', dept: a.id, status: 'in_progress', due: '2026-11-20', assigned: '2026-10-05T09:00:00+08:00' },
    { name: 'submitted', dept: a.id, status: 'submitted', due: '2026-10-01', assigned: '2026-09-01T09:00:00+08:00' },
    { name: 'completed', dept: a.id, status: 'completed', due: '2026-10-01', assigned: '2026-09-01T09:00:00+08:00' },
    { name: 'cancelled', dept: b.id, status: 'cancelled', due: '2026-10-01', assigned: '2026-09-01T09:00:00+08:00' },
  ];
  for (const [i, spec] of specs.entries()) {
    const [action] = await t.db
      .insert(requestedActions)
      .values({ conferenceId: conf!.id, seq: i + 1, number: `2026-Q3-${String(i + 1).padStart(2, '0')}`, title: `事项 ${spec.name}`, titleEn: `Item ${spec.name}` })
      .returning();
    const [task] = await t.db
      .insert(tasks)
      .values({
        actionId: action!.id, conferenceId: conf!.id, departmentId: spec.dept, status: spec.status, dueDate: spec.due,
        originalDueDate: spec.due, assignedAt: new Date(spec.assigned),
      })
      .returning();
    ids[spec.name] = task!.id;
  }
  const returned = (name: string, at: string, body: string | null, kind: 'return' | 'comment' = 'return') =>
    t.db.insert(followUps).values({ taskId: ids[name]!, kind, body, fromStatus: 'submitted', toStatus: 'in_progress', createdAt: new Date(at) });
  await returned('submitted', '2026-09-30T23:55:00+08:00', '九月底退回');
  await returned('a-late-20', '2026-10-01T00:05:00+08:00', '佐证材料不全，请补充。');
  await returned('b-late-20', '2026-11-10T15:00:00+08:00', '整改不到位');
  await returned('a-late-20', '2026-11-12T09:00:00+08:00', null);
  await returned('a-late-5', '2026-11-12T10:00:00+08:00', '不是退回', 'comment');
  await returned('completed', '2027-01-01T00:00:00+08:00', '下季度');
});

describe('overdue list', () => {
  it('lists open tasks past due today among those assigned by the period end, longest overdue first', async () => {
    const { rows, total } = await overdueTasks(secretary, q4, { now });
    expect(rows.map((r) => [r.taskId, r.daysOverdue])).toEqual([
      [ids.old, 51],
      [ids['a-late-20'], 20],
      [ids['b-late-20'], 20],
      [ids['a-late-5'], 5],
    ]);
    expect(total).toBe(4);
    expect(rows[2]).toMatchObject({ number: '2026-Q3-02', title: '事项 b-late-20', titleEn: 'Item b-late-20', departmentName: '乙区', departmentNameEn: 'District B', dueDate: '2026-10-31', status: 'acknowledged', role: 'lead' });
  });

  it('leaves out tasks assigned after the period ended, by the city calendar', async () => {
    expect((await overdueTasks(secretary, q3, { now })).rows.map((r) => r.taskId)).toEqual([ids.old]);
    expect((await overdueTasks(leader, rangePeriod('2026-10-01', '2026-10-01'), { now })).rows.map((r) => r.taskId)).toEqual([ids.old, ids['a-late-20']]);
  });

  it('stops at the limit and still counts every row', async () => {
    const { rows, total } = await overdueTasks(leader, q4, { now, limit: 2 });
    expect(rows.map((r) => r.taskId)).toEqual([ids.old, ids['a-late-20']]);
    expect(total).toBe(4);
  });

  it("gives a department head their own department's rows only", async () => {
    expect((await overdueTasks(headA, q4, { now })).rows.map((r) => r.taskId)).toEqual([ids.old, ids['a-late-20'], ids['a-late-5']]);
    const b = await overdueTasks(headB, q4, { now });
    expect(b).toEqual({ rows: [expect.objectContaining({ taskId: ids['b-late-20'] })], total: 1 });
  });
});

describe('returned list', () => {
  it('lists the returns written in the period, by city day, oldest first, with the reason', async () => {
    const { rows, total } = await returnedTasks(secretary, q4);
    expect(rows.map((r) => [r.taskId, r.reason])).toEqual([
      [ids['a-late-20'], '佐证材料不全，请补充。'],
      [ids['b-late-20'], '整改不到位'],
      [ids['a-late-20'], null],
    ]);
    expect(total).toBe(3);
    expect(rows[1]).toMatchObject({ departmentName: '乙区', number: '2026-Q3-02', status: 'acknowledged', returnedAt: new Date('2026-11-10T15:00:00+08:00') });
    expect((await returnedTasks(leader, q3)).rows.map((r) => r.reason)).toEqual(['九月底退回']);
  });

  it("limits the rows, counts them all, and scopes a department head to their department", async () => {
    expect(await returnedTasks(secretary, q4, { limit: 1 })).toMatchObject({ rows: [{ taskId: ids['a-late-20'] }], total: 3 });
    const own = await returnedTasks(headB, q4);
    expect(own.rows.map((r) => r.taskId)).toEqual([ids['b-late-20']]);
    expect(own.total).toBe(1);
  });
});

describe('committee office', () => {
  it('names the first active office as the issuing body', async () => {
    expect(await committeeOffice(headA)).toBeNull();
    await makeDepartment(t.db, { name: '旧办公室', kind: 'office', sortOrder: 0, active: false });
    await makeDepartment(t.db, { name: '市安委会办公室', nameEn: 'Committee Office', kind: 'office', sortOrder: 5 });
    expect(await committeeOffice(headA)).toEqual({ name: '市安委会办公室', nameEn: 'Committee Office' });
  });
});

describe('supervision report', () => {
  it('gathers the figures, ranking and lists of the period, and opens as a Word document with them', async () => {
    const report = await supervisionReport(secretary, q4, now);
    expect(report.figures).toMatchObject({ assigned: 4, completed: 0, overdueNow: 3 });
    expect(report.ranking.map((r) => r.name)).toEqual(expect.arrayContaining(['甲局', '乙区']));
    expect(report.overdue.total).toBe(4);
    expect(report.returned.total).toBe(3);
    expect(report.issuer).toEqual({ name: '市安委会办公室', nameEn: 'Committee Office' });

    const zh = docxParagraphs(documentXml(await officialDocx(supervisionDocument(report, 'zh-CN', now)))).filter(Boolean);
    expect(zh.slice(0, 4)).toEqual(['督办通报', '（2026年第4季度）', '市安委会办公室\t2026年11月20日', '一、总体情况']);
    expect(zh).toContain('本期共交办督办任务4项，已办结0项，其中按期办结0项、逾期办结0项；截至2026年11月20日，本期交办的任务中逾期未办结3项。');
    expect(zh).toEqual(expect.arrayContaining(['二、各单位落实情况排名', '名次', '单位', '得分', '甲局', '乙区']));
    // The overdue list: a row's cells in order, the longest overdue first.
    const overdue = zh.indexOf('三、逾期未办结任务');
    expect(zh.slice(overdue + 2, overdue + 12)).toEqual(['编号', '部署要求', '单位', '办理期限', '逾期天数', '2026-Q3-01', '事项 old', '甲局', '2026年9月30日', '51']);
    expect(zh).toEqual(expect.arrayContaining(['四、退回重办情况', '佐证材料不全，请补充。', '（未填写）']));

    const en = docxParagraphs(documentXml(await officialDocx(supervisionDocument(report, 'en', now)))).filter(Boolean);
    expect(en.slice(0, 4)).toEqual(['Supervision report', 'Q4 2026', 'Committee Office\t20 Nov 2026', '1. Summary']);
    expect(en).toEqual(expect.arrayContaining(['2. Ranking of departments', 'Bureau A', 'District B', 'Item old', '(none given)']));
  });

  it("gives a department head their own department's part, with its rank among all", async () => {
    const report = await supervisionReport(headB, q4, now);
    expect(report.figures).toMatchObject({ assigned: 1, overdueNow: 1 });
    expect(report.ranking.map((r) => r.name)).toEqual(['乙区']);
    expect(report.overdue.rows.map((r) => r.taskId)).toEqual([ids['b-late-20']]);
    expect(report.returned.rows.map((r) => r.taskId)).toEqual([ids['b-late-20']]);
  });
  it('shows a department whose only task is not due yet as 未到期, unranked, not as a score', async () => {
    const c = await makeDepartment(t.db, { name: '丙区', nameEn: 'District C', kind: 'district', sortOrder: 3 });
    const [conf] = await t.db.select().from(conferences).limit(1);
    const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 99, number: '2026-Q4-99', title: '明年四月前完成' }).returning();
    await t.db.insert(tasks).values({
      actionId: action!.id, conferenceId: conf!.id, departmentId: c.id, status: 'assigned', dueDate: '2027-04-30',
      originalDueDate: '2027-04-30', assignedAt: new Date('2026-11-20T09:00:00+08:00'),
    });
    // Present at every conference of the period would once have given it 40.0 on attendance alone.
    const report = await supervisionReport(secretary, q4, now);
    expect(report.ranking.find((r) => r.departmentId === c.id)).toMatchObject({ assigned: 1, notDueYet: 1, dueOrDone: 0, score: null, rank: null });
    const zh = docxParagraphs(documentXml(await officialDocx(supervisionDocument(report, 'zh-CN', now)))).filter(Boolean);
    const row = zh.indexOf('丙区');
    expect(zh.slice(row - 1, row + 8)).toEqual(['—', '丙区', '1', '1', '0', '—', '0', '0', '未到期']);
    const en = docxParagraphs(documentXml(await officialDocx(supervisionDocument(report, 'en', now)))).filter(Boolean);
    expect(en.slice(en.indexOf('District C'), en.indexOf('District C') + 8).at(-1)).toBe('Not due yet');
  });
});
