import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  type ParagraphChild,
  Tab,
  Table,
  TableCell,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { Locale } from '@/lib/i18n/config';
import { formatDate } from '@/lib/i18n/format';

/** One piece of text in a paragraph, with the emphasis Markdown can give it. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  code?: boolean;
  /** A line break before this piece's text. */
  breakBefore?: boolean;
}

export interface ListItem {
  /** What stands before the item: `1.`, `•`, `（一）`… written as text, so every list restarts where it should. */
  marker: string;
  /** 0 for the outer list, 1 for a list inside one of its items… */
  level: number;
  content: Inline[];
}

export interface TableColumn {
  header: string;
  /** Relative width; the columns share the page's width in these proportions. */
  width?: number;
  align?: 'left' | 'center' | 'right';
}

/** The parts a document is made of, in reading order. */
export type Block =
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | { type: 'paragraph'; content: string | Inline[]; align?: 'left' | 'center' | 'right'; quote?: boolean }
  | { type: 'list'; items: ListItem[] }
  | { type: 'table'; columns: TableColumn[]; rows: string[][] }
  /** Label–value lines, such as a meeting's time, venue and chair. */
  | { type: 'facts'; rows: [label: string, value: string][] }
  /** A smaller line under a table or list, e.g. "the first 200 of 250 are listed". */
  | { type: 'note'; text: string };

export interface OfficialDocumentInput {
  locale: Locale;
  title: string;
  /** A line under the title, e.g. the period a report covers. */
  subtitle?: string;
  /** The issuing body (发文机关), printed under the title with the date. */
  issuer: string;
  /** The date of the document (成文日期). */
  date: Date | string;
  blocks: Block[];
}

/**
 * The fonts of a Chinese official document (GB/T 9704): the title in 方正小标宋简体, first-level
 * headings in 黑体, the rest in 仿宋 (named 仿宋 rather than 仿宋_GB2312, which Windows no longer
 * ships; Word falls back well from either); Latin letters and digits in Times New Roman. An English
 * document is set in a serif throughout.
 */
export const documentFonts = {
  'zh-CN': { title: '方正小标宋简体', heading: '黑体', subheading: '楷体', body: '仿宋', latin: 'Times New Roman', pageNumber: '宋体' },
  en: { title: 'Times New Roman', heading: 'Times New Roman', subheading: 'Times New Roman', body: 'Times New Roman', latin: 'Times New Roman', pageNumber: 'Times New Roman' },
} as const satisfies Record<Locale, Record<string, string>>;

/** Sizes in half-points: 二号 22 pt title, 三号 16 pt text, 小四 12 pt tables in Chinese; 18/12/10 pt in English. */
const sizes = {
  'zh-CN': { title: 44, subtitle: 32, body: 32, table: 24, note: 24, pageNumber: 28, line: 560 },
  en: { title: 36, subtitle: 26, body: 24, table: 20, note: 20, pageNumber: 20, line: 320 },
} as const satisfies Record<Locale, Record<string, number>>;

// A4 with the margins of GB/T 9704 (top 37 mm, bottom 35 mm, left 28 mm, right 26 mm), in twips.
const mm = (value: number) => Math.round((value * 1440) / 25.4);
const page = { width: 11906, height: 16838, top: mm(37), bottom: mm(35), left: mm(28), right: mm(26) };
const textWidth = page.width - page.left - page.right;

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' } as const;

/** The document as a Word file (.docx). */
export async function officialDocx(input: OfficialDocumentInput): Promise<Buffer> {
  return Packer.toBuffer(officialDocument(input));
}

