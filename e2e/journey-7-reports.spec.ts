import fs from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { quarterlyTitles } from '../db/seed/build-conference';
import { currentYearConferences } from '../db/seed/current-year';
import { documentXml, docxParagraphs } from '../test/docx';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// The 2018 conference of the article, whose minutes are published in the demo.
const conference2018 = quarterlyTitles(1);

/** The quarter the demo (and the report's default period) is in, by the city's calendar. */
function currentQuarter() {
  const day = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const [year, month] = day.split('-').map(Number) as [number, number];
  return { year, quarter: Math.floor((month - 1) / 3) + 1 };
}

/**
 * The quarter of the demo's latest conference with tasks: the one whose tasks are live (every state,
 * some overdue). It met at least three weeks ago, so it is an earlier quarter than the current one,
 * in which the demo has assigned nothing yet.
 */
function liveQuarter() {
  const withTasks = currentYearConferences(new Date()).filter((c) => c.actions.some((a) => a.tasks.length));
  const latest = withTasks.sort((a, b) => b.conference.startsAt.getTime() - a.conference.startsAt.getTime())[0]!.conference;
  return { year: latest.year, quarter: latest.quarter! };
}

/** The paragraphs of the Word file a click downloads, and its suggested name. */
async function downloadDocx(page: Page, click: () => Promise<void>) {
  const downloading = page.waitForEvent('download');
  await click();
  const download: Download = await downloading;
  const bytes = fs.readFileSync(await download.path());
  // A .docx is a zip: "PK".
  expect([...bytes.subarray(0, 2)]).toEqual([0x50, 0x4b]);
  return { fileName: download.suggestedFilename(), paragraphs: docxParagraphs(documentXml(bytes)) };
}

async function switchLanguage(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('menuitemradio', { name: to }).click();
}

test.use({ storageState: storageStateOf('secretary') });

// The language is saved to the secretary's profile: always hand them back in Chinese.
test.afterEach(async ({ page }) => {
  await page.goto('/reports/supervision');
  if ((await page.locator('html').getAttribute('lang')) === 'en') {
    await switchLanguage(page, 'Language: English', '中文');
    await expect(page.getByRole('heading', { level: 1, name: '督办通报' })).toBeVisible();
  }
});

