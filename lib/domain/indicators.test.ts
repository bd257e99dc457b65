import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { indicatorRows } from '@/db/seed/indicators';
import { decodeCsv, parseCsv } from './csv';
import {
  changeRatio,
  comparedMonths,
  defaultCompareYear,
  districtKey,
  indicatorCsvTemplateHeader,
  looksBinary,
  monthIndex,
  monthOfIndex,
  monthParam,
  monthsWithoutMajorAccident,
  normalizeHeader,
  parseCount,
  parseIndicatorCsv,
  parseLoss,
  parseMonth,
  parseMonthParam,
  parseYear,
} from './indicators';

describe('months', () => {
  it('numbers months consecutively across years and back', () => {
    expect(monthIndex({ year: 2018, month: 1 }) - monthIndex({ year: 2017, month: 12 })).toBe(1);
    expect(monthOfIndex(monthIndex({ year: 2015, month: 10 }))).toEqual({ year: 2015, month: 10 });
    expect(monthOfIndex(monthIndex({ year: 2015, month: 12 }))).toEqual({ year: 2015, month: 12 });
  });

  it('reads and writes the URL form of a month, refusing what is not one', () => {
    expect(monthParam({ year: 2018, month: 3 })).toBe('2018-03');
    expect(parseMonthParam('2018-03')).toEqual({ year: 2018, month: 3 });
    for (const bad of ['2018-13', '2018-00', '2018-3', '1999-12', 'March', '', undefined]) expect(parseMonthParam(bad)).toBeNull();
  });
});

describe('change against a baseline', () => {
  it('gives the article figures: 450 → 288 accidents is −36 %, 250 → 170 deaths is −32 %', () => {
    expect(changeRatio(288, 450)).toBeCloseTo(-0.36, 10);
    expect(changeRatio(170, 250)).toBeCloseTo(-0.32, 10);
    expect(changeRatio(12, 10)).toBeCloseTo(0.2, 10);
  });

  it('has no change against a baseline of 0', () => {
    expect(changeRatio(3, 0)).toBeNull();
  });

  it('compares the last complete year by default, or the running one when it is the only later year', () => {
    expect(defaultCompareYear({ year: 2018, month: 3 }, 2015)).toBe(2017);
    expect(defaultCompareYear({ year: 2017, month: 12 }, 2015)).toBe(2017);
    expect(defaultCompareYear({ year: 2016, month: 5 }, 2015)).toBe(2016);
    expect(defaultCompareYear({ year: 2015, month: 12 }, 2015)).toBeNull();
  });

  it('sets part of the running year against the same months of the baseline', () => {
    expect(comparedMonths(2017, { year: 2018, month: 3 })).toBe(12);
    expect(comparedMonths(2018, { year: 2018, month: 3 })).toBe(3);
  });
});

describe('months without a major accident', () => {
  const demo = indicatorRows(new Date('2026-05-20T08:00:00+08:00'), null).filter((r) => r.departmentId === null);
  const rows = demo.map((r) => ({ year: r.year, month: r.month, majorAccidents: r.majorAccidents ?? 0 }));

  it('counts 29 months from November 2015 through March 2018 in the demo', () => {
    expect(monthsWithoutMajorAccident(rows, { year: 2018, month: 3 })).toEqual({
      months: 29,
      lastMajor: { year: 2015, month: 10 },
      through: { year: 2018, month: 3 },
    });
  });

  it('is 0 in the month of a major accident and restarts after it', () => {
    expect(monthsWithoutMajorAccident(rows, { year: 2015, month: 10 }).months).toBe(0);
    expect(monthsWithoutMajorAccident(rows, { year: 2015, month: 12 }).months).toBe(2);
  });

  it('counts recorded months only: a gap is not known to be safe', () => {
    const gappy = [
      { year: 2020, month: 1, majorAccidents: 1 },
      { year: 2020, month: 2, majorAccidents: 0 },
      { year: 2020, month: 4, majorAccidents: 0 },
    ];
    expect(monthsWithoutMajorAccident(gappy, { year: 2020, month: 6 })).toEqual({ months: 2, lastMajor: { year: 2020, month: 1 }, through: { year: 2020, month: 4 } });
    expect(monthsWithoutMajorAccident(gappy.slice(1), { year: 2020, month: 6 }).lastMajor).toBeNull();
    expect(monthsWithoutMajorAccident([], { year: 2020, month: 6 })).toEqual({ months: 0, lastMajor: null, through: null });
  });
});

describe('reading figures from text', () => {
  it('accepts whole counts, full-width digits and thousands separators', () => {
    expect(parseCount('25')).toEqual({ ok: true, value: 25 });
    expect(parseCount(' ２５ ')).toEqual({ ok: true, value: 25 });
    expect(parseCount('1,234')).toEqual({ ok: true, value: 1234 });
  });

  it('names what is wrong with a count', () => {
    expect(parseCount('-3')).toEqual({ ok: false, key: 'indicators.negative' });
    expect(parseCount('−3')).toEqual({ ok: false, key: 'indicators.negative' });
    expect(parseCount('abc')).toEqual({ ok: false, key: 'indicators.notCount' });
    expect(parseCount('2.5')).toEqual({ ok: false, key: 'indicators.notCount' });
    expect(parseCount('')).toEqual({ ok: false, key: 'required' });
    expect(parseCount('5000000')).toEqual({ ok: false, key: 'indicators.countTooBig' });
  });

  it('reads a loss in 万元 with at most two decimals', () => {
    expect(parseLoss('412.5')).toEqual({ ok: true, value: 412.5 });
    expect(parseLoss('0')).toEqual({ ok: true, value: 0 });
    expect(parseLoss('1.234')).toEqual({ ok: false, key: 'indicators.notAmount' });
    expect(parseLoss('-1')).toEqual({ ok: false, key: 'indicators.negative' });
  });

  it('reads years and months as a Chinese sheet writes them', () => {
    expect(parseYear('2018年')).toEqual({ ok: true, value: 2018 });
    expect(parseYear('18')).toEqual({ ok: false, key: 'indicators.year' });
    expect(parseMonth('03')).toEqual({ ok: true, value: 3 });
    expect(parseMonth('3月')).toEqual({ ok: true, value: 3 });
    expect(parseMonth('13')).toEqual({ ok: false, key: 'indicators.month' });
  });
});

