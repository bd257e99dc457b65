import 'server-only';
import { asc, eq } from 'drizzle-orm';
import { getDb } from '@/db/runtime';
import { departments, settings } from '@/db/schema';
import { type Actor, systemActor } from '@/lib/auth/actor';
import { can, scopeOf } from '@/lib/auth/policy';
import { type Period, currentQuarter, previousQuarter, quarterPeriod, quartersIn } from '@/lib/domain/period';
import { type Quarter, cityOffset } from '@/lib/domain/quarters';
import { type ScoreWeights, defaultScoreWeights, departmentScore, rankByScore } from '@/lib/domain/scoring';
import { conflict } from '@/lib/errors';
import { parseInput } from '@/lib/validation/common';
import { type ScoreWeightsInput, scoreWeightsSchema } from '@/lib/validation/scoring';
import { writeAudit } from './audit';
import { attendanceByDepartment } from './conference-parts';
import { assertCan } from './guard';
import { type TaskFigures, noTaskFigures, taskFiguresByDepartment, taskFiguresByDepartmentAndQuarter } from './task-figures';

/**
 * Department scorecards and their ranking (排名通报). Every figure comes from SQL aggregates
 * (lib/data/task-figures.ts for tasks, attendanceByDepartment for conferences); what reaches
 * JavaScript is one row per department (a few hundred at most), which is merged, scored with
 * lib/domain/scoring.ts and ranked here. Ranking needs every department's score, so the ranked
 * rows are sorted in JavaScript rather than in the query, and the pages sort that small result too.
 */

export type DepartmentKind = (typeof departments.kind.enumValues)[number];

export interface ScorecardRow extends TaskFigures {
  departmentId: number;
  name: string;
  nameEn: string | null;
  kind: DepartmentKind;
  /** Present ÷ invited over the conferences held in the period; null when not invited to one. */
  attendanceRate: number | null;
  invited: number;
  present: number;
  /** 0–100 (lib/domain/scoring.ts); null without a weighted rate. */
  score: number | null;
  /** 1 = best, among all departments whatever the reader may see; null when not scored. */
  rank: number | null;
}

/** The settings row that holds the weights. */
export const scoreWeightsKey = 'ranking.weights';

/**
 * The ranking needs every department's figures even when a department head asks, since their rank is
 * among all departments. These aggregates are read as the system; only the rows the actor may see
 * leave this module (departmentScope applies report.read to them below).
 */
const wholeCity: Actor = systemActor;

type Span = Pick<Period, 'from' | 'to'>;

/** The instants a span of city calendar days covers: [first day 00:00, the day after the last). */
function instantsOf(span: Span): { from: Date; to: Date } {
  const from = new Date(`${span.from}T00:00:00${cityOffset}`);
  return { from, to: new Date(new Date(`${span.to}T00:00:00${cityOffset}`).getTime() + 86_400_000) };
}

/** The stored weights over the defaults; a stored value that no longer validates gives the defaults. */
function weightsOf(value: unknown): ScoreWeights {
  const stored = value !== null && typeof value === 'object' ? value : {};
  const parsed = scoreWeightsSchema.safeParse({ ...defaultScoreWeights, ...stored });
  return parsed.success ? (parsed.data as ScoreWeights) : { ...defaultScoreWeights };
}

/**
 * The ranking's weights and when they were last saved (null: never, the defaults apply). Not
 * secret: every page that shows a score shows its formula with these weights.
 */
export async function scoreWeights(): Promise<{ weights: ScoreWeights; updatedAt: Date | null }> {
  const db = await getDb();
  const [row] = await db.select({ value: settings.value, updatedAt: settings.updatedAt }).from(settings).where(eq(settings.key, scoreWeightsKey));
  return { weights: weightsOf(row?.value), updatedAt: row?.updatedAt ?? null };
}

/**
 * Saves new weights (admins). `expectedUpdatedAt` is the save the form was loaded with (null for the
 * defaults): if someone saved since, nothing is written and `conflict` carries what is saved now.
 */
