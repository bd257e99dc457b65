import { describe, expect, it } from 'vitest';
import { markdownBlocks } from './markdown-blocks';

describe('markdownBlocks', () => {
  it('turns headings, paragraphs with line breaks, bold and italic into document blocks', () => {
    const blocks = markdownBlocks('# 会议议定事项\n\n会议**强调**，要*坚持*安全发展。\n第二行\n\n## 分项\n\n正文');
    expect(blocks).toEqual([
      { type: 'heading', level: 2, text: '会议议定事项' },
      {
        type: 'paragraph',
        content: [
          { text: '会议' },
          { text: '强调', bold: true },
          { text: '，要' },
          { text: '坚持', italic: true },
          { text: '安全发展。' },
          { text: '第二行', breakBefore: true },
        ],
      },
      { type: 'heading', level: 3, text: '分项' },
      { type: 'paragraph', content: [{ text: '正文' }] },
    ]);
  });

  it('numbers ordered lists from their start, bullets the others, and indents nested lists', () => {
    const [list] = markdownBlocks('3. 第三项\n4. 第四项，**重点**\n   - 子项一\n   - 子项二\n');
    expect(list).toEqual({
      type: 'list',
      items: [
        { marker: '3.', level: 0, content: [{ text: '第三项' }] },
        { marker: '4.', level: 0, content: [{ text: '第四项，' }, { text: '重点', bold: true }] },
        { marker: '◦', level: 1, content: [{ text: '子项一' }] },
        { marker: '◦', level: 1, content: [{ text: '子项二' }] },
      ],
    });
  });

  it('keeps quotes, code, tables and links readable on paper and drops raw HTML tags', () => {
    const blocks = markdownBlocks(
      '> 引用 &amp; 说明\n\n| 单位 | 时限 |\n| --- | ---: |\n| 中山区 | 3月31日 |\n\n见[通知](https://example.gov.cn/a)。<b onclick="x()">粗</b> `A&B`\n\n<div>块</div>',
    );
    expect(blocks).toEqual([
      { type: 'paragraph', content: [{ text: '引用 & 说明' }], quote: true },
      { type: 'table', columns: [{ header: '单位', align: undefined }, { header: '时限', align: 'right' }], rows: [['中山区', '3月31日']] },
      {
        type: 'paragraph',
        content: [{ text: '见' }, { text: '通知' }, { text: ' (https://example.gov.cn/a)' }, { text: '。' }, { text: '粗' }, { text: ' ' }, { text: 'A&B', code: true }],
      },
      { type: 'paragraph', content: '块' },
    ]);
  });
});
