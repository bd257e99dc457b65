import 'server-only';
import { type SQL, and, asc, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { type Db, type Tx, executeRows } from '@/db/client';
import { getDb } from '@/db/runtime';
import { departments, safetyIndicators } from '@/db/schema';
import type { Actor } from '@/lib/auth/actor';
import { decodeCsv, parseCsv } from '@/lib/domain/csv';
import {
  type IndicatorCsvRecord,
  type IndicatorMeasure,
  type YearMonth,
  changeRatio,
  cityMonth,
  comparedMonths,
  defaultCompareYear,
  districtKey,
  indicatorMeasures,
  isAfterMonth,
  looksBinary,
  monthIndex,
  monthOfIndex,
  parseIndicatorCsv,
} from '@/lib/domain/indicators';
import type { Quarter } from '@/lib/domain/quarters';
import { AppError, conflict, notFound } from '@/lib/errors';
import { ValidationError, parseInput } from '@/lib/validation/common';
import { type CorrectIndicatorInput, type RecordIndicatorInput, correctIndicatorSchema, recordIndicatorSchema } from '@/lib/validation/indicators';
import { writeAudit } from './audit';
import { CsvImportError } from './department-import';
import { assertCan } from './guard';
import { type ListQuery, pageOf } from './list-query';

const si = safetyIndicators;
/** The month as one integer, the same as `monthIndex` in lib/domain/indicators. */
const monthIdx = sql<number>`(${si.year} * 12 + ${si.month} - 1)`;

/** The rows of one region: the whole city (department null) or a district. */
const regionIs = (departmentId: number | null): SQL => (departmentId === null ? isNull(si.departmentId) : eq(si.departmentId, departmentId));

export type IndicatorTotals = Record<IndicatorMeasure, number> & { months: number };

/** Sums of a group of rows: counts as integers, the loss (万元) as a number. */
const totalsSql = sql`
  count(*)::int AS months,
  coalesce(sum(accidents), 0)::int AS accidents,
  coalesce(sum(deaths), 0)::int AS deaths,
  coalesce(sum(injuries), 0)::int AS injuries,
  coalesce(sum(major_accidents), 0)::int AS "majorAccidents",
  coalesce(sum(direct_loss), 0)::float8 AS "directLoss"`;

/** The districts figures may be recorded for; the whole city is the region without a department. */
export async function listIndicatorRegions(actor: Actor) {
  assertCan(actor, 'indicator.read');
  const db = await getDb();
  return db
    .select({ id: departments.id, name: departments.name, nameEn: departments.nameEn })
    .from(departments)
    .where(and(eq(departments.kind, 'district'), eq(departments.active, true)))
    .orderBy(asc(departments.sortOrder), asc(departments.id));
}

export interface IndicatorSummaryOptions {
  /** Null (default) for the whole city, or a district's department id. */
  departmentId?: number | null;
  /** Figures known at the end of this month; default the latest recorded month. */
  asOf?: YearMonth;
  /** Default the first recorded year. */
  baselineYear?: number;
  /** Default the last complete year at `asOf` (`defaultCompareYear`); must lie after the baseline, at most in `asOf`'s year. */
  compareYear?: number;
  /** First year of the trend (default the baseline); the trend runs to `asOf`. */
  fromYear?: number;
}

/**
 * The indicator figures of one region as of a month, every one a SQL aggregate: totals per year and
 * per quarter, the compared year against the baseline year (the same months of each, see
 * `comparedMonths`) and the recorded months since the last major accident. Null when the region
 * has no recorded month at all.
 */
export async function indicatorSummary(actor: Actor, options: IndicatorSummaryOptions = {}) {
  assertCan(actor, 'indicator.read');
  const db = await getDb();
  const departmentId = options.departmentId ?? null;
  const region = regionIs(departmentId);
  const [bounds] = await db
    .select({ firstYear: sql<number | null>`min(${si.year})::int`, lastIdx: sql<number | null>`max(${monthIdx})::int` })
    .from(si)
    .where(region);
  if (!bounds || bounds.firstYear === null || bounds.lastIdx === null) return null;
  const latest = monthOfIndex(bounds.lastIdx);
  const firstYear = bounds.firstYear;

  const asOf = options.asOf ?? latest;
  const asOfIdx = monthIndex(asOf);
  const baselineYear = options.baselineYear !== undefined && options.baselineYear <= asOf.year ? options.baselineYear : Math.min(firstYear, asOf.year);
  const compareYear =
    options.compareYear !== undefined && options.compareYear > baselineYear && options.compareYear <= asOf.year
      ? options.compareYear
      : defaultCompareYear(asOf, baselineYear);
  const fromYear = options.fromYear !== undefined && options.fromYear <= asOf.year ? options.fromYear : baselineYear;
  const months = compareYear === null ? 12 : comparedMonths(compareYear, asOf);

  const [compared, trend, [run]] = await Promise.all([
    executeRows<IndicatorTotals & { year: number }>(
      db,
      sql`SELECT year, ${totalsSql} FROM ${si}
          WHERE ${region} AND year IN (${baselineYear}, ${compareYear ?? baselineYear}) AND month <= ${months}
          GROUP BY year`,
    ),
    executeRows<IndicatorTotals & { year: number; quarter: Quarter | null }>(
      db,
      sql`SELECT year, ((month - 1) / 3 + 1)::int AS quarter, ${totalsSql} FROM ${si}
          WHERE ${region} AND year >= ${fromYear} AND ${monthIdx} <= ${asOfIdx}
          GROUP BY GROUPING SETS ((year), (year, (month - 1) / 3 + 1))
          ORDER BY year, quarter NULLS FIRST`,
    ),
    majorAccidentRun(db, region, asOfIdx),
  ]);

  const empty: IndicatorTotals = { months: 0, accidents: 0, deaths: 0, injuries: 0, majorAccidents: 0, directLoss: 0 };
  const totalsOf = (year: number): IndicatorTotals => ({ ...empty, ...compared.find((r) => r.year === year) });
  const baseline = totalsOf(baselineYear);
  const current = compareYear === null ? null : totalsOf(compareYear);
  const change = Object.fromEntries(
    indicatorMeasures.map((m) => [m, current ? changeRatio(current[m], baseline[m]) : null]),
  ) as Record<IndicatorMeasure, number | null>;

  return {
    departmentId,
    asOf,
    latest,
    firstYear,
    baselineYear,
    compareYear,
    fromYear,
    /** Months of each year compared: 12, or January to the "as of" month. */
    comparedMonths: months,
    baseline,
    compare: current,
    change,
    years: trend.filter((r) => r.quarter === null).map(({ quarter: _, ...r }) => r),
    quarters: trend.filter((r) => r.quarter !== null) as (IndicatorTotals & { year: number; quarter: Quarter })[],
    withoutMajorAccident: {
      months: run?.months ?? 0,
      lastMajor: run?.lastMajor == null ? null : monthOfIndex(run.lastMajor),
      through: run?.through == null ? null : monthOfIndex(run.through),
    },
  };
}

export type IndicatorSummary = NonNullable<Awaited<ReturnType<typeof indicatorSummary>>>;

/**
 * Recorded months after the last month with a major accident, up to and including `asOfIdx`
 * (the rule of `monthsWithoutMajorAccident`, in SQL).
 */
async function majorAccidentRun(db: Db | Tx, region: SQL, asOfIdx: number) {
  return executeRows<{ months: number; lastMajor: number | null; through: number | null }>(
    db,
    sql`WITH scoped AS (
          SELECT ${monthIdx} AS idx, major_accidents FROM ${si} WHERE ${region} AND ${monthIdx} <= ${asOfIdx}
        ), last_major AS (
          SELECT max(idx) AS idx FROM scoped WHERE major_accidents > 0
        )
        SELECT count(*)::int AS months, (SELECT idx FROM last_major)::int AS "lastMajor", max(idx)::int AS through
        FROM scoped WHERE idx > coalesce((SELECT idx FROM last_major), -1)`,
  );
}

/**
 * What a conference's work report can quote: the whole city as of the conference's month (figures
 * recorded up to and including it), the last complete year against the first recorded year, and
 * the months without a major accident. For the 2018 Q1 demo conference: −36 %, −32 %, 29 months.
 */
export async function indicatorQuote(actor: Actor, conferenceStartsAt: Date) {
  const summary = await indicatorSummary(actor, { asOf: cityMonth(conferenceStartsAt) });
  if (!summary?.compare || summary.withoutMajorAccident.through === null) return null;
  return summary;
}

export interface IndicatorListQuery extends ListQuery<'period' | 'accidents' | 'deaths' | 'injuries' | 'majorAccidents' | 'directLoss' | 'updatedAt'> {
  departmentId?: number | null;
  year?: number;
}

const recordColumns = {
  id: si.id,
  year: si.year,
  month: si.month,
  departmentId: si.departmentId,
  accidents: si.accidents,
  deaths: si.deaths,
  injuries: si.injuries,
  majorAccidents: si.majorAccidents,
  directLoss: sql<number>`${si.directLoss}::float8`,
  version: si.version,
  updatedAt: si.updatedAt,
};

/** The recorded months of one region, sorted and paged in SQL. */
export async function listIndicatorMonths(actor: Actor, query: IndicatorListQuery) {
  assertCan(actor, 'indicator.read');
  const db = await getDb();
  const where = and(regionIs(query.departmentId ?? null), query.year ? eq(si.year, query.year) : undefined);
  const sortColumns = {
    period: monthIdx,
    accidents: si.accidents,
    deaths: si.deaths,
    injuries: si.injuries,
    majorAccidents: si.majorAccidents,
    directLoss: si.directLoss,
    updatedAt: si.updatedAt,
  } as const;
  const sortBy = sortColumns[query.sort ?? 'period'];
  const { limit, offset } = pageOf(query);
  const [rows, [total]] = await Promise.all([
    db
      .select(recordColumns)
      .from(si)
      .where(where)
      .orderBy(query.dir === 'asc' ? asc(sortBy) : desc(sortBy), desc(monthIdx), asc(si.id))
      .limit(limit)
      .offset(offset),
    db.select({ value: count() }).from(si).where(where),
  ]);
  return { rows, total: total?.value ?? 0 };
}

export type IndicatorMonthRow = Awaited<ReturnType<typeof listIndicatorMonths>>['rows'][number];

/** The years with recorded months in a region, newest first (the table's year filter). */
export async function indicatorYears(actor: Actor, departmentId: number | null): Promise<number[]> {
  assertCan(actor, 'indicator.read');
  const db = await getDb();
  const rows = await db.selectDistinct({ year: si.year }).from(si).where(regionIs(departmentId)).orderBy(desc(si.year));
  return rows.map((r) => r.year);
}

/** One recorded month, for the correction form. */
export async function getIndicatorMonth(actor: Actor, id: number) {
  assertCan(actor, 'indicator.read');
  const db = await getDb();
  const [row] = await db.select(recordColumns).from(si).where(eq(si.id, id));
  return row ?? null;
}

const lossText = (n: number) => n.toFixed(2);

async function assertDistrict(tx: Tx, departmentId: number | null | undefined) {
  if (departmentId == null) return;
  const [found] = await tx
    .select({ id: departments.id })
    .from(departments)
    .where(and(eq(departments.id, departmentId), eq(departments.kind, 'district')));
  if (!found) throw new ValidationError({ departmentId: [{ key: 'unknownDepartment' }] });
}

/**
 * Records a month not recorded yet. A month already recorded is refused (`indicatorMonthRecorded`,
 * with its id): it is corrected through `correctIndicatorMonth`, against its version.
 */
export async function recordIndicatorMonth(actor: Actor, input: RecordIndicatorInput, now: Date = new Date()) {
  assertCan(actor, 'indicator.manage');
  const data = parseInput(recordIndicatorSchema, input);
  if (isAfterMonth(data, cityMonth(now))) throw new ValidationError({ month: [{ key: 'indicators.futureMonth' }] });
  const db = await getDb();
  return db.transaction(async (tx) => {
    await assertDistrict(tx, data.departmentId);
    const [row] = await tx
      .insert(si)
      .values({
        year: data.year,
        month: data.month,
        departmentId: data.departmentId ?? null,
        accidents: data.accidents,
        deaths: data.deaths,
        injuries: data.injuries,
        majorAccidents: data.majorAccidents,
        directLoss: lossText(data.directLoss),
        createdById: actor.id > 0 ? actor.id : null,
      })
      .onConflictDoNothing()
      .returning(recordColumns);
    if (!row) {
      const [existing] = await tx
        .select({ id: si.id })
        .from(si)
        .where(and(eq(si.year, data.year), eq(si.month, data.month), regionIs(data.departmentId ?? null)));
      throw new AppError('conflict', 'indicatorMonthRecorded', 'month already recorded', { existingId: existing?.id });
    }
    await writeAudit(tx, { actorId: actor.id, action: 'indicator.record', entityType: 'safety_indicator', entityId: row.id, after: row });
    return row;
  });
}

/** Corrects a recorded month's figures against the version the editor loaded; a stale save gets the saved values back. */
export async function correctIndicatorMonth(actor: Actor, input: CorrectIndicatorInput) {
  assertCan(actor, 'indicator.manage');
  const data = parseInput(correctIndicatorSchema, input);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx.select(recordColumns).from(si).where(eq(si.id, data.id)).for('update');
    if (!before) throw notFound(`safety indicator ${data.id}`);
    if (before.version !== data.version) throw conflict('stale safety indicator', { current: before });
    const [after] = await tx
      .update(si)
      .set({
        accidents: data.accidents,
        deaths: data.deaths,
        injuries: data.injuries,
        majorAccidents: data.majorAccidents,
        directLoss: lossText(data.directLoss),
        version: before.version + 1,
        updatedAt: new Date(),
      })
      .where(eq(si.id, data.id))
      .returning(recordColumns);
    await writeAudit(tx, { actorId: actor.id, action: 'indicator.correct', entityType: 'safety_indicator', entityId: data.id, before, after });
    return after!;
  });
}