export async function updateScoreWeights(actor: Actor, input: ScoreWeightsInput, expectedUpdatedAt: Date | null, now: Date = new Date()) {
  assertCan(actor, 'settings.manage');
  const weights = parseInput(scoreWeightsSchema, input) as ScoreWeights;
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(settings).where(eq(settings.key, scoreWeightsKey)).for('update');
    if ((before?.updatedAt.getTime() ?? null) !== (expectedUpdatedAt?.getTime() ?? null)) {
      throw conflict('stale ranking weights', { current: weightsOf(before?.value) });
    }
    const values = { value: weights, updatedById: actor.id > 0 ? actor.id : null, updatedAt: now };
    const [after] = before
      ? await tx.update(settings).set(values).where(eq(settings.key, scoreWeightsKey)).returning()
      : // Two first saves at once: the second inserts nothing and is refused like any stale save.
        await tx.insert(settings).values({ key: scoreWeightsKey, ...values }).onConflictDoNothing().returning();
    if (!after) throw conflict('ranking weights first saved twice at once');
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'settings.update',
      entityType: 'setting',
      entityId: scoreWeightsKey,
      before: before ? weightsOf(before.value) : null,
      after: weights,
    });
    return { weights, updatedAt: after.updatedAt };
  });
}

interface DepartmentInfo {
  id: number;
  name: string;
  nameEn: string | null;
  kind: DepartmentKind;
  active: boolean;
}

const departmentColumns = { id: departments.id, name: departments.name, nameEn: departments.nameEn, kind: departments.kind, active: departments.active };

/** Every department in the city's order (kind, then sort order): the order ties are listed in. */
async function departmentList(): Promise<DepartmentInfo[]> {
  const db = await getDb();
  return db
    .select(departmentColumns)
    .from(departments)
    .orderBy(asc(departments.kind), asc(departments.sortOrder), asc(departments.id));
}

type Attendance = { invited: number; present: number };

/**
 * Scores and ranks one period's figures. Listed: every department with tasks or invitations in it,
 * and every active department and district (those with nothing have no score and come last).
 */
function rankScorecards(
  list: DepartmentInfo[],
  figures: Map<number, TaskFigures>,
  attendance: Map<number, Attendance>,
  weights: ScoreWeights,
): ScorecardRow[] {
  const rows = list
    .filter((d) => figures.has(d.id) || attendance.has(d.id) || (d.active && d.kind !== 'office'))
    .map((d) => scorecardOf(d, figures.get(d.id), attendance.get(d.id), weights));
  return rankByScore(rows);
}

function scorecardOf(d: DepartmentInfo, figures: TaskFigures | undefined, attendance: Attendance | undefined, weights: ScoreWeights) {
  const f = figures ?? noTaskFigures;
  const invited = attendance?.invited ?? 0;
  const present = attendance?.present ?? 0;
  const attendanceRate = invited ? present / invited : null;
  return {
    departmentId: d.id,
    name: d.name,
    nameEn: d.nameEn,
    kind: d.kind,
    ...f,
    attendanceRate,
    invited,
    present,
    score: departmentScore({ ...f, attendanceRate }, weights),
  };
}

const byDepartment = <T extends { departmentId: number }>(rows: T[]) => new Map(rows.map((r) => [r.departmentId, r]));

/** Every department's scorecard for a period, ranked: four aggregate queries and the department list. */
async function cityRanking(period: Span, now: Date) {
  const [list, figures, attendance, { weights, updatedAt }] = await Promise.all([
    departmentList(),
    taskFiguresByDepartment(wholeCity, period, { now }),
    attendanceByDepartment(wholeCity, instantsOf(period)),
    scoreWeights(),
  ]);
  return { weights, weightsSavedAt: updatedAt, rows: rankScorecards(list, byDepartment(figures), byDepartment(attendance), weights) };
}

/** The rows of a ranking that the actor may see: all, or a department head's own. */
function visible(actor: Actor, rows: ScorecardRow[]): ScorecardRow[] {
  return scopeOf(actor, 'report.read') === 'all' ? rows : rows.filter((r) => actor.departmentId !== null && r.departmentId === actor.departmentId);
}

/**
 * The period's ranking as the actor may read it, with the number of departments ranked and the
 * weights used (and when they were saved). A department head gets their own row with its rank among all.
 */
export async function scorecardRanking(actor: Actor, period: Span, now: Date = new Date()) {
  assertCan(actor, 'report.read');
  const { rows, weights, weightsSavedAt } = await cityRanking(period, now);
  return { rows: visible(actor, rows), ranked: rows.filter((r) => r.rank !== null).length, weights, weightsSavedAt };
}

