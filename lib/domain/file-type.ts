/**
 * What an uploaded file really is, read from its first bytes rather than trusted from its name.
 * Only office documents, PDF and common images are accepted, and the name's extension must
 * belong to the detected type, so an executable renamed `.pdf` (or a PNG named `.pdf`) is refused.
 */

export const allowedExtensions = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'png', 'jpg', 'jpeg', 'gif', 'webp'] as const;
export type AllowedExtension = (typeof allowedExtensions)[number];

export const mediaTypes: Record<AllowedExtension, string> = {
  pdf: 'application/pdf',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
};

/** For `<input type="file" accept>`: a hint to the browser's picker; the server decides. */
export const acceptAttribute = allowedExtensions.map((e) => `.${e}`).join(',');

export type FileTypeResult =
  | { ok: true; mediaType: string; extension: AllowedExtension }
  | { ok: false; reason: 'disguised' | 'unsupported' | 'empty' };

/** What the bytes say; `executable` and `unknown` are never accepted. */
type Family = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'docx' | 'xlsx' | 'pptx' | 'ole2' | 'zip' | 'executable' | 'unknown';

const familyExtensions: Record<Family, readonly AllowedExtension[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  gif: ['gif'],
  webp: ['webp'],
  docx: ['docx'],
  xlsx: ['xlsx'],
  pptx: ['pptx'],
  // The compound-file container is shared by the legacy formats; the extension tells them apart.
  ole2: ['doc', 'xls', 'ppt'],
  zip: [],
  executable: [],
  unknown: [],
};

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string) => Array.from(text, (c) => c.charCodeAt(0));

const signatures = {
  pdf: ascii('%PDF-'),
  png: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  jpeg: [0xff, 0xd8, 0xff],
  gif87: ascii('GIF87a'),
  gif89: ascii('GIF89a'),
  riff: ascii('RIFF'),
  webp: ascii('WEBP'),
  zipLocal: [0x50, 0x4b, 0x03, 0x04],
  ole2: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
  mz: ascii('MZ'),
  elf: [0x7f, 0x45, 0x4c, 0x46],
  shebang: ascii('#!'),
  // Mach-O 32/64-bit in both byte orders, and universal ("fat") binaries.
  machO: [
    [0xfe, 0xed, 0xfa, 0xce],
    [0xfe, 0xed, 0xfa, 0xcf],
    [0xce, 0xfa, 0xed, 0xfe],
    [0xcf, 0xfa, 0xed, 0xfe],
    [0xca, 0xfe, 0xba, 0xbe],
  ],
} as const;

/** PDF readers accept the header anywhere in the first 1024 bytes, and some producers put junk before it. */
function isPdf(bytes: Uint8Array): boolean {
  const limit = Math.min(bytes.length - signatures.pdf.length, 1024);
  for (let i = 0; i <= limit; i++) if (startsWith(bytes, signatures.pdf, i)) return true;
  return false;
}

const u16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const u32 = (b: Uint8Array, at: number) => (b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16) | (b[at + 3]! << 24)) >>> 0;
const latin1 = (b: Uint8Array, from: number, length: number) => String.fromCharCode(...b.subarray(from, from + length));

/**
 * Entry names of a zip archive: from the central directory when the end record is in `tail`
 * (the whole file, or its last bytes), else by walking the local headers from the start of
 * `bytes` (enough for a truncated or streamed file).
 */