describe('parseIndicatorCsv', () => {
  const districts = new Map([
    [districtKey('中山区'), 7],
    [districtKey('zhongshan'), 7],
    [districtKey('Zhongshan District'), 7],
  ]);
  const options = { districts, latest: { year: 2018, month: 4 } };
  const parse = (text: string) => parseIndicatorCsv(parseCsv(text), options);

  it('reads the Chinese template header, the whole city and a district by name or code', () => {
    const text = `${indicatorCsvTemplateHeader.join(',')}\n2018,3,,25,14,21,0,412.50\n2018,3,中山区,3,1,2,0,40\n2018,2,zhongshan,2,1,2,0,\n`;
    const { records, problems } = parse(text);
    expect(problems).toEqual([]);
    expect(records).toEqual([
      { row: 2, year: 2018, month: 3, departmentId: null, accidents: 25, deaths: 14, injuries: 21, majorAccidents: 0, directLoss: 412.5 },
      { row: 3, year: 2018, month: 3, departmentId: 7, accidents: 3, deaths: 1, injuries: 2, majorAccidents: 0, directLoss: 40 },
      { row: 4, year: 2018, month: 2, departmentId: 7, accidents: 2, deaths: 1, injuries: 2, majorAccidents: 0, directLoss: 0 },
    ]);
  });

  it('reads English headers in any order, with or without units, and leaves out missing optional columns', () => {
    const { records, problems } = parse('Deaths,Year,Month,ACCIDENTS,Major_Accidents,direct loss (10k yuan)\n4,2018,1,9,1,12.5\n');
    expect(problems).toEqual([]);
    expect(records).toEqual([{ row: 2, year: 2018, month: 1, departmentId: null, accidents: 9, deaths: 4, majorAccidents: 1, directLoss: 12.5 }]);
    expect(normalizeHeader('直接经济损失(万元)')).toBe(normalizeHeader('直接经济损失（万元）'));
  });

  it('refuses a wrong header, naming each unknown and each missing column', () => {
    const { records, problems } = parse('年份,月份,事故,伤亡\n2018,1,3,1\n');
    expect(records).toEqual([]);
    expect(problems).toEqual([
      { row: 1, column: '伤亡', key: 'unknownColumn' },
      { row: 1, column: '死亡人数', key: 'missingColumn' },
    ]);
  });

  it('names the row and column of every bad cell', () => {
    const text = '年份,月份,区县,事故起数,死亡人数,较大及以上事故\n2018,1,,12,3,0\n2018,2,,-1,3,0\n2018,3,,十二,3,0\n2018,4,南山区,1,0,0\n2018,5,,1,0,0\n2018,1,全市,2,1,0\n2018,4,,1,0,2\n';
    const { problems } = parse(text);
    expect(problems).toEqual([
      { row: 3, column: '事故起数', key: 'indicators.negative' },
      { row: 4, column: '事故起数', key: 'indicators.notCount' },
      { row: 5, column: '区县', key: 'indicators.unknownDistrict', values: { name: '南山区' } },
      { row: 6, column: '月份', key: 'indicators.futureMonth' },
      { row: 7, column: '月份', key: 'indicators.duplicateMonth', values: { first: 2 } },
      { row: 8, column: '较大及以上事故', key: 'indicators.majorExceedsAccidents' },
    ]);
  });

  it('reports a file with a header and no rows', () => {
    expect(parse('年份,月份,事故起数,死亡人数\n').problems).toEqual([{ row: 2, column: '', key: 'csvEmpty' }]);
  });

  it('reads a GBK file saved by Excel as well as UTF-8 with a BOM', () => {
    const text = '年份,月份,区县,事故起数,死亡人数\r\n2018,3,中山区,3,1\r\n';
    for (const bytes of [iconv.encode(text, 'gbk'), new TextEncoder().encode(`\uFEFF${text}`)]) {
      const { records, problems } = parseIndicatorCsv(parseCsv(decodeCsv(bytes).text), options);
      expect(problems).toEqual([]);
      expect(records).toEqual([{ row: 2, year: 2018, month: 3, departmentId: 7, accidents: 3, deaths: 1 }]);
    }
  });

  it('tells a workbook or UTF-16 text from a CSV', () => {
    expect(looksBinary(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2]))).toBe(true);
    expect(looksBinary(new Uint8Array(Buffer.from('年份\n', 'utf16le')))).toBe(true);
    expect(looksBinary(iconv.encode('年份,月份\n', 'gbk'))).toBe(false);
  });
});
