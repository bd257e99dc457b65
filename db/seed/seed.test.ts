import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { verifyPassword } from '../../lib/auth/password';
import { createTestDb, useTestDb } from '../../test/db';
import {
  agendaItems,
  conferenceInvitations,
  conferences,
  departments,
  followUps,
  people,
  requestedActions,
  safetyIndicators,
  speakers,
  tasks,
  users,
  venues,
} from '../schema';
import { addDays, shanghaiDate } from './dates';
import { DISTRICT_CODES } from './departments';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeedRefusedError, planDemo, seedDemo, type SeedResult } from './index';
import { replayTask } from './replay';

const t = useTestDb();
const TODAY = new Date('2026-05-20T10:00:00+08:00');
const TODAY_DATE = '2026-05-20';
const ALL_STATUSES = tasks.status.enumValues;

/** postgres-js returns rows as an array, PGlite as `{ rows }`. */
function rowsOf<T>(result: unknown): T[] {
  return Array.isArray(result) ? (result as T[]) : (result as { rows: T[] }).rows;
}

async function tableCounts(): Promise<Record<string, number>> {
  const tables = rowsOf<{ table_name: string }>(
    await t.db.execute(sql`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`),
  );
  const counts: Record<string, number> = {};
  for (const { table_name: name } of tables) {
    const [row] = rowsOf<{ n: number }>(await t.db.execute(sql`SELECT count(*)::int AS n FROM ${sql.identifier(name)}`));
    counts[name] = row?.n ?? -1;
  }
  return counts;
}

async function currentYearTasks() {
  return t.db
    .select({ task: tasks, department: departments.code })
    .from(tasks)
    .innerJoin(conferences, eq(conferences.id, tasks.conferenceId))
    .innerJoin(departments, eq(departments.id, tasks.departmentId))
    .where(eq(conferences.year, 2026));
}

