import type { Page } from '@playwright/test';
import { currentYearConferences } from '../db/seed/current-year';
import { departmentByCode } from '../db/seed/departments';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

/**
 * The quarter of the demo's live tasks: those of the latest conference with published minutes,
 * assigned the weekday after it (the seed dates them relative to the day the server seeds).
 */
function liveQuarter() {
  const published = currentYearConferences(new Date()).filter((c) => c.conference.status === 'minutes_published');
  const latest = published.at(-1)!.conference;
  return { year: String(latest.year), quarter: String(latest.quarter), param: `${latest.year}-Q${latest.quarter}`, label: `${latest.year}年第${latest.quarter}季度` };
}

const emergency = departmentByCode('emergency');
const zhongshan = departmentByCode('zhongshan');

/** The chosen period through the period picker. */
async function chooseQuarter(page: Page, year: string, quarter: string) {
  await page.getByLabel('期间类型').selectOption('quarter');
  await page.getByLabel('年份').fill(year);
  await page.getByLabel('季度', { exact: true }).selectOption(quarter);
  await page.getByRole('button', { name: '查看' }).click();
}

/** The numbers in one column of a table's body, by the column's header; null for "—" and 未到期 (no score). */
async function columnValues(page: Page, table: string, column: string): Promise<(number | null)[]> {
  const grid = page.getByRole('table', { name: table });
  const headers = (await grid.getByRole('columnheader').allTextContents()).map((h) => h.trim());
  const index = headers.indexOf(column);
  expect(index, `column ${column} in ${headers.join(' | ')}`).toBeGreaterThanOrEqual(0);
  const cells = await grid.locator('tbody tr').evaluateAll((rows, i) => rows.map((r) => r.children[i]?.textContent ?? ''), index);
  return cells.map((text) => (['—', '未到期'].includes(text.trim()) ? null : Number(text.replace(/[%,]/g, ''))));
}