export function zipEntryNames(bytes: Uint8Array, limit = 10_000, tail: Uint8Array = bytes): string[] {
  const names: string[] = [];
  // End of central directory: 22 bytes plus a comment of at most 65 535 bytes, at the end. The
  // directory ends where that record starts, so it is found from its size, not its offset: that
  // works on a file's last bytes alone, and on archives with data before them.
  for (let at = tail.length - 22; at >= Math.max(0, tail.length - 22 - 0xffff); at--) {
    if (!startsWith(tail, [0x50, 0x4b, 0x05, 0x06], at)) continue;
    const count = u16(tail, at + 10);
    let entry = at - u32(tail, at + 12);
    for (let i = 0; i < count && names.length < limit && entry >= 0; i++) {
      if (entry + 46 > tail.length || !startsWith(tail, [0x50, 0x4b, 0x01, 0x02], entry)) break;
      const nameLength = u16(tail, entry + 28);
      names.push(latin1(tail, entry + 46, nameLength));
      entry += 46 + nameLength + u16(tail, entry + 30) + u16(tail, entry + 32);
    }
    if (names.length) return names;
    break;
  }
  let at = 0;
  while (names.length < limit && at + 30 <= bytes.length && startsWith(bytes, signatures.zipLocal, at)) {
    const nameLength = u16(bytes, at + 26);
    names.push(latin1(bytes, at + 30, nameLength));
    // With a trailing data descriptor (flag bit 3) the size is not in the header; stop there.
    if (u16(bytes, at + 6) & 0x08) break;
    at += 30 + nameLength + u16(bytes, at + 28) + u32(bytes, at + 18);
  }
  return names;
}

function officeOpenXmlFamily(bytes: Uint8Array, tail: Uint8Array): Family {
  const names = zipEntryNames(bytes, 10_000, tail);
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

function familyOf(bytes: Uint8Array, tail: Uint8Array): Family {
  if (startsWith(bytes, signatures.mz) || startsWith(bytes, signatures.elf) || startsWith(bytes, signatures.shebang)) return 'executable';
  if (signatures.machO.some((s) => startsWith(bytes, s))) return 'executable';
  if (startsWith(bytes, signatures.png)) return 'png';
  if (startsWith(bytes, signatures.jpeg)) return 'jpeg';
  if (startsWith(bytes, signatures.gif87) || startsWith(bytes, signatures.gif89)) return 'gif';
  if (startsWith(bytes, signatures.riff) && startsWith(bytes, signatures.webp, 8)) return 'webp';
  if (startsWith(bytes, signatures.ole2)) return 'ole2';
  if (startsWith(bytes, signatures.zipLocal)) return officeOpenXmlFamily(bytes, tail);
  if (isPdf(bytes)) return 'pdf';
  return 'unknown';
}

/** The lower-cased text after the last dot of a file name, or '' when there is none. */
export function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot <= 0 || dot === fileName.length - 1 ? '' : fileName.slice(dot + 1).toLowerCase();
}

function isAllowedExtension(extension: string): extension is AllowedExtension {
  return (allowedExtensions as readonly string[]).includes(extension);
}

/**
 * Detects an upload's type from its content and checks its name against it. A file whose
 * name claims an accepted type it is not, or that is a program, is `disguised`; a file of a
 * kind Docket does not take (text, zip, `.exe` named as such) is `unsupported`. A large file
 * streamed to disk is read from its first bytes (`bytes`) and its last (`tail`).
 */
export function detectFileType(bytes: Uint8Array, fileName: string, tail: Uint8Array = bytes): FileTypeResult {
  if (bytes.length === 0) return { ok: false, reason: 'empty' };
  const extension = extensionOf(fileName);
  const allowed = isAllowedExtension(extension);
  const family = familyOf(bytes, tail);
  if (allowed && familyExtensions[family].includes(extension)) {
    return { ok: true, mediaType: mediaTypes[extension], extension };
  }
  // The name promises something Docket accepts, or the content is a known type under another name.
  if (allowed || (family !== 'unknown' && family !== 'zip' && family !== 'executable')) return { ok: false, reason: 'disguised' };
  return { ok: false, reason: 'unsupported' };
}

export type DocumentKind = 'pdf' | 'word' | 'excel' | 'powerpoint' | 'image' | 'other';

/** A family name for lists ("PDF", "Word", "图片"), from the stored media type. */
export function documentKind(mediaType: string): DocumentKind {
  if (mediaType === mediaTypes.pdf) return 'pdf';
  if (mediaType === mediaTypes.doc || mediaType === mediaTypes.docx) return 'word';
  if (mediaType === mediaTypes.xls || mediaType === mediaTypes.xlsx) return 'excel';
  if (mediaType === mediaTypes.ppt || mediaType === mediaTypes.pptx) return 'powerpoint';
  if (mediaType.startsWith('image/')) return 'image';
  return 'other';
}
