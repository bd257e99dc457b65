import { and, count, eq, isNull } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { beforeAll, describe, expect, it } from 'vitest';
import { auditLog, safetyIndicators } from '@/db/schema';
import { indicatorRows } from '@/db/seed/indicators';
import type { Actor } from '@/lib/auth/actor';
import { monthsWithoutMajorAccident } from '@/lib/domain/indicators';
import { AppError } from '@/lib/errors';
import { ValidationError } from '@/lib/validation/common';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { CsvImportError } from './department-import';
import {
  correctIndicatorMonth,
  getIndicatorMonth,
  importIndicators,
  indicatorQuote,
  indicatorSummary,
  indicatorYears,
  listIndicatorMonths,
  listIndicatorRegions,
  recordIndicatorMonth,
} from './safety-indicators';

const t = useTestDb();
const today = new Date('2026-05-20T08:00:00+08:00');
const demo = indicatorRows(today, null);
let secretary: Actor;
let admin: Actor;
let leader: Actor;
let head: Actor;
let zhongshan: number;
let xigang: number;

beforeAll(async () => {
  zhongshan = (await makeDepartment(t.db, { code: 'zhongshan', name: '中山区', nameEn: 'Zhongshan District', shortName: '中山', kind: 'district' })).id;
  xigang = (await makeDepartment(t.db, { code: 'xigang', name: '西岗区', nameEn: 'Xigang District', kind: 'district' })).id;
  const bureau = await makeDepartment(t.db, { code: 'emergency', name: '大连市应急管理局', kind: 'department' });
  secretary = await makeActor(t.db, 'secretary');
  admin = await makeActor(t.db, 'admin');
  leader = await makeActor(t.db, 'leader');
  head = await makeActor(t.db, 'department_head', bureau.id);
  await t.db.insert(safetyIndicators).values(demo);
});

const csv = (text: string) => new TextEncoder().encode(text);
const rowCount = async () => (await t.db.select({ n: count() }).from(safetyIndicators))[0]!.n;

async function importProblems(bytes: Uint8Array) {
  const error = await importIndicators(secretary, bytes, today).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CsvImportError);
  return (error as CsvImportError).rowErrors;
}

