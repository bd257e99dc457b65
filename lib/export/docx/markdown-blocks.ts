import { Lexer, type Token, type Tokens } from 'marked';
import type { Block, Inline, ListItem } from './official-document';

// The same reading of Markdown as the minutes page (lib/domain/markdown.ts): GFM, a single newline breaks the line.
const lexerOptions = { gfm: true, breaks: true } as const;

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", apos: "'", nbsp: '\u00a0' };
const decode = (text: string) => text.replace(/&(amp|lt|gt|quot|#39|apos|nbsp);/g, (_, name: string) => entities[name]!);
// Raw HTML is never copied into the document: its tags go, what they enclosed stays.
const stripTags = (html: string) => decode(html.replace(/<[^>]*>/g, ''));

type Emphasis = Pick<Inline, 'bold' | 'italic' | 'strike' | 'code'>;

/** Inline Markdown (text, **bold**, *italic*, ~~struck~~, `code`, links, breaks) as runs of text. */
function inlines(tokens: readonly Token[] | undefined, emphasis: Emphasis = {}): Inline[] {
  const out: Inline[] = [];
  let breakNext = false;
  const push = (text: string, extra: Emphasis = {}) => {
    if (!text) return;
    out.push({ text, ...emphasis, ...extra, ...(breakNext ? { breakBefore: true } : {}) });
    breakNext = false;
  };
  const nested = (children: Inline[]) => {
    for (const child of children) {
      if (breakNext) {
        out.push({ ...child, breakBefore: true });
        breakNext = false;
      } else out.push(child);
    }
  };
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'strong':
        nested(inlines((token as Tokens.Strong).tokens, { ...emphasis, bold: true }));
        break;
      case 'em':
        nested(inlines((token as Tokens.Em).tokens, { ...emphasis, italic: true }));
        break;
      case 'del':
        nested(inlines((token as Tokens.Del).tokens, { ...emphasis, strike: true }));
        break;
      case 'codespan':
        push(decode((token as Tokens.Codespan).text), { code: true });
        break;
      case 'br':
        breakNext = true;
        break;
      case 'link': {
        const link = token as Tokens.Link;
        const label = inlines(link.tokens, emphasis);
        nested(label);
        // On paper the address is the link: written after its text unless the text is the address.
        if (label.map((l) => l.text).join('') !== link.href) push(` (${link.href})`);
        break;
      }
      case 'image':
        push((token as Tokens.Image).text);
        break;
      case 'html':
        push(stripTags((token as Tokens.HTML).text));
        break;
      case 'text': {
        const text = token as Tokens.Text;
        if (text.tokens?.length) nested(inlines(text.tokens, emphasis));
        else push(decode(text.text));
        break;
      }
      default:
        // escape and anything else: its text as written.
        push(decode('text' in token && typeof token.text === 'string' ? token.text : token.raw));
    }
  }
  return out;
}

const plain = (tokens: readonly Token[] | undefined) =>
  inlines(tokens)
    .map((i) => (i.breakBefore ? `\n${i.text}` : i.text))
    .join('');

const bullets = ['•', '◦', '▪'];

function listItems(list: Tokens.List, level: number): ListItem[] {
  const items: ListItem[] = [];
  const start = typeof list.start === 'number' ? list.start : 1;
  list.items.forEach((item, i) => {
    const marker = list.ordered ? `${start + i}.` : bullets[Math.min(level, bullets.length - 1)]!;
    const parts: Inline[][] = [];
    const nestedLists: ListItem[] = [];
    for (const child of item.tokens) {
      if (child.type === 'list') nestedLists.push(...listItems(child as Tokens.List, level + 1));
      else if (child.type === 'text' || child.type === 'paragraph') parts.push(inlines((child as Tokens.Text).tokens ?? [{ ...child, tokens: undefined } as Token]));
      else parts.push(blockText(child));
    }
    // Paragraphs of one item continue on new lines of the same item.
    const content: Inline[] = parts.filter((p) => p.length).flatMap((p, j) => (j ? [{ ...p[0]!, breakBefore: true }, ...p.slice(1)] : p));
    if (item.task) content.unshift({ text: item.checked ? '☑ ' : '☐ ' });
    items.push({ marker, level, content }, ...nestedLists);
  });
  return items;
}

/** Anything else inside a list item (a code block, a quote) as plain text. */
function blockText(token: Token): Inline[] {
  if (token.type === 'space') return [];
  if (token.type === 'code') return [{ text: (token as Tokens.Code).text, code: true }];
  if (token.type === 'html') return [{ text: stripTags((token as Tokens.HTML).text) }];
  return 'tokens' in token && token.tokens ? inlines(token.tokens) : [{ text: decode(token.raw.trim()) }];
}

function blocks(tokens: readonly Token[], headingLevel: 1 | 2 | 3, quote: boolean): Block[] {
  const out: Block[] = [];
  for (const token of tokens) {
    switch (token.type) {
      case 'heading': {
        const depth = (token as Tokens.Heading).depth;
        const text = plain((token as Tokens.Heading).tokens);
        out.push({ type: 'heading', level: Math.min(3, headingLevel + depth - 1) as 1 | 2 | 3, text });
        break;
      }
      case 'paragraph':
        out.push({ type: 'paragraph', content: inlines((token as Tokens.Paragraph).tokens), ...(quote ? { quote } : {}) });
        break;
      case 'text':
        out.push({ type: 'paragraph', content: inlines((token as Tokens.Text).tokens ?? [token]), ...(quote ? { quote } : {}) });
        break;
      case 'list':
        out.push({ type: 'list', items: listItems(token as Tokens.List, 0) });
        break;
      case 'blockquote':
        out.push(...blocks((token as Tokens.Blockquote).tokens, headingLevel, true));
        break;
      case 'code': {
        const lines = (token as Tokens.Code).text.split('\n');
        out.push({ type: 'paragraph', content: lines.map((text, i) => ({ text, code: true, ...(i ? { breakBefore: true } : {}) })), quote: true });
        break;
      }
      case 'table': {
        const table = token as Tokens.Table;
        out.push({
          type: 'table',
          columns: table.header.map((cell, i) => ({ header: plain(cell.tokens), align: table.align[i] ?? undefined })),
          rows: table.rows.map((row) => row.map((cell) => plain(cell.tokens))),
        });
        break;
      }
      case 'html': {
        const text = stripTags((token as Tokens.HTML).text).trim();
        if (text) out.push({ type: 'paragraph', content: text });
        break;
      }
      default:
        // space, hr, def: nothing to print.
        break;
    }
  }
  return out;
}

/**
 * Minutes (Markdown) as the blocks of a Word document: headings, paragraphs, lists, quotes,
 * tables, bold and italic. `#` becomes a heading of `headingLevel`, `##` the next one…
 */
export function markdownBlocks(text: string, { headingLevel = 2 }: { headingLevel?: 1 | 2 | 3 } = {}): Block[] {
  return blocks(new Lexer(lexerOptions).lex(text), headingLevel, false);
}