describe('seedDemo', () => {
  let first: SeedResult;
  beforeAll(async () => {
    first = await seedDemo(t.db, { today: TODAY });
  });

  it('seeds once; a second run returns seeded false and changes no table', async () => {
    expect(first.seeded).toBe(true);
    const before = await tableCounts();
    expect(before.tasks).toBeGreaterThan(50);
    await expect(seedDemo(t.db, { today: TODAY })).resolves.toEqual({ seeded: false });
    await expect(seedDemo(t.db)).resolves.toEqual({ seeded: false });
    expect(await tableCounts()).toEqual(before);
    expect(before.settings).toBe(1);
    expect(before.audit_log).toBe(1);
  });

  it('reproduces the first-quarter 2018 conference of the article', async () => {
    const [conf] = await t.db
      .select()
      .from(conferences)
      .where(and(eq(conferences.year, 2018), eq(conferences.quarter, 1)));
    expect(conf).toMatchObject({
      title: '大连市安全生产暨安委会第一季度工作电视电话会议',
      status: 'minutes_published',
      format: 'video_telephone',
      relaysTitle: '全省安全生产电视电话会议',
      relaysLevel: 'provincial',
      relaysDate: '2018-03-16',
    });
    if (!conf) return;
    expect(shanghaiDate(conf.startsAt)).toBe('2018-03-16');

    const speakerRows = await t.db
      .select({ id: speakers.id, role: speakers.role, name: people.name, nameEn: people.nameEn, personId: people.id })
      .from(speakers)
      .innerJoin(people, eq(people.id, speakers.personId))
      .where(eq(speakers.conferenceId, conf.id))
      .orderBy(asc(speakers.position));
    expect(speakerRows.map((s) => [s.role, s.name, s.nameEn])).toEqual([
      ['chair', '骆东升', 'Luo Dongsheng'],
      ['report', '刘岩', 'Liu Yan'],
      ['instructions', '肖盛峰', 'Xiao Shengfeng'],
    ]);
    expect(conf.chairPersonId).toBe(speakerRows[0]?.personId);

    const venueRows = await t.db
      .select({ kind: venues.kind, host: departments.code })
      .from(venues)
      .leftJoin(departments, eq(departments.id, venues.hostDepartmentId))
      .where(eq(venues.conferenceId, conf.id));
    expect(venueRows.filter((v) => v.kind === 'main')).toHaveLength(1);
    expect(venueRows.filter((v) => v.kind === 'sub').map((v) => v.host).sort()).toEqual([...DISTRICT_CODES].sort());

    const invitations = await t.db.select().from(conferenceInvitations).where(eq(conferenceInvitations.conferenceId, conf.id));
    expect(invitations).toHaveLength(27);
    expect(invitations.every((i) => i.attendance === 'present' && i.venueId !== null)).toBe(true);

    const agenda = await t.db.select().from(agendaItems).where(eq(agendaItems.conferenceId, conf.id));
    const speakerIds = new Set(speakerRows.map((s) => s.id));
    expect(agenda.every((a) => a.presenterSpeakerId === null || speakerIds.has(a.presenterSpeakerId))).toBe(true);

    const actions = await t.db.select().from(requestedActions).where(eq(requestedActions.conferenceId, conf.id)).orderBy(asc(requestedActions.seq));
    const mayor = speakerRows[2];
    expect(actions.length).toBeGreaterThanOrEqual(5);
    actions.forEach((a, i) => {
      expect(a.number).toBe(`2018-Q1-${String(i + 1).padStart(2, '0')}`);
      expect([a.speakerId, a.requestedByPersonId]).toEqual([mayor?.id, mayor?.personId]);
      expect(a.categoryCode).not.toBeNull();
    });

    const taskRows = await t.db.select().from(tasks).where(eq(tasks.conferenceId, conf.id));
    expect(taskRows.every((task) => task.status === 'completed' || task.status === 'cancelled')).toBe(true);
    expect(taskRows.filter((task) => task.status === 'completed').length).toBeGreaterThan(taskRows.length * 0.9);
    const history = await t.db
      .select({ at: followUps.createdAt })
      .from(followUps)
      .innerJoin(tasks, eq(tasks.id, followUps.taskId))
      .where(eq(tasks.conferenceId, conf.id));
    expect(history.every((f) => shanghaiDate(f.at).startsWith('2018-'))).toBe(true);
  });

  it('creates the demo accounts, whose passwords verify', async () => {
    for (const account of DEMO_ACCOUNTS) {
      const [user] = await t.db
        .select({ user: users, department: departments.code })
        .from(users)
        .leftJoin(departments, eq(departments.id, users.departmentId))
        .where(eq(users.username, account.username));
      expect(user?.user).toMatchObject({ role: account.role, displayName: account.displayName, active: true });
      expect(user?.department ?? null).toBe(account.departmentCode);
      expect(await verifyPassword(user?.user.passwordHash ?? '', DEMO_PASSWORD)).toBe(true);
      expect(await verifyPassword(user?.user.passwordHash ?? '', 'wrong')).toBe(false);
    }
    const [leader] = await t.db.select({ name: people.name }).from(people).innerJoin(users, eq(users.id, people.userId)).where(eq(users.username, 'leader'));
    expect(leader?.name).toBeTruthy();
  });

  it('holds the current year’s four quarterly conferences, past ones met and later ones planned', async () => {
    const rows = await t.db.select().from(conferences).where(and(eq(conferences.year, 2026), eq(conferences.kind, 'quarterly'))).orderBy(asc(conferences.quarter));
    expect(rows.map((c) => c.quarter)).toEqual([1, 2, 3, 4]);
    for (const c of rows) {
      const expected = c.startsAt < TODAY ? ['held', 'minutes_published'] : ['scheduled', 'draft'];
      expect(expected).toContain(c.status);
    }
    expect(rows.map((c) => c.status)).toEqual(['minutes_published', 'scheduled', 'draft', 'draft']);
  });

  it('has current-year tasks in every status, due soon, overdue, returned, extended and unacknowledged', async () => {
    const rows = await currentYearTasks();
    const open = rows.map((r) => r.task).filter((task) => ['assigned', 'acknowledged', 'in_progress'].includes(task.status));
    expect(new Set(rows.map((r) => r.task.status))).toEqual(new Set(ALL_STATUSES));
    expect(open.some((task) => task.dueDate < TODAY_DATE)).toBe(true);
    expect(open.some((task) => task.dueDate >= TODAY_DATE && task.dueDate <= addDays(TODAY_DATE, 3))).toBe(true);
    expect(rows.some((r) => r.task.status === 'in_progress' && r.task.returnCount >= 1)).toBe(true);
    expect(rows.some((r) => r.task.extensionCount === 1 && r.task.originalDueDate < r.task.dueDate)).toBe(true);
    expect(rows.some((r) => r.task.status === 'assigned' && (r.task.acknowledgeBy ?? '9999') < TODAY_DATE)).toBe(true);
    for (const code of ['emergency', 'zhongshan']) {
      const mine = rows.filter((r) => r.department === code);
      expect(mine.length).toBeGreaterThanOrEqual(5);
      expect(new Set(mine.map((r) => r.task.status)).size).toBeGreaterThanOrEqual(4);
    }
  });

  it('stores for every task exactly what replaying its follow-ups gives', async () => {
    const all = await t.db.select().from(followUps).orderBy(asc(followUps.taskId), asc(followUps.createdAt), asc(followUps.id));
    const byTask = new Map<number, typeof all>();
    for (const f of all) byTask.set(f.taskId, [...(byTask.get(f.taskId) ?? []), f]);
    const taskRows = await t.db.select().from(tasks);
    for (const task of taskRows) {
      const history = byTask.get(task.id) ?? [];
      const [opening] = history;
      expect(opening).toMatchObject({ kind: 'assign', fromStatus: null, toStatus: 'assigned' });
      history.forEach((f, i) => {
        if (i > 0) expect(f.fromStatus).toBe(history[i - 1]?.toStatus);
        expect(f.createdAt.getTime()).toBeLessThan(TODAY.getTime());
        expect(f.authorId).not.toBeNull();
      });
      const last = (kind: string) => history.filter((f) => f.kind === kind).at(-1)?.createdAt ?? null;
      const dueDate = history.reduce((due, f) => (f.kind === 'extension_approved' ? (f.newDueDate ?? due) : due), task.originalDueDate);
      const status = history.at(-1)?.toStatus;
      expect({
        status: task.status,
        progress: task.progress,
        dueDate: task.dueDate,
        extensionCount: task.extensionCount,
        returnCount: task.returnCount,
        assignedAt: task.assignedAt,
        acknowledgedAt: task.acknowledgedAt,
        submittedAt: task.submittedAt,
        completedAt: task.completedAt,
        cancelledAt: task.cancelledAt,
      }).toEqual({
        status,
        progress: history.filter((f) => f.progress !== null).at(-1)?.progress ?? 0,
        dueDate,
        extensionCount: history.filter((f) => f.kind === 'extension_approved').length,
        returnCount: history.filter((f) => f.kind === 'return').length,
        assignedAt: opening?.createdAt,
        acknowledgedAt: last('acknowledge'),
        submittedAt: status === 'submitted' || status === 'completed' ? last('submit') : null,
        completedAt: last('verify'),
        cancelledAt: last('cancel'),
      });
    }
  });

  it('gives the article’s figures from the monthly indicators', async () => {
    const rows = await t.db
      .select()
      .from(safetyIndicators)
      .where(isNull(safetyIndicators.departmentId))
      .orderBy(asc(safetyIndicators.year), asc(safetyIndicators.month));
    const total = (year: number, field: 'accidents' | 'deaths') =>
      rows.filter((r) => r.year === year).reduce((sum, r) => sum + r[field], 0);
    const change = (field: 'accidents' | 'deaths') => Math.round(((total(2017, field) - total(2015, field)) / total(2015, field)) * 100);
    expect(change('accidents')).toBe(-36);
    expect(change('deaths')).toBe(-32);

    const upToMarch2018 = rows.filter((r) => r.year * 12 + r.month <= 2018 * 12 + 3);
    expect(upToMarch2018).toHaveLength(39); // 2015-01 … 2018-03, no month missing
    let quiet = 0;
    for (const r of upToMarch2018.toReversed()) {
      if (r.majorAccidents > 0) break;
      quiet += 1;
    }
    expect(quiet).toBe(29);
    expect(rows.at(-1)).toMatchObject({ year: 2026, month: 4 });
  });

  it('keeps every agenda within its conference’s time', async () => {
    const rows = await t.db
      .select({
        minutes: sql<number>`coalesce(sum(${agendaItems.plannedMinutes}), 0)`.mapWith(Number),
        length: sql<number>`extract(epoch from ${conferences.endsAt} - ${conferences.startsAt}) / 60`.mapWith(Number),
      })
      .from(conferences)
      .leftJoin(agendaItems, eq(agendaItems.conferenceId, conferences.id))
      .groupBy(conferences.id);
    for (const r of rows) expect(r.minutes).toBeLessThanOrEqual(r.length);
  });
});

