import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { csvLine, decodeCsv, parseCsv } from './csv';

describe('decodeCsv', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeCsv(new TextEncoder().encode('\uFEFF名称,简称\n'))).toEqual({ text: '名称,简称\n', encoding: 'utf-8' });
    expect(decodeCsv(new TextEncoder().encode('中山区\n')).encoding).toBe('utf-8');
  });

  it('falls back to GBK for files saved by Excel on Chinese Windows', () => {
    const bytes = iconv.encode('名称,类型\n大连市应急管理局,部门\n', 'gbk');
    expect(decodeCsv(bytes)).toEqual({ text: '名称,类型\n大连市应急管理局,部门\n', encoding: 'gbk' });
  });
});

describe('parseCsv', () => {
  it('handles quotes, commas, doubled quotes and line breaks inside fields', () => {
    expect(parseCsv('a,"b,c","say ""hi""","two\nlines"\r\n1,2,3,4')).toEqual([
      ['a', 'b,c', 'say "hi"', 'two\nlines'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('skips blank lines and keeps empty fields', () => {
    expect(parseCsv('a,,c\n\n,,\nx,y,z\n')).toEqual([['a', '', 'c'], ['x', 'y', 'z']]);
  });
});

describe('csvLine', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvLine(['中山区', 'a,b', 'say "x"', '=SUM(A1)', null, 3])).toBe('中山区,"a,b","say ""x""",\'=SUM(A1),,3\r\n');
  });
});
