import { cityDate } from './quarters';

/**
 * Safety indicators (安全生产指标): monthly accident figures for the whole city or a district.
 * The figures themselves are summed in SQL (lib/data/safety-indicators.ts); this module holds the
 * rules around them: months as numbers, change against a baseline year, the run of months without
 * a major accident, and reading a month's figures from text (a form field or a CSV cell).
 */

export interface YearMonth {
  year: number;
  month: number;
}

export const indicatorMeasures = ['accidents', 'deaths', 'injuries', 'majorAccidents', 'directLoss'] as const;
export type IndicatorMeasure = (typeof indicatorMeasures)[number];
export type IndicatorValues = Record<IndicatorMeasure, number>;
/** Measures a CSV or the form may leave out: 0 for a new month. */
export const optionalMeasures = ['injuries', 'majorAccidents', 'directLoss'] as const satisfies readonly IndicatorMeasure[];

export const indicatorYears = { min: 2000, max: 2100 } as const;
/** Far above any city's month; a larger number is a typing slip (or a column mix-up). */
export const maxMonthlyCount = 1_000_000;
/** 万元; the column holds numeric(14, 2). */
export const maxDirectLoss = 10_000_000_000;

/** Months as consecutive integers, so that "after" and "how many" are plain arithmetic (and SQL: year * 12 + month - 1). */
export const monthIndex = ({ year, month }: YearMonth): number => year * 12 + month - 1;
export const monthOfIndex = (index: number): YearMonth => ({ year: Math.floor(index / 12), month: (index % 12) + 1 });

/** `2018-03`, as a URL and `<input type="month">` write it. */
export function monthParam({ year, month }: YearMonth): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

export function parseMonthParam(value: string | null | undefined): YearMonth | null {
  const match = /^(\d{4})-(\d{2})$/.exec(value?.trim() ?? '');
  if (!match) return null;
  const [year, month] = [Number(match[1]), Number(match[2])];
  if (year < indicatorYears.min || year > indicatorYears.max || month < 1 || month > 12) return null;
  return { year, month };
}

/** The city's current month: figures can be recorded up to it, never for a month still to come. */
export function cityMonth(now: Date = new Date()): YearMonth {
  const [year, month] = cityDate(now).split('-').map(Number) as [number, number];
  return { year, month };
}

export const isAfterMonth = (a: YearMonth, b: YearMonth): boolean => monthIndex(a) > monthIndex(b);

/** `current` against `baseline` as a ratio: 288 against 450 is −0.36. None when the baseline is 0. */
export function changeRatio(current: number, baseline: number): number | null {
  if (baseline === 0) return null;
  return (current - baseline) / baseline;
}

/**
 * The year compared with the baseline when none is chosen: the last complete year at the "as of"
 * month (2017 as of March 2018), or the running year when that is the only one after the baseline.
 */
export function defaultCompareYear(asOf: YearMonth, baselineYear: number): number | null {
  const lastComplete = asOf.month === 12 ? asOf.year : asOf.year - 1;
  if (lastComplete > baselineYear) return lastComplete;
  return asOf.year > baselineYear ? asOf.year : null;
}

/**
 * How many months of each year are compared: all twelve for a past year, January to the "as of"
 * month for the running one, so a part of a year is set against the same part of the baseline.
 */
export function comparedMonths(compareYear: number, asOf: YearMonth): number {
  return compareYear < asOf.year ? 12 : asOf.month;
}

export interface MajorAccidentRun {
  /** Recorded months after the last major accident, up to the "as of" month. */
  months: number;
  /** The month of the last major accident at or before "as of"; null when none is recorded. */
  lastMajor: YearMonth | null;
  /** The last recorded month counted; null when no month is. */
  through: YearMonth | null;
}

/**
 * Consecutive months without a major accident (较大及以上事故) as of a month: the recorded months
 * after the last one that had one. A month not recorded is not counted: nobody knows it was safe.
 * The same rule runs in SQL for the page (`indicatorSummary`); this one serves tests and single records.
 */