describe('the demo indicators, as the 2018 article quotes them', () => {
  it('gives accidents −36 % and deaths −32 % for 2017 against the baseline 2015', async () => {
    const summary = (await indicatorSummary(leader, { asOf: { year: 2018, month: 3 }, baselineYear: 2015 }))!;
    expect(summary.compareYear).toBe(2017);
    expect(summary.comparedMonths).toBe(12);
    expect(summary.baseline).toMatchObject({ months: 12, accidents: 450, deaths: 250 });
    expect(summary.compare).toMatchObject({ months: 12, accidents: 288, deaths: 170 });
    expect(summary.change.accidents).toBeCloseTo(-0.36, 10);
    expect(summary.change.deaths).toBeCloseTo(-0.32, 10);
  });

  it('counts 29 consecutive months without a major accident as of March 2018, the last one in October 2015', async () => {
    const summary = (await indicatorSummary(head, { asOf: { year: 2018, month: 3 } }))!;
    expect(summary.baselineYear).toBe(2015);
    expect(summary.withoutMajorAccident).toEqual({ months: 29, lastMajor: { year: 2015, month: 10 }, through: { year: 2018, month: 3 } });
  });

  it('counts months without a major accident by the same rule in SQL as in lib/domain, at any month', async () => {
    const city = demo.filter((r) => r.departmentId === null).map((r) => ({ year: r.year, month: r.month, majorAccidents: r.majorAccidents ?? 0 }));
    for (const asOf of [{ year: 2015, month: 2 }, { year: 2015, month: 3 }, { year: 2015, month: 8 }, { year: 2016, month: 1 }, { year: 2024, month: 6 }]) {
      const summary = (await indicatorSummary(leader, { asOf }))!;
      expect(summary.withoutMajorAccident).toEqual(monthsWithoutMajorAccident(city, asOf));
    }
  });

  it('quotes −36 %, −32 % and 29 months for a conference in March 2018', async () => {
    const quote = (await indicatorQuote(leader, new Date('2018-03-16T10:30:00+08:00')))!;
    expect([quote.baselineYear, quote.compareYear]).toEqual([2015, 2017]);
    expect(quote.change.accidents).toBeCloseTo(-0.36, 10);
    expect(quote.change.deaths).toBeCloseTo(-0.32, 10);
    expect(quote.withoutMajorAccident.months).toBe(29);
    expect(await indicatorQuote(leader, new Date('2014-06-01T10:00:00+08:00'))).toBeNull();
  });

  it('sums each year and quarter in SQL, up to the "as of" month', async () => {
    const summary = (await indicatorSummary(leader, { asOf: { year: 2018, month: 3 }, fromYear: 2015 }))!;
    expect(summary.years.map((y) => [y.year, y.months, y.accidents, y.deaths])).toEqual([
      [2015, 12, 450, 250],
      [2016, 12, 362, 206],
      [2017, 12, 288, 170],
      [2018, 3, expect.any(Number), expect.any(Number)],
    ]);
    expect(summary.quarters).toHaveLength(13);
    const q2015 = summary.quarters.filter((q) => q.year === 2015);
    expect(q2015.map((q) => q.quarter)).toEqual([1, 2, 3, 4]);
    expect(q2015.reduce((sum, q) => sum + q.accidents, 0)).toBe(450);
    expect(q2015.reduce((sum, q) => sum + q.majorAccidents, 0)).toBe(3);
    const loss2015 = demo.filter((r) => r.year === 2015).reduce((sum, r) => sum + Number(r.directLoss), 0);
    expect(summary.years[0]!.directLoss).toBeCloseTo(loss2015, 2);
  });

  it('sets part of the running year against the same months of the baseline', async () => {
    const summary = (await indicatorSummary(leader, { asOf: { year: 2018, month: 3 }, baselineYear: 2015, compareYear: 2018 }))!;
    expect(summary.comparedMonths).toBe(3);
    expect(summary.baseline.months).toBe(3);
    const q1 = (year: number) => demo.filter((r) => r.year === year && r.month <= 3 && r.departmentId === null).reduce((s, r) => s + (r.accidents ?? 0), 0);
    expect(summary.baseline.accidents).toBe(q1(2015));
    expect(summary.compare!.accidents).toBe(q1(2018));
  });

  it('defaults to the latest recorded month and the first recorded year; a district without figures has none', async () => {
    const summary = (await indicatorSummary(leader))!;
    expect(summary.asOf).toEqual({ year: 2026, month: 4 });
    expect(summary.baselineYear).toBe(2015);
    expect(summary.compareYear).toBe(2025);
    expect(await indicatorSummary(leader, { departmentId: xigang })).toBeNull();
  });
});

