import { describe, expect, it } from 'vitest';
import { documentXml, docxParagraphs, docxParts } from '@/test/docx';
import { type OfficialDocumentInput, officialDocx } from './official-document';

const blocks: OfficialDocumentInput['blocks'] = [
  { type: 'heading', level: 1, text: '一、排名情况' },
  { type: 'paragraph', content: [{ text: '本季度共交办' }, { text: '12', bold: true }, { text: '项任务。' }] },
  {
    type: 'table',
    columns: [{ header: '名次', align: 'right' }, { header: '单位', width: 3 }, { header: '得分', align: 'right' }],
    rows: [['1', '大连市应急管理局', '96.5'], ['2', '中山区\n（配合）', '90']],
  },
  { type: 'list', items: [{ marker: '1.', level: 0, content: [{ text: '逾期任务' }] }] },
  { type: 'facts', rows: [['主持', '市政府秘书长 骆东升']] },
  { type: 'note', text: '仅列出前 200 项。' },
];

describe('officialDocx', () => {
  it('writes a Word file whose document holds the title, issuer, date, text and table rows in order', async () => {
    const bytes = await officialDocx({ locale: 'zh-CN', title: '督办通报', subtitle: '2026年第4季度', issuer: '大连市安全生产委员会办公室', date: '2026-11-28', blocks });
    const parts = docxParts(bytes);
    expect(Object.keys(parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml', 'word/footer1.xml']));
    const xml = documentXml(bytes);
    expect(docxParagraphs(xml).filter(Boolean)).toEqual([
      '督办通报',
      '2026年第4季度',
      '大连市安全生产委员会办公室\t2026年11月28日',
      '一、排名情况',
      '本季度共交办12项任务。',
      '名次', '单位', '得分',
      '1', '大连市应急管理局', '96.5',
      '2', '中山区\n（配合）', '90',
      '1.\t逾期任务',
      '主持：\t市政府秘书长 骆东升',
      '仅列出前 200 项。',
    ]);
    expect(parts['docProps/core.xml']).toContain('<dc:title>督办通报</dc:title>');
  });

  it('sets a Chinese document in official fonts and marks its language as zh-CN, on A4 with page numbers', async () => {
    const bytes = await officialDocx({ locale: 'zh-CN', title: '督办通报', issuer: '市安委办', date: '2026-11-28', blocks });
    const parts = docxParts(bytes);
    const xml = parts['word/document.xml']!;
    expect(xml).toMatch(/w:eastAsia="方正小标宋简体"[^>]*\/>(?:<[^>]+>)*?<w:sz w:val="44"\/>/);
    expect(xml).toContain('w:eastAsia="黑体"');
    expect(xml).toContain('w:eastAsia="仿宋"');
    expect(xml).toContain('<w:lang w:val="zh-CN" w:eastAsia="zh-CN"/>');
    expect(xml).not.toContain('en-GB');
    // A4 (210 × 297 mm in twips) and the header row repeated on each page.
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toContain('<w:tblHeader/>');
    expect(xml).toContain('<w:cantSplit/>');
    expect(parts['word/footer1.xml']).toContain('PAGE');
    expect(parts['word/styles.xml']).toContain('w:eastAsia="仿宋"');
  });

  it('sets an English document in a serif, with the English date and en-GB language', async () => {
    const bytes = await officialDocx({ locale: 'en', title: 'Supervision report', issuer: 'Committee Office', date: '2026-11-28', blocks: [{ type: 'paragraph', content: 'Text.' }] });
    const xml = documentXml(bytes);
    expect(docxParagraphs(xml).filter(Boolean)).toEqual(['Supervision report', 'Committee Office\t28 Nov 2026', 'Text.']);
    expect(xml).toContain('<w:lang w:val="en-GB" w:eastAsia="zh-CN"/>');
    expect(xml).toContain('w:ascii="Times New Roman"');
    expect(xml).not.toContain('仿宋');
    expect(docxParts(bytes)['word/footer1.xml']).toContain('NUMPAGES');
  });

  it('escapes text that looks like markup', async () => {
    const bytes = await officialDocx({ locale: 'en', title: 'A <b> & "c"', issuer: 'O', date: '2026-01-02', blocks: [] });
    const xml = documentXml(bytes);
    expect(xml).toContain('A &lt;b&gt; &amp; &quot;c&quot;');
    expect(docxParagraphs(xml)[0]).toBe('A <b> & "c"');
  });
});