export function monthsWithoutMajorAccident(records: readonly (YearMonth & { majorAccidents: number })[], asOf: YearMonth): MajorAccidentRun {
  const end = monthIndex(asOf);
  const known = records.map((r) => ({ index: monthIndex(r), major: r.majorAccidents })).filter((r) => r.index <= end);
  const lastMajorIndex = Math.max(-1, ...known.filter((r) => r.major > 0).map((r) => r.index));
  const after = new Set(known.filter((r) => r.index > lastMajorIndex).map((r) => r.index));
  return {
    months: after.size,
    lastMajor: lastMajorIndex >= 0 ? monthOfIndex(lastMajorIndex) : null,
    through: after.size ? monthOfIndex(Math.max(...after)) : null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reading values from text: one rule for the form and for every CSV cell.

/** A value read from text, or the key (under `validation.`) of what is wrong with it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; key: string };

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });
const fail = (key: string): CellResult<never> => ({ ok: false, key });

/** Full-width digits and signs (from a Chinese input method) read as ASCII; thousands separators dropped. */
function plain(text: string): string {
  return text.normalize('NFKC').trim().replace(/\u2212/g, '-').replace(/(?<=\d),(?=\d{3}\b)/g, '');
}

/** A whole number of accidents, deaths or injuries: 0 or more. */
export function parseCount(text: string): CellResult<number> {
  const value = plain(text);
  if (value === '') return fail('required');
  if (/^-\s*\d+(\.\d+)?$/.test(value)) return fail('indicators.negative');
  if (!/^\+?\d+$/.test(value)) return fail('indicators.notCount');
  const n = Number(value);
  return n > maxMonthlyCount ? fail('indicators.countTooBig') : ok(n);
}

/** Direct economic loss in 万元: 0 or more, at most two decimals. */
export function parseLoss(text: string): CellResult<number> {
  const value = plain(text);
  if (value === '') return fail('required');
  if (/^-\s*\d+(\.\d+)?$/.test(value)) return fail('indicators.negative');
  if (!/^\+?\d+(\.\d{1,2})?$/.test(value) && !/^\+?\.\d{1,2}$/.test(value)) return fail('indicators.notAmount');
  const n = Number(value);
  return n > maxDirectLoss ? fail('indicators.lossTooBig') : ok(n);
}

/** `2018` or `2018年`. */
export function parseYear(text: string): CellResult<number> {
  const value = plain(text).replace(/年$/, '');
  if (value === '') return fail('required');
  const n = /^\d{4}$/.test(value) ? Number(value) : NaN;
  return n >= indicatorYears.min && n <= indicatorYears.max ? ok(n) : fail('indicators.year');
}

/** `3`, `03` or `3月`. */
export function parseMonth(text: string): CellResult<number> {
  const value = plain(text).replace(/月$/, '');
  if (value === '') return fail('required');
  const n = /^\d{1,2}$/.test(value) ? Number(value) : NaN;
  return n >= 1 && n <= 12 ? ok(n) : fail('indicators.month');
}

// ---------------------------------------------------------------------------------------------
// CSV import: the header in Chinese or English, then one row per month (and district).

export const indicatorCsvFields = ['year', 'month', 'district', ...indicatorMeasures] as const;
export type IndicatorCsvField = (typeof indicatorCsvFields)[number];

/** Header names accepted for each column; compared after `normalizeHeader`. The first is the template's. */
export const indicatorCsvColumns: Record<IndicatorCsvField, readonly string[]> = {
  year: ['年份', '年度', '年', 'year'],
  month: ['月份', '月', 'month'],
  district: ['区县', '地区', '区域', '区县（市）', 'district', 'region'],
  accidents: ['事故起数', '事故数', '事故', '生产安全事故起数', 'accidents'],
  deaths: ['死亡人数', '死亡', 'deaths'],
  injuries: ['受伤人数', '受伤', 'injuries'],
  majorAccidents: ['较大及以上事故', '较大及以上事故起数', '较大事故', '较大事故起数', 'major accidents', 'majoraccidents'],
  directLoss: ['直接经济损失（万元）', '直接经济损失', '经济损失', 'direct loss', 'directloss', 'loss'],
};
/** The columns a file must have; the others may be left out. */
export const requiredCsvFields = ['year', 'month', 'accidents', 'deaths'] as const satisfies readonly IndicatorCsvField[];

/** The template's header, as Excel on a Chinese desktop shows it. */
export const indicatorCsvTemplateHeader: readonly string[] = indicatorCsvFields.map((f) => indicatorCsvColumns[f][0]!);

/**
 * A header cell as compared: full-width forms as ASCII, lower case, no spaces, `_` or `-`, and no
 * unit in brackets at the end (`直接经济损失（万元）`, `direct_loss (10k yuan)`, `Major-Accidents`).
 */
export function normalizeHeader(cell: string): string {
  return cell
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\uFEFF/, '')
    .replace(/\([^)]*\)\s*$/, '')
    .replace(/[\s_-]+/g, '');
}

const headerLookup = new Map<string, IndicatorCsvField>(
  indicatorCsvFields.flatMap((field) => indicatorCsvColumns[field].map((name) => [normalizeHeader(name), field] as const)),
);

/** What a district cell may say for the whole city (the cell may also be empty). */
export const wholeCityNames = ['全市', '市', '全市合计', '合计', 'city', 'whole city', 'all'];