test.describe('a leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('opens 排名通报 for the live quarter, sorts by on-time rate, and opens a department’s scorecard', async ({ page }) => {
    const live = liveQuarter();
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '报表' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '排名通报' })).toBeVisible();
    await expectAccessible(page);

    await chooseQuarter(page, live.year, live.quarter);
    await expect(page).toHaveURL(new RegExp(`period=${live.param}`));
    await expect(page.getByRole('heading', { level: 2, name: live.label })).toBeVisible();
    await expect(page.getByText(/共 \d+ 个单位参与排名。/)).toBeVisible();
    const table = page.getByRole('table', { name: '各单位排名' });
    // Ranked best first: rank 1 heads the table and the scores do not rise.
    await expect(table.locator('tbody tr').first().getByRole('cell').first()).toHaveText('1');
    const scores = (await columnValues(page, '各单位排名', '得分')).filter((s) => s !== null);
    expect(scores.length).toBeGreaterThan(1);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);

    // Sorting by the on-time rate: lowest first, departments without one last.
    await table.getByRole('button', { name: '按期办结率' }).click();
    await expect(page).toHaveURL(/sort=onTimeRate/);
    await expect(table.getByRole('columnheader', { name: '按期办结率' })).toHaveAttribute('aria-sort', 'ascending');
    const rates = await columnValues(page, '各单位排名', '按期办结率');
    const known = rates.filter((r) => r !== null);
    expect(known.length).toBeGreaterThan(0);
    expect([...known].sort((a, b) => a - b)).toEqual(known);
    expect(rates.slice(0, known.length)).toEqual(known);
    await expectAccessible(page);

    // The formula is on the page, with the weights in force.
    await page.getByText('评分办法', { exact: true }).click();
    await expect(page.getByText('得分 = 100 ×（50 × 按期办结率 + 30 × 办结率 + 20 × 参会率 − 30 × 逾期任务占比 − 10 × 退回率）÷（50 + 30 + 20）')).toBeVisible();

    // A department's scorecard: the period's figures with its rank, then the last eight quarters.
    await table.getByRole('link', { name: emergency.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: emergency.name })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`period=${live.param}`));
    await expect(page.getByText(/第 \d+ 名 \/ 共 \d+ 个/)).toBeVisible();
    const quarters = page.getByRole('table', { name: `${emergency.name}各季度记分卡` });
    await expect(quarters.locator('tbody tr')).toHaveCount(8);
    const liveRow = quarters.getByRole('row', { name: new RegExp(live.label) });
    await expect(liveRow.getByRole('cell').first()).toHaveText(/^\d+\/\d+$/);
    await expectAccessible(page);

    // A period that ends before it starts: the message beside the choice, the current quarter shown.
    await page.getByLabel('期间类型').selectOption('range');
    await page.getByLabel('开始日期').fill('2026-05-01');
    await page.getByLabel('结束日期').fill('2026-04-01');
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '结束日期早于开始日期。' })).toBeVisible();
    await expect(page.getByLabel('结束日期')).toHaveAttribute('aria-invalid', 'true');
  });

  test('downloads the ranking as CSV with a BOM and a Chinese header; a bad period is refused', async ({ page }) => {
    const live = liveQuarter();
    await page.goto(`/reports?period=${live.param}`);
    const link = page.getByRole('link', { name: '下载 CSV' });
    await expect(link).toHaveAttribute('href', new RegExp(`/api/reports/ranking\\.csv\\?period=${live.param}`));
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toContain('text/csv');
    const body = await response.body();
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = body.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).toBe(
      '名次,单位,类型,得分,交办任务,未到期,已办结,按期办结,逾期办结,按期办结率 (%),办结率 (%),当前逾期,平均签收天数,平均办结天数,退回次数,申请延期,批准延期,应到会议,出席,参会率 (%)',
    );
    expect(lines[1]).toMatch(/^1,/);
    expect(lines.some((l) => l.includes(`,${emergency.name},`))).toBe(true);

    const refused = await page.request.get('/api/reports/ranking.csv?from=2026-05-01&to=2026-04-01');
    expect(refused.status()).toBe(422);
    expect(await refused.text()).toBe('结束日期早于开始日期。');
  });
});

test.describe('an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  /** Sets the attendance weight under 管理 → 排名权重. */
  async function setAttendanceWeight(page: Page, value: string) {
    await page.goto('/admin');
    await page.getByRole('link', { name: /排名权重/ }).click();
    await expect(page.getByRole('heading', { level: 1, name: '排名权重' })).toBeVisible();
    await page.getByLabel('参会率权重', { exact: true }).fill(value);
    await page.getByRole('button', { name: '保存权重' }).click();
    await expect(page.getByRole('status').filter({ hasText: '权重已保存，排名已按新权重计算。' })).toBeVisible();
  }

  test('changes a weight and the formula on the ranking shows it', async ({ page }) => {
    try {
      await setAttendanceWeight(page, '25');
      await expectAccessible(page);
      await page.goto(`/reports?period=${liveQuarter().param}`);
      await page.getByText('评分办法', { exact: true }).click();
      await expect(page.getByText('得分 = 100 ×（50 × 按期办结率 + 30 × 办结率 + 25 × 参会率 − 30 × 逾期任务占比 − 10 × 退回率）÷（50 + 30 + 25）')).toBeVisible();
      await expect(page.getByText(/权重由系统管理员设置，最近修改于/)).toBeVisible();
      await expectAccessible(page);
    } finally {
      // Back to the defaults for the other journeys.
      await setAttendanceWeight(page, '20');
    }
  });

  test('is told what is wrong with weights that cannot work, and nothing is saved', async ({ page }) => {
    await page.goto('/admin/ranking');
    for (const label of ['按期办结率权重', '办结率权重', '参会率权重']) await page.getByLabel(label, { exact: true }).fill('0');
    await page.getByLabel('退回率权重', { exact: true }).fill('101');
    await page.getByRole('button', { name: '保存权重' }).click();
    await expect(page.getByText('至少要有一项加分指标（按期办结率、办结率、参会率）的权重大于 0。')).toBeVisible();
    await expect(page.getByText('不能大于 100。')).toBeVisible();
    await expect(page.getByLabel('退回率权重', { exact: true })).toBeFocused();
    await page.reload();
    await expect(page.getByLabel('按期办结率权重', { exact: true })).toHaveValue('50');
  });
});

