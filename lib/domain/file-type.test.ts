import { describe, expect, it } from 'vitest';
import { acceptAttribute, detectFileType, documentKind, extensionOf, mediaTypes, zipEntryNames } from './file-type';

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? Array.from(p, (c) => c.charCodeAt(0)) : p)));

const le16 = (n: number) => [n & 0xff, (n >> 8) & 0xff];
const le32 = (n: number) => [n & 0xff, (n >> 8) & 0xff, (n >> 16) & 0xff, (n >>> 24) & 0xff];

/** A stored (uncompressed) zip with the given entries, with or without its central directory. */
function zip(entries: Record<string, string>, { centralDirectory = true, dataDescriptor = false } = {}): Uint8Array {
  const out: number[] = [];
  const central: number[] = [];
  for (const [name, content] of Object.entries(entries)) {
    const offset = out.length;
    const size = dataDescriptor ? 0 : content.length;
    const common = [...le16(20), ...le16(dataDescriptor ? 0x08 : 0), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(size), ...le32(size), ...le16(name.length)];
    out.push(0x50, 0x4b, 0x03, 0x04, ...common, ...le16(0), ...bytes(name, content));
    central.push(0x50, 0x4b, 0x01, 0x02, ...le16(20), ...common, ...le16(0), ...le16(0), ...le16(0), ...le16(0), ...le32(0), ...le32(offset), ...bytes(name));
  }
  if (!centralDirectory) return new Uint8Array(out);
  const start = out.length;
  const count = Object.keys(entries).length;
  return new Uint8Array([...out, ...central, 0x50, 0x4b, 0x05, 0x06, ...le16(0), ...le16(0), ...le16(count), ...le16(count), ...le32(central.length), ...le32(start), ...le16(0)]);
}

const samples = {
  pdf: bytes('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n%%EOF\n'),
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10], 'JFIF', [0, 1, 1, 0, 0, 1, 0, 1, 0, 0, 0xff, 0xd9]),
  gif87: bytes('GIF87a', [1, 0, 1, 0, 0, 0, 0, 0x3b]),
  gif89: bytes('GIF89a', [1, 0, 1, 0, 0x80, 0, 0, 0xff, 0xff, 0xff, 0, 0, 0, 0x3b]),
  webp: bytes('RIFF', le32(26), 'WEBPVP8L', le32(13), [0x2f, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xfe, 0x07]),
  docx: zip({ '[Content_Types].xml': '<Types/>', '_rels/.rels': '<Relationships/>', 'word/document.xml': '<w:document/>' }),
  xlsx: zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<workbook/>' }),
  pptx: zip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p:presentation/>' }),
  ole2: bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], new Array(24).fill(0), [0x3e, 0, 3, 0, 0xfe, 0xff]),
  plainZip: zip({ 'readme.txt': 'hello' }),
  exe: bytes('MZ', [0x90, 0, 3, 0, 0, 0, 4, 0], 'This program cannot be run in DOS mode.'),
  elf: bytes([0x7f], 'ELF', [2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0]),
  machO64: bytes([0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]),
  machOFat: bytes([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]),
  machO32BigEndian: bytes([0xfe, 0xed, 0xfa, 0xce, 0, 0, 0, 7]),
  shell: bytes('#!/bin/sh\nrm -rf /\n'),
  text: bytes('plain text, not a document\n'),
};

describe('detectFileType accepts each allowed type under its own extension', () => {
  it.each([
    ['通知.pdf', samples.pdf, 'application/pdf', 'pdf'],
    ['现场照片.png', samples.png, 'image/png', 'png'],
    ['photo.jpg', samples.jpeg, 'image/jpeg', 'jpg'],
    ['PHOTO.JPEG', samples.jpeg, 'image/jpeg', 'jpeg'],
    ['old.gif', samples.gif87, 'image/gif', 'gif'],
    ['anim.gif', samples.gif89, 'image/gif', 'gif'],
    ['slide.webp', samples.webp, 'image/webp', 'webp'],
    ['工作报告.docx', samples.docx, mediaTypes.docx, 'docx'],
    ['统计表.xlsx', samples.xlsx, mediaTypes.xlsx, 'xlsx'],
    ['汇报.pptx', samples.pptx, mediaTypes.pptx, 'pptx'],
    ['旧版通知.doc', samples.ole2, 'application/msword', 'doc'],
    ['旧版统计.XLS', samples.ole2, 'application/vnd.ms-excel', 'xls'],
    ['旧版汇报.ppt', samples.ole2, 'application/vnd.ms-powerpoint', 'ppt'],
  ])('%s', (name, content, mediaType, extension) => {
    expect(detectFileType(content, name)).toEqual({ ok: true, mediaType, extension });
  });

  it('finds the PDF header after leading junk within the first 1024 bytes, not later', () => {
    const junk = (n: number) => new Uint8Array([...new Array(n).fill(0x20), ...samples.pdf]);
    expect(detectFileType(junk(100), 'a.pdf')).toMatchObject({ ok: true });
    expect(detectFileType(junk(1024), 'a.pdf')).toMatchObject({ ok: true });
    expect(detectFileType(junk(1025), 'a.pdf')).toEqual({ ok: false, reason: 'disguised' });
  });

  it('reads a large OOXML file from its first and last bytes, as an upload streamed to disk is read', () => {
    // Local headers whose sizes sit in data descriptors (the walk from the start stops at the
    // first), 700 KB of content, then the central directory naming word/document.xml.
    const small = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }, { dataDescriptor: true });
    const end = small.length - 22;
    const centralStart = end - (small[end + 12]! | (small[end + 13]! << 8));
    const big = new Uint8Array(small.length + 700_000);
    big.set(small.subarray(0, centralStart));
    big.set(small.subarray(centralStart), centralStart + 700_000);
    const head = big.subarray(0, 256 * 1024);
    const tail = big.subarray(big.length - 256 * 1024);
    expect(detectFileType(head, 'a.docx', tail)).toMatchObject({ ok: true, extension: 'docx' });
    expect(detectFileType(big, 'a.docx')).toMatchObject({ ok: true, extension: 'docx' });
    // The start alone cannot tell: the walk stops at the data descriptor.
    expect(detectFileType(head, 'a.docx')).toEqual({ ok: false, reason: 'disguised' });
  });

  it('reads OOXML entries from local headers when the central directory is missing', () => {
    const truncated = zip({ '[Content_Types].xml': '<Types/>', 'word/document.xml': '<w:document/>' }, { centralDirectory: false });
    expect(detectFileType(truncated, 'a.docx')).toMatchObject({ ok: true, extension: 'docx' });
    // A data descriptor hides the size: the walk stops rather than guessing.
    const streamed = zip({ '[Content_Types].xml': '<Types/>', 'xl/workbook.xml': '<x/>' }, { centralDirectory: false, dataDescriptor: true });
    expect(zipEntryNames(streamed)).toEqual(['[Content_Types].xml']);
    expect(detectFileType(streamed, 'a.xlsx')).toEqual({ ok: false, reason: 'disguised' });
    expect(detectFileType(zip({ 'xl/workbook.xml': '<x/>' }, { dataDescriptor: true }), 'a.xlsx')).toMatchObject({ ok: true });
  });
});

