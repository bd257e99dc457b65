import { describe, expect, it } from 'vitest';
import { renderMarkdown } from './markdown';

describe('renderMarkdown', () => {
  it('renders headings, lists, emphasis and line breaks', () => {
    const html = renderMarkdown('# 会议纪要\n\n- 一、部署\n- 二、要求\n\n**加粗**\n第二行');
    expect(html).toContain('<h1>会议纪要</h1>');
    expect(html).toContain('<li>一、部署</li>');
    expect(html).toContain('<strong>加粗</strong><br />第二行');
  });

  it('moves headings down to fit under the page heading', () => {
    const html = renderMarkdown('# 一级\n\n## 二级\n\n###### 六级', { headingLevel: 3 });
    expect(html).toContain('<h3>一级</h3>');
    expect(html).toContain('<h4>二级</h4>');
    expect(html).toContain('<h6>六级</h6>');
    expect(html).not.toContain('<h1>');
  });

  it('removes script tags and their content', () => {
    const html = renderMarkdown('正文\n\n<script>alert(1)</script>\n\n<SCRIPT src="x.js"></SCRIPT>');
    expect(html.toLowerCase()).not.toContain('<script');
    expect(html).not.toContain('alert(1)');
    expect(html).toContain('正文');
  });

  it('removes on* event handler attributes', () => {
    const html = renderMarkdown('<p onclick="alert(1)" onmouseover="x()">点击</p>\n\n<a href="https://example.org" onfocus="y()">链接</a>');
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).toContain('点击');
    expect(html).toContain('href="https://example.org"');
  });

  it('removes javascript: links, images, styles and frames', () => {
    const html = renderMarkdown('[x](javascript:alert(1)) ![img](https://example.org/a.png) <img src=x onerror=alert(1)> <iframe src="https://e.org"></iframe> <style>body{}</style>');
    expect(html).not.toContain('javascript:');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<iframe');
    expect(html).not.toContain('<style');
  });
});
