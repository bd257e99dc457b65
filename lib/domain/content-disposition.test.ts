import { describe, expect, it } from 'vitest';
import { asciiFileName, contentDisposition, encodeRfc5987 } from './content-disposition';

describe('contentDisposition', () => {
  it('keeps a Chinese name in filename* and gives an ASCII fallback', () => {
    expect(contentDisposition('2019年第一季度会议通知.pdf')).toBe(
      `attachment; filename="2019_.pdf"; filename*=UTF-8''2019%E5%B9%B4%E7%AC%AC%E4%B8%80%E5%AD%A3%E5%BA%A6%E4%BC%9A%E8%AE%AE%E9%80%9A%E7%9F%A5.pdf`,
    );
    expect(decodeURIComponent(contentDisposition('会议通知.pdf').split("UTF-8''")[1]!)).toBe('会议通知.pdf');
  });

  it('falls back to document.<ext> when nothing readable is left', () => {
    expect(asciiFileName('会议通知.docx')).toBe('document.docx');
    expect(asciiFileName('通知')).toBe('document');
  });

  it('cannot be broken out of by quotes, backslashes or semicolons', () => {
    expect(asciiFileName('a"b\\c;d.pdf')).toBe('a_b_c_d.pdf');
    expect(contentDisposition('a"; filename=evil.exe', 'inline')).toBe(
      `inline; filename="a__ filename=evil.exe"; filename*=UTF-8''a%22%3B%20filename%3Devil.exe`,
    );
  });

  it('strips accents rather than dropping the letter', () => {
    expect(asciiFileName('Résumé.pdf')).toBe('Resume.pdf');
  });

  it("encodes the characters RFC 5987 leaves out of attr-char", () => {
    expect(encodeRfc5987("it's (final)*.pdf")).toBe('it%27s%20%28final%29%2A.pdf');
  });
});