describe('detectFileType refuses', () => {
  it('an empty file', () => {
    expect(detectFileType(new Uint8Array(), 'empty.pdf')).toEqual({ ok: false, reason: 'empty' });
  });

  it.each([
    ['an .exe renamed .pdf', samples.exe, '会议通知.pdf'],
    ['an ELF binary renamed .docx', samples.elf, 'report.docx'],
    ['a Mach-O binary renamed .png', samples.machO64, 'photo.png'],
    ['a universal Mach-O binary renamed .xlsx', samples.machOFat, 'sheet.xlsx'],
    ['a big-endian Mach-O binary renamed .jpg', samples.machO32BigEndian, 'photo.jpg'],
    ['a shell script renamed .doc', samples.shell, 'notice.doc'],
    ['a PNG named .pdf', samples.png, 'notice.pdf'],
    ['a JPEG named .png', samples.jpeg, 'photo.png'],
    ['a PDF named .docx', samples.pdf, 'report.docx'],
    ['a spreadsheet named .docx', samples.xlsx, 'report.docx'],
    ['a Word document named .pptx', samples.docx, 'slides.pptx'],
    ['a legacy document named .docx', samples.ole2, 'report.docx'],
    ['an OOXML document named as a legacy one', samples.docx, 'report.doc'],
    ['a plain zip named .xlsx', samples.plainZip, 'data.xlsx'],
    ['text named .pdf', samples.text, 'notice.pdf'],
    ['a PNG without an extension', samples.png, 'photo'],
    ['a PNG with an extension Docket does not take', samples.png, 'photo.bmp'],
    ['a legacy compound file under another name (e.g. an installer)', samples.ole2, 'setup.msi'],
  ])('as disguised: %s', (_label, content, name) => {
    expect(detectFileType(content, name)).toEqual({ ok: false, reason: 'disguised' });
  });

  it.each([
    ['an executable named as one', samples.exe, 'setup.exe'],
    ['a shell script named as one', samples.shell, 'install.sh'],
    ['an ELF binary without an extension', samples.elf, 'tool'],
    ['a plain zip', samples.plainZip, 'archive.zip'],
    ['plain text', samples.text, 'notes.txt'],
    ['unknown bytes without an extension', samples.text, 'README'],
  ])('as unsupported: %s', (_label, content, name) => {
    expect(detectFileType(content, name)).toEqual({ ok: false, reason: 'unsupported' });
  });

  it('a file too short to carry a signature', () => {
    expect(detectFileType(bytes([0x89, 0x50]), 'a.png')).toEqual({ ok: false, reason: 'disguised' });
    expect(detectFileType(bytes('M'), 'a.exe')).toEqual({ ok: false, reason: 'unsupported' });
  });
});

describe('helpers', () => {
  it('takes the extension after the last dot, lower-cased', () => {
    expect(extensionOf('2019年第一季度.会议通知.PDF')).toBe('pdf');
    expect(extensionOf('.pdf')).toBe('');
    expect(extensionOf('name.')).toBe('');
    expect(extensionOf('name')).toBe('');
  });

  it('names the kind of a stored document', () => {
    expect(documentKind('application/pdf')).toBe('pdf');
    expect(documentKind(mediaTypes.docx)).toBe('word');
    expect(documentKind(mediaTypes.xls)).toBe('excel');
    expect(documentKind(mediaTypes.pptx)).toBe('powerpoint');
    expect(documentKind('image/webp')).toBe('image');
    expect(documentKind('application/octet-stream')).toBe('other');
  });

  it('offers every allowed extension to the file picker', () => {
    expect(acceptAttribute).toBe('.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.png,.jpg,.jpeg,.gif,.webp');
  });
});