test("journey 7: the secretary exports the quarter's supervision report and the overdue task list, and prints the minutes", async ({ page }) => {
  // Four pages, four downloads and a print preview on a 2-core machine.
  test.setTimeout(180_000);
  const now = currentQuarter();
  const { year, quarter } = liveQuarter();

  // The current quarter's report (asked for: while none of its tasks is due or done yet the page
  // opens on the quarter before): its overdue list holds every task assigned by the quarter's end
  // and still open past its due date, with its department.
  await page.goto(`/reports/supervision?period=${now.year}-Q${now.quarter}`);
  await expect(page.getByRole('heading', { level: 1, name: '督办通报' })).toBeVisible();
  const report = page.getByRole('article', { name: '督办通报' });
  await expect(report.getByText(`（${now.year}年第${now.quarter}季度）`, { exact: true })).toBeVisible();
  // Issued by the committee office, named from the departments.
  await expect(report.getByText('大连市安全生产委员会办公室')).toBeVisible();
  for (const section of ['一、总体情况', '二、各单位落实情况排名', '三、逾期未办结任务', '四、退回重办情况']) {
    await expect(page.getByRole('heading', { level: 2, name: section })).toBeVisible();
  }
  const overdue = page.getByRole('table', { name: '逾期未办结任务' });
  await expect(overdue.getByRole('columnheader')).toHaveText(['编号', '部署要求', '单位', '办理期限', '逾期天数']);
  // The Emergency Management Bureau has overdue tasks: the demo's, a few days late, and when journey 3
  // has run, its 2023 conference's task, years late (the days grouped by thousands, as a user reads them).
  const late = overdue.getByRole('row', { name: /大连市应急管理局/ }).first();
  await expect(late.getByRole('cell').last()).toHaveText(/^[1-9]\d{0,2}(,\d{3})*$/);
  await expect(late.getByRole('link')).toBeVisible();
  await expectAccessible(page);

  // The quarter the demo's live tasks were assigned in, chosen with the period form: its ranking.
  await page.getByLabel('年份').fill(String(year));
  await page.getByLabel('季度', { exact: true }).selectOption({ label: `${'一二三四'[quarter - 1]}季度` });
  await page.getByRole('button', { name: '生成通报' }).click();
  await expect(page).toHaveURL(new RegExp(`period=${year}-Q${quarter}`));
  await expect(report.getByText(`（${year}年第${quarter}季度）`, { exact: true })).toBeVisible();
  const ranking = page.getByRole('table', { name: '各单位落实情况排名' });
  await expect(ranking.getByRole('columnheader')).toHaveText(['名次', '单位', '交办', '未到期', '办结', '按期办结率', '逾期未办结', '退回', '得分']);
  await expect(ranking.getByRole('row', { name: /大连市应急管理局/ })).toBeVisible();
  await expect(ranking.getByRole('row', { name: /中山区/ })).toBeVisible();
  await expect(ranking.getByRole('row').nth(1).getByRole('cell').first()).toHaveText('1');
  await expect(overdue.getByRole('row', { name: /大连市应急管理局/ }).first()).toBeVisible();
  await expectAccessible(page);

  // On paper: no navigation, no buttons, no period form; the document itself.
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByRole('link', { name: '下载 Word' })).toBeHidden();
  await expect(page.getByRole('group', { name: '通报期间' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: '督办通报' })).toBeVisible();
  await expect(ranking).toBeVisible();
  await page.screenshot({ path: 'test-results/supervision-report-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  // The same report as Word, named for the quarter.
  const word = await downloadDocx(page, () => page.getByRole('link', { name: '下载 Word' }).click());
  expect(word.fileName).toBe(`督办通报-${year}年第${quarter}季度.docx`);
  expect(word.paragraphs.slice(0, 2)).toEqual(['督办通报', `（${year}年第${quarter}季度）`]);
  expect(word.paragraphs[2]).toMatch(/^大连市安全生产委员会办公室\t\d{4}年\d{1,2}月\d{1,2}日$/);
  expect(word.paragraphs).toEqual(expect.arrayContaining(['二、各单位落实情况排名', '名次', '大连市应急管理局', '中山区', '三、逾期未办结任务']));

  // Every overdue task in the task table, exported for Excel: UTF-8 with a BOM, Chinese headers.
  await page.getByRole('link', { name: '在任务列表中查看全部逾期任务' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '督办任务' })).toBeVisible();
  await expect(page).toHaveURL(/overdue=1/);
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: '导出 CSV' }).click();
  const csv = await downloading;
  expect(csv.suggestedFilename()).toMatch(/^督办任务-\d{8}\.csv$/);
  const bytes = fs.readFileSync(await csv.path());
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).split('\r\n').filter(Boolean);
  expect(lines[0]).toMatch(/^编号,任务,承办单位,承办角色,办理期限,状态,/);
  expect(lines.length).toBeGreaterThan(1);
  expect(lines.some((line) => line.includes(',大连市应急管理局,'))).toBe(true);
  // Only overdue rows: the last column says 是.
  for (const line of lines.slice(1)) expect(line.endsWith(',是')).toBe(true);

  // The minutes of the 2018 conference, printed and as Word.
  await page.goto('/conferences?year=2018&status=minutes_published');
  await page.getByRole('link', { name: conference2018.title }).click();
  await page.getByRole('link', { name: '会议纪要', exact: true }).first().click();
  const minutesTitle = `${conference2018.title}会议纪要`;
  await expect(page.getByRole('heading', { level: 1, name: minutesTitle })).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await expect(page.getByRole('button', { name: '打印' })).toBeHidden();
  await expect(page.getByRole('link', { name: '下载 Word' })).toBeHidden();
  await expect(page.getByRole('heading', { level: 1, name: minutesTitle })).toBeVisible();
  // The paper, not the office's editor below it.
  await expect(page.getByLabel('纪要内容（Markdown）')).toBeHidden();
  const minutesPaper = page.getByRole('article', { name: minutesTitle });
  await expect(minutesPaper.getByRole('heading', { level: 2, name: '纪要正文' })).toBeVisible();
  await expect(minutesPaper.getByText('会议交办事项：')).toBeVisible();
  await page.screenshot({ path: 'test-results/minutes-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });

  const minutes = await downloadDocx(page, () => page.getByRole('link', { name: '下载 Word' }).click());
  expect(minutes.fileName).toBe(`${minutesTitle}.docx`);
  expect(minutes.paragraphs.slice(0, 2)).toEqual([minutesTitle, '大连市人民政府\t2018年3月20日']);
  expect(minutes.paragraphs).toEqual(expect.arrayContaining(['一、参会情况', '四、纪要正文', '五、部署要求', '主持人：\t市政府秘书长 骆东升']));
  expect(minutes.paragraphs.some((p) => p.includes('会议交办事项：'))).toBe(true);
});