describe('recording and correcting a month', () => {
  it('records a district month, writes an audit row, and refuses the same month twice', async () => {
    const row = await recordIndicatorMonth(secretary, { year: 2018, month: 3, departmentId: zhongshan, accidents: '3', deaths: '1', injuries: '2', majorAccidents: '', directLoss: '40.5' }, today);
    expect(row).toMatchObject({ year: 2018, month: 3, departmentId: zhongshan, accidents: 3, deaths: 1, injuries: 2, majorAccidents: 0, directLoss: 40.5, version: 1 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'indicator.record'), eq(auditLog.entityId, String(row.id))));
    expect(audit).toHaveLength(1);
    const again = await recordIndicatorMonth(secretary, { year: 2018, month: 3, departmentId: zhongshan, accidents: 1, deaths: 0 }, today).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'conflict', messageKey: 'indicatorMonthRecorded', details: { existingId: row.id } });
    // The city's March 2018 is the demo's: also refused, not overwritten.
    const city = await recordIndicatorMonth(admin, { year: 2018, month: 3, accidents: 1, deaths: 0 }, today).catch((e: unknown) => e);
    expect(city).toMatchObject({ messageKey: 'indicatorMonthRecorded' });
    expect((await indicatorSummary(leader, { asOf: { year: 2018, month: 3 } }))!.withoutMajorAccident.months).toBe(29);
  });

  it('refuses negative or non-numeric figures, a month to come and more major accidents than accidents, naming the field', async () => {
    const fields = async (input: Parameters<typeof recordIndicatorMonth>[1]) => {
      const error = await recordIndicatorMonth(secretary, input, today).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      return (error as ValidationError).fieldErrors;
    };
    expect(await fields({ year: 2019, month: 1, departmentId: zhongshan, accidents: -1, deaths: 'x' })).toEqual({
      accidents: [{ key: 'indicators.negative' }],
      deaths: [{ key: 'indicators.notCount' }],
    });
    expect(await fields({ year: 2026, month: 6, departmentId: zhongshan, accidents: 1, deaths: 0 })).toEqual({ month: [{ key: 'indicators.futureMonth' }] });
    expect(await fields({ year: 2019, month: 13, departmentId: zhongshan, accidents: 1, deaths: 0, majorAccidents: 2 })).toEqual({
      month: [{ key: 'indicators.month' }],
    });
    expect(await fields({ year: 2019, month: 2, departmentId: zhongshan, accidents: 1, deaths: 0, majorAccidents: 2 })).toEqual({
      majorAccidents: [{ key: 'indicators.majorExceedsAccidents' }],
    });
  });

  it('corrects a month against its version; a stale correction gets the saved figures back', async () => {
    const row = await recordIndicatorMonth(secretary, { year: 2018, month: 2, departmentId: zhongshan, accidents: 2, deaths: 1 }, today);
    const corrected = await correctIndicatorMonth(admin, { id: row.id, version: 1, accidents: 4, deaths: 1, injuries: 3 });
    expect(corrected).toMatchObject({ accidents: 4, injuries: 3, version: 2 });
    const stale = await correctIndicatorMonth(secretary, { id: row.id, version: 1, accidents: 5, deaths: 1 }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(AppError);
    expect(stale).toMatchObject({ code: 'conflict', details: { current: expect.objectContaining({ accidents: 4, version: 2 }) } });
    expect(await getIndicatorMonth(leader, row.id)).toMatchObject({ accidents: 4, version: 2 });
    const audit = await t.db.select().from(auditLog).where(and(eq(auditLog.action, 'indicator.correct'), eq(auditLog.entityId, String(row.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]!.before).toMatchObject({ accidents: 2 });
  });

  it('lets only secretaries and admins write: a leader and a department head are refused', async () => {
    const [city] = await t.db.select().from(safetyIndicators).where(and(eq(safetyIndicators.year, 2016), eq(safetyIndicators.month, 1), isNull(safetyIndicators.departmentId)));
    for (const actor of [leader, head]) {
      await expect(recordIndicatorMonth(actor, { year: 2019, month: 4, accidents: 1, deaths: 0 }, today)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(correctIndicatorMonth(actor, { id: city!.id, version: city!.version, accidents: 1, deaths: 0 })).rejects.toMatchObject({ code: 'forbidden' });
      await expect(importIndicators(actor, csv('年份,月份,事故起数,死亡人数\n2019,4,1,0\n'), today)).rejects.toMatchObject({ code: 'forbidden' });
    }
    expect(await getIndicatorMonth(leader, city!.id)).toMatchObject({ accidents: city!.accidents, version: 1 });
  });
});

describe('listing the recorded months', () => {
  it('pages and sorts in SQL, newest month first by default, for one region and year', async () => {
    const page = await listIndicatorMonths(leader, { pageSize: 5 });
    expect(page.total).toBe(demo.length);
    expect(page.rows.map((r) => `${r.year}-${r.month}`)).toEqual(['2026-4', '2026-3', '2026-2', '2026-1', '2025-12']);
    const by2015 = await listIndicatorMonths(leader, { year: 2015, sort: 'majorAccidents', dir: 'desc', pageSize: 3 });
    expect(by2015).toMatchObject({ total: 12 });
    expect(by2015.rows.map((r) => [r.month, r.majorAccidents])).toEqual([[10, 1], [7, 1], [3, 1]]);
    const district = await listIndicatorMonths(leader, { departmentId: zhongshan });
    expect(district.rows.every((r) => r.departmentId === zhongshan)).toBe(true);
    expect(await indicatorYears(leader, null)).toEqual([2026, 2025, 2024, 2023, 2022, 2021, 2020, 2019, 2018, 2017, 2016, 2015]);
    expect((await listIndicatorRegions(head)).map((r) => r.name)).toEqual(['中山区', '西岗区']);
  });
});

describe('importing a CSV', () => {
  it('imports a GBK file written by Excel, district by name or code, and says how many months were added', async () => {
    const before = await rowCount();
    const text = '年份,月份,区县,事故起数,死亡人数,受伤人数,较大及以上事故,直接经济损失（万元）\r\n2017,1,西岗区,2,1,1,0,12.5\r\n2017,2,xigang,1,0,0,0,3\r\n2017,3,Xigang District,4,2,3,1,80\r\n';
    const result = await importIndicators(secretary, iconv.encode(text, 'gbk'), today);
    expect(result).toEqual({ created: 3, updated: 0, encoding: 'gbk' });
    expect(await rowCount()).toBe(before + 3);
    const summary = (await indicatorSummary(leader, { departmentId: xigang }))!;
    expect(summary.asOf).toEqual({ year: 2017, month: 3 });
    expect(summary.years).toEqual([{ year: 2017, months: 3, accidents: 7, deaths: 3, injuries: 4, majorAccidents: 1, directLoss: 95.5 }]);
    expect(summary.withoutMajorAccident.months).toBe(0);
    const [audit] = await t.db.select().from(auditLog).where(eq(auditLog.action, 'indicator.import'));
    expect(audit!.after).toMatchObject({ created: 3, updated: 0, encoding: 'gbk' });
  });

  it('updates a month already recorded, keeping the figures of columns the file leaves out', async () => {
    const before = await rowCount();
    const result = await importIndicators(secretary, csv('\uFEFFyear,month,district,accidents,deaths\n2017,1,西岗区,3,1\n2017,4,西岗区,1,0\n'), today);
    expect(result).toEqual({ created: 1, updated: 1, encoding: 'utf-8' });
    expect(await rowCount()).toBe(before + 1);
    const { rows } = await listIndicatorMonths(leader, { departmentId: xigang, sort: 'period', dir: 'asc' });
    expect(rows.map((r) => [r.month, r.accidents, r.injuries, r.directLoss, r.version])).toEqual([
      [1, 3, 1, 12.5, 2],
      [2, 1, 0, 3, 1],
      [3, 4, 3, 80, 1],
      [4, 1, 0, 0, 1],
    ]);
  });

  it('refuses a file with a wrong header, naming the columns, and writes nothing', async () => {
    const before = await rowCount();
    expect(await importProblems(csv('年份,月份,事故数量,死亡人数\n2019,1,1,0\n'))).toEqual([
      { row: 1, column: '事故数量', key: 'unknownColumn' },
      { row: 1, column: '事故起数', key: 'missingColumn' },
    ]);
    expect(await rowCount()).toBe(before);
  });

  it('refuses the whole file when one row is bad, naming each bad row and column', async () => {
    const before = await rowCount();
    const text = '年份,月份,区县,事故起数,死亡人数\n2019,5,中山区,2,1\n2019,6,中山区,-2,1\n2019,7,中山区,3,两人\n2019,8,南山区,1,0\n';
    expect(await importProblems(iconv.encode(text, 'gbk'))).toEqual([
      { row: 3, column: '事故起数', key: 'indicators.negative' },
      { row: 4, column: '死亡人数', key: 'indicators.notCount' },
      { row: 5, column: '区县', key: 'indicators.unknownDistrict', values: { name: '南山区' } },
    ]);
    expect(await rowCount()).toBe(before);
    expect(await listIndicatorMonths(leader, { departmentId: zhongshan, year: 2019 })).toMatchObject({ total: 0 });
  });

  it('refuses a workbook and an empty file', async () => {
    expect(await importProblems(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]))).toEqual([{ row: 1, column: '', key: 'indicators.notText' }]);
    expect(await importProblems(csv(''))).toEqual([{ row: 1, column: '', key: 'csvEmpty' }]);
    expect(await importProblems(csv('年份,月份,事故起数,死亡人数\n'))).toEqual([{ row: 2, column: '', key: 'csvEmpty' }]);
  });
});