/** The document as docx's object model; `officialDocx` packs it. */
export function officialDocument(input: OfficialDocumentInput): Document {
  const { locale } = input;
  const font = documentFonts[locale];
  const size = sizes[locale];
  const zh = locale === 'zh-CN';
  // Latin text is marked as the document's language, Chinese always as zh-CN (names stay Chinese on English pages).
  const language = { value: zh ? 'zh-CN' : 'en-GB', eastAsia: 'zh-CN' };
  const fonts = (eastAsia: string) => ({ ascii: font.latin, hAnsi: font.latin, cs: font.latin, eastAsia });
  type RunOptions = { font?: string; size?: number; bold?: boolean; italic?: boolean; strike?: boolean; breakBefore?: boolean; tabBefore?: boolean; tabAfter?: boolean };
  const run = (text: string, options: RunOptions = {}) =>
    new TextRun({
      children: [...(options.tabBefore ? [new Tab()] : []), text, ...(options.tabAfter ? [new Tab()] : [])],
      font: fonts(options.font ?? font.body),
      size: options.size ?? size.body,
      bold: options.bold || undefined,
      italics: options.italic || undefined,
      strike: options.strike || undefined,
      break: options.breakBefore ? 1 : undefined,
      language,
    });
  const inlineRuns = (content: string | Inline[], runSize = size.body) =>
    (typeof content === 'string' ? [{ text: content }] : content).map((part: Inline) =>
      run(part.text, { size: runSize, bold: part.bold, italic: part.italic, strike: part.strike, breakBefore: part.breakBefore, font: part.code ? font.latin : font.body }),
    );
  const bodySpacing = zh ? { line: size.line, lineRule: LineRuleType.EXACT } : { line: size.line, lineRule: LineRuleType.AUTO, after: 120 };
  // Chinese paragraphs start two characters in: two ems of the body size, in twips.
  const firstLine = zh ? { firstLine: size.body * 20 } : undefined;

  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { before: 0, after: zh ? 240 : 160, line: zh ? 700 : 400, lineRule: zh ? LineRuleType.EXACT : LineRuleType.AUTO },
      keepNext: true,
      children: [run(input.title, { font: font.title, size: size.title, bold: !zh })],
    }),
  ];
  if (input.subtitle) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: true,
        children: [run(input.subtitle, { font: font.subheading, size: size.subtitle, italic: !zh })],
      }),
    );
  }
  // The issuing body on the left and the date on the right, over a rule (版头).
  children.push(
    new Paragraph({
      tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
      border: { bottom: { ...thin, size: 12, space: 4 } },
      spacing: { before: 120, after: 240 },
      children: [run(input.issuer, { size: size.table }), run(formatDate(input.date, locale), { size: size.table, tabBefore: true })],
    }),
  );

  for (const block of input.blocks) {
    switch (block.type) {
      case 'heading':
        children.push(
          new Paragraph({
            keepNext: true,
            spacing: { ...bodySpacing, before: zh ? 0 : 240, after: zh ? 0 : 120 },
            indent: firstLine,
            children: [run(block.text, { font: block.level === 1 ? font.heading : font.subheading, bold: !zh || block.level === 3, size: zh ? size.body : block.level === 1 ? 28 : 24 })],
          }),
        );
        break;
      case 'paragraph':
        children.push(
          new Paragraph({
            alignment: block.align === 'center' ? AlignmentType.CENTER : block.align === 'right' ? AlignmentType.RIGHT : zh ? AlignmentType.JUSTIFIED : AlignmentType.LEFT,
            spacing: bodySpacing,
            indent: block.quote ? { left: 640, firstLine: firstLine?.firstLine } : block.align ? undefined : firstLine,
            children: inlineRuns(block.content),
          }),
        );
        break;
      case 'list':
        for (const item of block.items) {
          const left = 640 * (item.level + 1);
          children.push(
            new Paragraph({
              spacing: bodySpacing,
              indent: { left, hanging: 480 },
              tabStops: [{ type: TabStopType.LEFT, position: left }],
              children: [run(item.marker, { tabAfter: true }), ...inlineRuns(item.content)],
            }),
          );
        }
        break;
      case 'facts':
        for (const [label, value] of block.rows) {
          children.push(
            new Paragraph({
              spacing: bodySpacing,
              indent: { left: zh ? 1920 : 1800, hanging: zh ? 1920 : 1800 },
              tabStops: [{ type: TabStopType.LEFT, position: zh ? 1920 : 1800 }],
              children: [run(`${label}${zh ? '：' : ':'}`, { font: zh ? font.heading : font.body, bold: !zh, tabAfter: true }), run(value)],
            }),
          );
        }
        break;
      case 'note':
        children.push(new Paragraph({ spacing: { before: 60, after: 120 }, children: [run(block.text, { size: size.note, italic: !zh })] }));
        break;
      case 'table':
        children.push(
          table(block.columns, block.rows, (text, header, breakBefore) => run(text, { size: size.table, bold: header && !zh, font: header && zh ? font.heading : font.body, breakBefore })),
        );
        // Word joins two tables that touch; a paragraph keeps the next block apart.
        children.push(new Paragraph({ spacing: { after: 120 }, children: [] }));
        break;
    }
  }

  const pageNumber: ParagraphChild[] = zh
    ? [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: fonts(font.pageNumber), size: size.pageNumber, language })]
    : [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES], font: fonts(font.pageNumber), size: size.pageNumber, language })];

  return new Document({
    title: input.title,
    creator: input.issuer,
    styles: { default: { document: { run: { font: fonts(font.body), size: size.body, language } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: page.width, height: page.height },
            margin: { top: page.top, bottom: page.bottom, left: page.left, right: page.right, header: mm(15), footer: mm(20) },
          },
        },
        footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: pageNumber })] }) },
        children,
      },
    ],
  });
}

/** A bordered table whose header row repeats on each page; no row is split across pages. */
function table(columns: TableColumn[], rows: string[][], run: (text: string, header: boolean, breakBefore: boolean) => TextRun): Table {
  const total = columns.reduce((sum, c) => sum + (c.width ?? 1), 0);
  const widths = columns.map((c) => Math.floor((textWidth * (c.width ?? 1)) / total));
  const alignment = (column: TableColumn) => (column.align === 'right' ? AlignmentType.RIGHT : column.align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: VerticalAlignTable.CENTER,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : alignment(columns[i]!),
          children: text.split('\n').map((line, j) => run(line, header, j > 0)),
        }),
      ],
    });
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: widths,
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c, i) => cell(c.header, i, true)) }),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: columns.map((_, i) => cell(r[i] ?? '', i, false)) })),
    ],
  });
}

export const docxMediaType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