test('in English, the supervision report and the minutes download as English Word documents', async ({ page }) => {
  test.setTimeout(120_000);
  const { year, quarter } = liveQuarter();
  await page.goto(`/reports/supervision?period=${year}-Q${quarter}`);
  await switchLanguage(page, '语言：中文', 'English');
  await expect(page.getByRole('heading', { level: 1, name: 'Supervision report' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Ranking of departments' }).getByRole('row', { name: /Dalian Emergency Management Bureau/ })).toBeVisible();
  await expectAccessible(page);

  const report = await downloadDocx(page, () => page.getByRole('link', { name: 'Download Word' }).click());
  expect(report.fileName).toBe(`supervision-report-${year}-Q${quarter}.docx`);
  expect(report.paragraphs.slice(0, 2)).toEqual(['Supervision report', `Q${quarter} ${year}`]);
  expect(report.paragraphs).toEqual(expect.arrayContaining(['2. Ranking of departments', 'Rank', 'Dalian Emergency Management Bureau', '3. Overdue tasks']));

  // A period that ends before it starts: a message, and no report.
  await page.goto('/reports/supervision?from=2026-03-01&to=2026-01-01');
  await expect(page.getByRole('alert').filter({ hasText: 'The end date is before the start date.' })).toBeVisible();
  await expect(page.getByText('The report cannot be made: The end date is before the start date.')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);
  await expect(page.getByRole('link', { name: 'Download Word' })).toHaveCount(0);
  const refused = await page.request.get('/api/reports/supervision.docx?from=2026-03-01&to=2026-01-01');
  expect(refused.status()).toBe(422);
  expect(await refused.text()).toBe('The report cannot be made: The end date is before the start date.');

  await page.goto('/conferences?year=2018&status=minutes_published');
  await page.getByRole('link', { name: conference2018.titleEn }).click();
  await page.getByRole('link', { name: 'Minutes', exact: true }).first().click();
  const minutesTitle = `Minutes of ${conference2018.titleEn}`;
  await expect(page.getByRole('heading', { level: 1, name: minutesTitle })).toBeVisible();
  const minutes = await downloadDocx(page, () => page.getByRole('link', { name: 'Download Word' }).click());
  expect(minutes.fileName).toBe(`${minutesTitle}.docx`);
  expect(minutes.paragraphs.slice(0, 2)).toEqual([minutesTitle, "Dalian Municipal People's Government\t20 Mar 2018"]);
  expect(minutes.paragraphs).toEqual(expect.arrayContaining(['1. Attendance', '5. Requested actions']));
});