const maxImportRows = 2_000;

/**
 * Imports monthly figures from CSV (UTF-8 with or without BOM, or GBK): every row or none. A month
 * already recorded for the same region is updated with the file's figures (a corrected sheet is
 * simply imported again); optional columns the file leaves out keep their recorded values.
 * Problems come back as `CsvImportError` rows `{ row, column, key }`.
 */
export async function importIndicators(actor: Actor, bytes: Uint8Array, now: Date = new Date()) {
  assertCan(actor, 'indicator.manage');
  if (looksBinary(bytes)) throw new CsvImportError([{ row: 1, column: '', key: 'indicators.notText' }]);
  const { text, encoding } = decodeCsv(bytes);
  const rows = parseCsv(text);
  if (rows.length === 0) throw new CsvImportError([{ row: 1, column: '', key: 'csvEmpty' }]);
  if (rows.length > maxImportRows + 1) throw new CsvImportError([{ row: maxImportRows + 2, column: '', key: 'csvTooManyRows', values: { max: maxImportRows } }]);

  const db = await getDb();
  const districtRows = await db
    .select({ id: departments.id, code: departments.code, name: departments.name, nameEn: departments.nameEn, shortName: departments.shortName, shortNameEn: departments.shortNameEn })
    .from(departments)
    .where(eq(departments.kind, 'district'));
  const districts = new Map<string, number>();
  for (const d of districtRows) {
    for (const name of [d.code, d.shortNameEn, d.nameEn, d.shortName, d.name]) if (name) districts.set(districtKey(name), d.id);
  }
  const { records, problems } = parseIndicatorCsv(rows, { districts, latest: cityMonth(now) });
  if (problems.length) throw new CsvImportError(problems);

  return db.transaction(async (tx) => {
    const before = await lockExisting(tx, records);
    const written = await upsertRecords(tx, actor, records);
    const created = written.filter((r) => r.created).length;
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'indicator.import',
      entityType: 'safety_indicator',
      before: before.length ? before : null,
      after: { created, updated: written.length - created, encoding, rows: records.map(({ row: _, ...r }) => r) },
    });
    return { created, updated: written.length - created, encoding };
  });
}