test.describe('a department head', () => {
  test.use({ storageState: storageStateOf('dept-zhongshan') });

  test('sees their own row with its rank, their own scorecard, and no other department’s', async ({ page, browser }) => {
    const live = liveQuarter();
    await page.goto(`/reports?period=${live.param}`);
    await expect(page.getByText('本单位的记分卡，以及在全市各单位中的名次。')).toBeVisible();
    await expect(page.getByText(/本单位列第 \d+ 名（共 \d+ 个单位参与排名）。/)).toBeVisible();
    const rows = page.getByRole('table', { name: '各单位排名' }).locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first().getByRole('link')).toHaveText(zhongshan.name);
    await expectAccessible(page);

    await rows.first().getByRole('link', { name: zhongshan.name }).click();
    await expect(page.getByRole('heading', { level: 1, name: zhongshan.name })).toBeVisible();
    await expectAccessible(page);

    // Another department's scorecard does not exist for them: found through a leader's ranking.
    const leader = await browser.newContext({ storageState: storageStateOf('leader') });
    const leaderPage = await leader.newPage();
    await leaderPage.goto(`/reports?period=${live.param}&q=${encodeURIComponent(emergency.name)}`);
    const href = await leaderPage.getByRole('link', { name: emergency.name }).getAttribute('href');
    await leader.close();
    await page.goto(href!);
    await expect(page.getByRole('heading', { name: '找不到该页面' })).toBeVisible();
  });
});

test.describe('in English', () => {
  test.use({ storageState: storageStateOf('leader') });

  async function switchLanguage(page: Page, from: string, to: string) {
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('menuitemradio', { name: to }).click();
  }

  // The language is saved to the leader's profile: always hand the leader back in Chinese.
  test.afterEach(async ({ page }) => {
    await page.goto('/reports');
    if ((await page.locator('html').getAttribute('lang')) === 'en') {
      await switchLanguage(page, 'Language: English', '中文');
      await expect(page.getByRole('heading', { level: 1, name: '排名通报' })).toBeVisible();
    }
  });

  test('the ranking, a scorecard and the CSV read in English', async ({ page }) => {
    const live = liveQuarter();
    await page.goto(`/reports?period=${live.param}`);
    await switchLanguage(page, '语言：中文', 'English');
    await expect(page.getByRole('heading', { level: 1, name: 'Department ranking' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: `Q${live.quarter} ${live.year}` })).toBeVisible();
    await page.getByText('How the score is computed', { exact: true }).click();
    await expect(page.getByText('Score = 100 × (50 × on-time rate + 30 × completion rate + 20 × attendance rate − 30 × overdue share − 10 × return rate) ÷ (50 + 30 + 20)')).toBeVisible();
    await expectAccessible(page);

    const csv = await page.request.get(`/api/reports/ranking.csv?period=${live.param}`);
    expect((await csv.text()).replace(/^\uFEFF/, '').split('\r\n')[0]).toMatch(/^Rank,Department,Kind,Score,Assigned,/);

    await page.getByRole('table', { name: 'Ranking of departments' }).getByRole('link', { name: emergency.nameEn! }).click();
    await expect(page.getByRole('heading', { level: 1, name: emergency.nameEn! })).toBeVisible();
    await expect(page.getByRole('table', { name: `${emergency.nameEn}: scorecard by quarter` }).locator('tbody tr')).toHaveCount(8);
    await expectAccessible(page);
  });
});