describe('planDemo', () => {
  it('builds a consistent plan, with live tasks in every status, on any day of a year', () => {
    const days = Array.from({ length: 53 }, (_, i) => addDays('2027-01-01', i * 7)).concat(['2027-12-31', '2028-02-29']);
    for (const day of days) {
      for (const time of ['00:05', '23:55']) {
        const today = new Date(`${day}T${time}:00+08:00`);
        const specs = planDemo(today);
        const year = Number(day.slice(0, 4));
        expect(specs.filter((s) => s.conference.year === year)).toHaveLength(4);
        const statuses = new Set(
          specs.flatMap((s) => s.actions.flatMap((a) => a.tasks.map((task) => replayTask(task.plan, today).state.status))),
        );
        expect([day, [...statuses].sort()]).toEqual([day, [...ALL_STATUSES].sort()]);
      }
    }
  });
});

describe('seedDemo on another database', () => {
  it('in early January carries the live tasks on last year’s conferences', async () => {
    const handle = await createTestDb();
    try {
      const today = new Date('2027-01-05T09:00:00+08:00');
      await expect(seedDemo(handle.db, { today })).resolves.toMatchObject({ seeded: true });
      const rows = await handle.db
        .select({ year: conferences.year, quarter: conferences.quarter, status: conferences.status, tasks: sql<number>`count(${tasks.id})`.mapWith(Number) })
        .from(conferences)
        .leftJoin(tasks, eq(tasks.conferenceId, conferences.id))
        .where(sql`${conferences.year} >= 2026`)
        .groupBy(conferences.id)
        .orderBy(asc(conferences.startsAt));
      expect(rows.map((r) => [r.year, r.quarter, r.status, r.tasks > 0])).toEqual([
        [2026, 3, 'minutes_published', true],
        [2026, 4, 'held', false],
        [2027, 1, 'scheduled', false],
        [2027, 2, 'draft', false],
        [2027, 3, 'draft', false],
        [2027, 4, 'draft', false],
      ]);
      const statuses = await handle.db.selectDistinct({ status: tasks.status }).from(tasks);
      expect(new Set(statuses.map((r) => r.status))).toEqual(new Set(ALL_STATUSES));
      const held = await handle.db
        .select({ n: sql<number>`count(*)`.mapWith(Number) })
        .from(requestedActions)
        .innerJoin(conferences, eq(conferences.id, requestedActions.conferenceId))
        .where(eq(conferences.status, 'held'));
      expect(held[0]?.n).toBeGreaterThan(0);
    } finally {
      await handle.close();
    }
  });

  it('refuses a database already in use and writes nothing', async () => {
    const handle = await createTestDb();
    try {
      await handle.db.insert(departments).values({ code: 'x', name: '某部门' });
      await expect(seedDemo(handle.db, { today: TODAY })).rejects.toBeInstanceOf(DemoSeedRefusedError);
      await expect(handle.db.select().from(users)).resolves.toEqual([]);
    } finally {
      await handle.close();
    }
  });
});