/** The recorded months a file rewrites, locked and kept for the audit row. */
async function lockExisting(tx: Tx, records: IndicatorCsvRecord[]) {
  const keys = sql.join(
    records.map((r) => sql`(${r.year}::int, ${r.month}::int, ${r.departmentId}::int)`),
    sql`, `,
  );
  return executeRows<Record<string, unknown>>(
    tx,
    sql`SELECT s.id, s.year, s.month, s.department_id AS "departmentId", s.accidents, s.deaths, s.injuries,
               s.major_accidents AS "majorAccidents", s.direct_loss::float8 AS "directLoss", s.version
        FROM ${si} s JOIN (VALUES ${keys}) AS k(year, month, department_id)
          ON s.year = k.year AND s.month = k.month AND s.department_id IS NOT DISTINCT FROM k.department_id
        ORDER BY s.id
        FOR UPDATE OF s`,
  );
}

/**
 * Inserts the new months and updates the recorded ones in one statement per batch. The columns
 * a file leaves out are left out of the update too. `created` tells a new row from an updated one.
 */
async function upsertRecords(tx: Tx, actor: Actor, records: IndicatorCsvRecord[]) {
  const out: { id: number; created: boolean }[] = [];
  // The optional columns present in this file (the same for every row).
  const present = (['injuries', 'majorAccidents', 'directLoss'] as const).filter((m) => records[0]?.[m] !== undefined);
  const excluded = { injuries: sql`excluded.injuries`, majorAccidents: sql`excluded.major_accidents`, directLoss: sql`excluded.direct_loss` };
  for (let i = 0; i < records.length; i += 500) {
    const batch = records.slice(i, i + 500);
    const rows = await tx
      .insert(si)
      .values(
        batch.map((r) => ({
          year: r.year,
          month: r.month,
          departmentId: r.departmentId,
          accidents: r.accidents,
          deaths: r.deaths,
          injuries: r.injuries ?? 0,
          majorAccidents: r.majorAccidents ?? 0,
          directLoss: lossText(r.directLoss ?? 0),
          createdById: actor.id > 0 ? actor.id : null,
        })),
      )
      .onConflictDoUpdate({
        target: [si.year, si.month, si.departmentId],
        set: {
          accidents: sql`excluded.accidents`,
          deaths: sql`excluded.deaths`,
          ...Object.fromEntries(present.map((m) => [m, excluded[m]])),
          version: sql`${si.version} + 1`,
          updatedAt: new Date(),
        },
      })
      // A row inserted by this statement has no deleting transaction yet (xmax 0); an updated one has.
      .returning({ id: si.id, created: sql<boolean>`(xmax = 0)` });
    out.push(...rows);
  }
  return out;
}
