/**
 * A `Content-Disposition` header that keeps a Chinese file name: `filename*` (RFC 6266/5987)
 * carries it in UTF-8 for every current browser, `filename` an ASCII stand-in for the rest.
 */
export function contentDisposition(fileName: string, type: 'attachment' | 'inline' = 'attachment'): string {
  return `${type}; filename="${asciiFileName(fileName)}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

/** `2019年会议通知.pdf` → `2019_.pdf`; a name with nothing readable left becomes `document.<ext>`. */
export function asciiFileName(fileName: string): string {
  const plain = fileName
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/["\\%;]/g, '_')
    .trim();
  const dot = plain.lastIndexOf('.');
  const base = dot > 0 ? plain.slice(0, dot) : plain;
  const extension = dot > 0 ? plain.slice(dot) : '';
  return /[A-Za-z0-9]/.test(base) ? `${base}${extension}` : `document${extension}`;
}

/** Percent-encodes everything outside RFC 5987's `attr-char`. */
export function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}
