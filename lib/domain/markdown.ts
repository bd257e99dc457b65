import 'server-only';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

// Minutes are typed line by line, the way the office writes them: a single newline is a line break.
const markdown = new Marked({ gfm: true, breaks: true, async: false });

/** What minutes may contain: text structure and links, nothing that runs or loads. */
const allowed = {
  allowedTags: [
    'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'br', 'hr', 'blockquote', 'pre', 'code',
    'ul', 'ol', 'li', 'strong', 'em', 'del', 'a',
    'table', 'thead', 'tbody', 'tr', 'th', 'td',
  ],
  allowedAttributes: { a: ['href', 'title'], ol: ['start'], th: ['align'], td: ['align'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
} satisfies sanitizeHtml.IOptions;

const headingTags = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const;

export interface RenderMarkdownOptions {
  /**
   * The level a Markdown `#` heading gets, so the text's headings fit under the page's own
   * (the minutes text sits under an h2: `#` becomes h3, `##` h4…, at most h6). Default 1.
   */
  headingLevel?: 1 | 2 | 3 | 4 | 5 | 6;
}

/**
 * Minutes (Markdown) as HTML that is safe to put in the page: Markdown passes raw HTML through,
 * so the result is sanitized — no scripts, event handlers, styles, frames or images.
 */
export function renderMarkdown(text: string, { headingLevel = 1 }: RenderMarkdownOptions = {}): string {
  const html = markdown.parse(text) as string;
  const shift = headingLevel - 1;
  const headings = Object.fromEntries(headingTags.map((tag, i) => [tag, headingTags[Math.min(i + shift, 5)]!]));
  return sanitizeHtml(html, {
    ...allowed,
    transformTags: { ...headings, a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }) },
  });
}
