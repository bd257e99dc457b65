import { strFromU8, unzipSync } from 'fflate';

/** The parts of a .docx (a zip), by path, as text. Throws when the bytes are not a zip. */
export function docxParts(bytes: Uint8Array): Record<string, string> {
  const files = unzipSync(bytes);
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, strFromU8(data)]));
}

/** `word/document.xml` of a .docx. */
export function documentXml(bytes: Uint8Array): string {
  const xml = docxParts(bytes)['word/document.xml'];
  if (!xml) throw new Error('not a Word document: word/document.xml is missing');
  return xml;
}

/** The text of each paragraph of `word/document.xml` (runs joined, tabs as `\t`), in order. */
export function docxParagraphs(xml: string): string[] {
  const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map(([p]) =>
    [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:tab\/>|<w:br\/>/g)].map((m) => (m[0] === '<w:tab/>' ? '\t' : m[0] === '<w:br/>' ? '\n' : unescape(m[1] ?? ''))).join(''),
  );
}