/**
 * One row per department for the period, best first (rank 1); departments without a score
 * (nothing assigned, no invitation) last. Used by the ranking page, its CSV and the supervision report.
 */
export async function departmentScorecards(actor: Actor, period: Period, now: Date = new Date()): Promise<ScorecardRow[]> {
  return (await scorecardRanking(actor, period, now)).rows;
}

/** Missing and not the actor's both read as null (the page answers "not found"). */
async function readableDepartment(actor: Actor, departmentId: number): Promise<DepartmentInfo | null> {
  assertCan(actor, 'report.read');
  if (!can(actor, 'report.read', { departmentId })) return null;
  const db = await getDb();
  const [row] = await db.select(departmentColumns).from(departments).where(eq(departments.id, departmentId));
  return row ?? null;
}

/** One department's scorecard for a period, with its rank among all and how many were ranked; null when unknown or not the actor's. */
export async function departmentScorecard(actor: Actor, departmentId: number, period: Span, now: Date = new Date()) {
  const department = await readableDepartment(actor, departmentId);
  if (!department) return null;
  const { rows, weights, weightsSavedAt } = await cityRanking(period, now);
  // A department not listed (inactive, or an office, with nothing in the period) has an empty card.
  const row = rows.find((r) => r.departmentId === departmentId) ?? { ...scorecardOf(department, undefined, undefined, weights), rank: null };
  return { department, row, ranked: rows.filter((r) => r.rank !== null).length, weights, weightsSavedAt };
}

/** The most quarters a department page compares (ten years). */
export const maxScorecardQuarters = 40;

/** The last `n` quarters up to the one `now` is in, oldest first. */
function lastQuarters(n: number, now: Date): { year: number; quarter: Quarter }[] {
  const current = currentQuarter(now);
  if (current.kind !== 'quarter') return [];
  const out = [{ year: current.year, quarter: current.quarter }];
  while (out.length < n) out.unshift(previousQuarter(out[0]!.year, out[0]!.quarter));
  return out;
}

export type QuarterScorecard = ScorecardRow & { year: number; quarter: Quarter; period: Period; ranked: number };

/**
 * A department's scorecard in each quarter, oldest first: the last `quarters` quarters up to now,
 * or the quarters of a period. Each quarter is ranked among all departments of that quarter (tasks
 * by the quarter they were assigned in, conferences by the quarter they were held in). Null when
 * the department is unknown or not the actor's (a department head asking for another's).
 */
export async function departmentScorecardByQuarter(
  actor: Actor,
  departmentId: number,
  options: ({ quarters: number } | { period: Span }) & { now?: Date },
) {
  const now = options.now ?? new Date();
  const department = await readableDepartment(actor, departmentId);
  if (!department) return null;
  const quarters = ('period' in options ? quartersIn(options.period) : lastQuarters(Math.max(1, options.quarters), now)).slice(-maxScorecardQuarters);
  const first = quarterPeriod(quarters[0]!.year, quarters[0]!.quarter);
  const last = quarterPeriod(quarters.at(-1)!.year, quarters.at(-1)!.quarter);
  const span = { from: first.from, to: last.to };
  const [list, figures, attendance, { weights }] = await Promise.all([
    departmentList(),
    taskFiguresByDepartmentAndQuarter(wholeCity, span, { now }),
    attendanceByDepartment(wholeCity, instantsOf(span), { byQuarter: true }),
    scoreWeights(),
  ]);
  const inQuarter = (year: number, quarter: number) => (r: { year?: number; quarter?: number }) => r.year === year && r.quarter === quarter;
  const rows: QuarterScorecard[] = quarters.map(({ year, quarter }) => {
    const ranking = rankScorecards(list, byDepartment(figures.filter(inQuarter(year, quarter))), byDepartment(attendance.filter(inQuarter(year, quarter))), weights);
    const row = ranking.find((r) => r.departmentId === departmentId) ?? { ...scorecardOf(department, undefined, undefined, weights), rank: null };
    return { ...row, year, quarter, period: quarterPeriod(year, quarter), ranked: ranking.filter((r) => r.rank !== null).length };
  });
  return { department, weights, quarters: rows };
}