/** A district's names as a CSV may write them: name, short name, English name, code. */
export function districtKey(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** One problem in a file: 1-based row (the header is row 1), the column as the file heads it, a message key under `validation.`. */
export interface CsvProblem {
  row: number;
  column: string;
  key: string;
  values?: Record<string, string | number>;
}

export interface IndicatorCsvRecord extends YearMonth {
  row: number;
  /** Null for the whole city. */
  departmentId: number | null;
  accidents: number;
  deaths: number;
  /** Absent when the file has no such column: a month already recorded keeps its value. */
  injuries?: number;
  majorAccidents?: number;
  directLoss?: number;
}

export interface IndicatorCsvOptions {
  /** `districtKey` of each name a district goes by → its department id. */
  districts: ReadonlyMap<string, number>;
  /** The current month: later months cannot have figures yet. */
  latest: YearMonth;
}

/**
 * Reads the rows of an indicator CSV (header first). Every problem is reported, each with its row and
 * column, so a file is fixed in one pass; the caller imports nothing unless `problems` is empty.
 * Blank optional cells count as 0; a missing optional column leaves recorded values as they are.
 */
export function parseIndicatorCsv(rows: readonly (readonly string[])[], options: IndicatorCsvOptions): { records: IndicatorCsvRecord[]; problems: CsvProblem[] } {
  const problems: CsvProblem[] = [];
  const [header = [], ...body] = rows;
  const columns = new Map<IndicatorCsvField, number>();
  header.forEach((cell, index) => {
    const field = headerLookup.get(normalizeHeader(cell));
    if (!field) problems.push({ row: 1, column: cell.trim(), key: 'unknownColumn' });
    else if (columns.has(field)) problems.push({ row: 1, column: cell.trim(), key: 'indicators.duplicateColumn' });
    else columns.set(field, index);
  });
  for (const field of requiredCsvFields) {
    if (!columns.has(field)) problems.push({ row: 1, column: indicatorCsvColumns[field][0]!, key: 'missingColumn' });
  }
  if (problems.length) return { records: [], problems };
  if (body.length === 0) return { records: [], problems: [{ row: 2, column: '', key: 'csvEmpty' }] };

  const headerOf = (field: IndicatorCsvField) => header[columns.get(field)!]!.trim();
  const records: IndicatorCsvRecord[] = [];
  const seen = new Map<string, number>();
  body.forEach((cells, i) => {
    const row = i + 2;
    const before = problems.length;
    const text = (field: IndicatorCsvField) => {
      const index = columns.get(field);
      return index === undefined ? undefined : (cells[index] ?? '');
    };
    const read = <T>(field: IndicatorCsvField, parse: (s: string) => CellResult<T>, blank?: T): T | undefined => {
      const cell = text(field);
      if (cell === undefined) return undefined;
      if (blank !== undefined && cell.trim() === '') return blank;
      const result = parse(cell);
      if (result.ok) return result.value;
      problems.push({ row, column: headerOf(field), key: result.key });
      return undefined;
    };
    const year = read('year', parseYear);
    const month = read('month', parseMonth);
    const accidents = read('accidents', parseCount);
    const deaths = read('deaths', parseCount);
    const injuries = read('injuries', parseCount, 0);
    const majorAccidents = read('majorAccidents', parseCount, 0);
    const directLoss = read('directLoss', parseLoss, 0);

    let departmentId: number | null | undefined = null;
    const districtText = text('district')?.trim() ?? '';
    if (districtText && !wholeCityNames.includes(districtKey(districtText))) {
      departmentId = options.districts.get(districtKey(districtText));
      if (departmentId === undefined) problems.push({ row, column: headerOf('district'), key: 'indicators.unknownDistrict', values: { name: districtText } });
    }
    if (year !== undefined && month !== undefined && isAfterMonth({ year, month }, options.latest)) {
      problems.push({ row, column: headerOf('month'), key: 'indicators.futureMonth' });
    }
    if (accidents !== undefined && majorAccidents !== undefined && majorAccidents > accidents) {
      problems.push({ row, column: headerOf('majorAccidents'), key: 'indicators.majorExceedsAccidents' });
    }
    if (year !== undefined && month !== undefined && departmentId !== undefined) {
      const key = `${year}-${month}-${departmentId ?? 'city'}`;
      const first = seen.get(key);
      if (first !== undefined) problems.push({ row, column: headerOf('month'), key: 'indicators.duplicateMonth', values: { first } });
      else seen.set(key, row);
    }
    if (problems.length > before || year === undefined || month === undefined || departmentId === undefined || accidents === undefined || deaths === undefined) return;
    records.push({
      row,
      year,
      month,
      departmentId,
      accidents,
      deaths,
      ...(injuries !== undefined && { injuries }),
      ...(majorAccidents !== undefined && { majorAccidents }),
      ...(directLoss !== undefined && { directLoss }),
    });
  });
  return { records, problems };
}

/**
 * A workbook (.xlsx is a zip, .xls an OLE file) or other binary rather than text: told apart
 * before decoding, since GBK decoding reads any bytes and would only report odd column names.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x50, 0x4b, 0x03, 0x04) || starts(0xd0, 0xcf, 0x11, 0xe0)) return true;
  return bytes.subarray(0, 8192).includes(0);
}
