import iconv from 'iconv-lite';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// The article's figures: as of March 2018, 2017 against 2015 and the months since October 2015.
const conferenceTitle = '大连市安全生产暨安委会第一季度工作电视电话会议';
const demoTitleEn = "Municipal video and telephone conference on safety production and the safety committee's first-quarter work";

/** A month no earlier run of this spec is likely to have recorded for the district: 2000–2014. */
/** The row of a month in a records table, by its first cell. */
const monthRow = (page: Page, table: string, period: string) =>
  page.getByRole('table', { name: table }).getByRole('row').filter({ has: page.getByRole('cell', { name: period, exact: true }) });

function freshMonth() {
  const n = Date.now();
  return { year: 2000 + (Math.floor(n / 12) % 15), month: (n % 12) + 1 };
}

async function chooseFigures(page: Page, labels: { form: string; asOf: string; baseline: string; apply: string }, asOf: string, baseline: string) {
  const controls = page.getByRole('form', { name: labels.form });
  await controls.getByLabel(labels.asOf).fill(asOf);
  await controls.getByLabel(labels.baseline).selectOption(baseline);
  await controls.getByRole('button', { name: labels.apply }).click();
  await expect(page).toHaveURL(new RegExp(`asOf=${asOf}`));
}

test.describe('a secretary', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('reads the article figures, records and corrects a month, and imports CSV files', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '安全生产指标' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '安全生产指标' })).toBeVisible();

    // As of March 2018 against 2015: the figures the 2018 work report quoted.
    await chooseFigures(page, { form: '统计口径', asOf: '截至月份', baseline: '基准年份', apply: '应用' }, '2018-03', '2015');
    const headline = page.getByRole('region', { name: '与基准年相比' });
    await expect(headline.getByText('全市 · 数据截至2018年3月 · 2017年与基准年2015年相比')).toBeVisible();
    await expect(headline.getByRole('definition').filter({ hasText: '-36%' })).toContainText('2017年 288 起，2015年 450 起');
    await expect(headline.getByRole('definition').filter({ hasText: '-32%' })).toContainText('2017年 170 人，2015年 250 人');
    await expect(headline.getByRole('definition').filter({ hasText: '29 个月' })).toContainText('上一次较大及以上事故：2015年10月');

    // The charts' figures as tables (for screen readers), and the monthly records.
    const byYear = page.getByRole('table', { name: '按年度（图表数据）' });
    await expect(byYear.getByRole('row', { name: /^2015年/ })).toContainText('450');
    await expect(page.getByRole('table', { name: '按季度（图表数据）' }).getByRole('row', { name: /^2018年第1季度/ })).toBeVisible();
    await expect(monthRow(page, '全市月度安全生产指标', '2018年3月')).toHaveCount(0);
    await page.getByRole('button', { name: '筛选：年份' }).click();
    await page.getByRole('menuitemradio', { name: '2018' }).click();
    await expect(monthRow(page, '全市月度安全生产指标', '2018年3月')).toBeVisible();
    await expectAccessible(page);

    // Record a district's month: a negative count is refused next to its field, then corrected.
    const { year, month } = freshMonth();
    const period = `${year}年${month}月`;
    const form = page.getByRole('region', { name: '录入月度数据' });
    await form.getByLabel('年份', { exact: true }).fill(String(year));
    await form.getByLabel('月份', { exact: true }).selectOption({ label: `${month}月` });
    await form.getByLabel('区域').selectOption({ label: '西岗区' });
    await form.getByLabel('事故起数').fill('-1');
    await form.getByLabel('死亡人数').fill('1');
    await form.getByRole('button', { name: '录入' }).click();
    await expect(form.getByRole('alert')).toHaveText('请检查标注的字段。');
    await expect(form.getByLabel('事故起数')).toBeFocused();
    await expect(form.getByText('不能为负数。')).toBeVisible();
    await form.getByLabel('事故起数').fill('3');
    await form.getByRole('button', { name: '录入' }).click();
    await expect(form.getByRole('status')).toHaveText(`已录入：${period}，西岗区。`);

    // The district's figures: correct the month just recorded.
    const controls = page.getByRole('form', { name: '统计口径' });
    await controls.getByLabel('区域').selectOption({ label: '西岗区' });
    await controls.getByRole('button', { name: '应用' }).click();
    await expect(page).toHaveURL(/region=\d+/);
    const districtUrl = new URL(page.url());
    await page.goto(`${districtUrl.pathname}${districtUrl.search}&year=${year}`);
    await page.getByRole('table', { name: '西岗区月度安全生产指标' }).getByRole('link', { name: `更正：${period}，西岗区` }).click();
    const correction = page.getByRole('region', { name: '更正月度数据' });
    await expect(correction.getByText(`正在更正：${period}，西岗区`)).toBeVisible();
    await expect(correction.getByLabel('事故起数')).toHaveValue('3');
    await correction.getByLabel('事故起数').fill('4');
    await correction.getByRole('button', { name: '保存更正' }).click();
    await expect(correction.getByRole('status')).toHaveText(`已更正：${period}，西岗区。`);
    await expect(monthRow(page, '西岗区月度安全生产指标', period).getByRole('cell').nth(1)).toHaveText('4');

    // A file with one bad cell: the row and column are named and nothing is imported.
    const importForm = page.getByRole('region', { name: '导入 CSV' });
    const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
    const bad = `年份,月份,区县,事故起数,死亡人数\n${next.year},${next.month},西岗区,2,1\n${next.year},${next.month},中山区,2,两人\n`;
    await importForm.getByLabel('CSV 文件').setInputFiles({ name: '指标.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    await importForm.getByRole('button', { name: '导入' }).click();
    await expect(importForm.getByRole('alert')).toHaveText('文件中有 1 处问题，未导入任何数据。请修改后重新上传。');
    await expect(importForm.getByRole('listitem')).toHaveText('第 3 行「死亡人数」列：应为整数，如 12。');
    await page.goto(`${districtUrl.pathname}${districtUrl.search}&year=${next.year}`);
    await expect(monthRow(page, '西岗区月度安全生产指标', `${next.year}年${next.month}月`)).toHaveCount(0);

    // The same months saved by Excel on Chinese Windows (GBK), district by name or code: imported.
    const good = `年份,月份,区县,事故起数,死亡人数,受伤人数,较大及以上事故,直接经济损失（万元）\r\n${next.year},${next.month},西岗区,2,1,1,0,12.50\r\n${next.year},${next.month},zhongshan,2,0,1,0,8\r\n`;
    await page.getByRole('region', { name: '导入 CSV' }).getByLabel('CSV 文件').setInputFiles({ name: '指标.csv', mimeType: 'text/csv', buffer: iconv.encode(good, 'gbk') });
    await page.getByRole('region', { name: '导入 CSV' }).getByRole('button', { name: '导入' }).click();
    await expect(page.getByRole('region', { name: '导入 CSV' }).getByRole('status')).toHaveText(/^导入完成：新增 \d+ 个月份，更新 \d+ 个月份（文件编码：GBK）。$/);
    await expect(monthRow(page, '西岗区月度安全生产指标', `${next.year}年${next.month}月`)).toContainText('12.50');
    await expectAccessible(page);

    // The template: the Chinese header, with a BOM so Excel reads it.
    const download = page.waitForEvent('download');
    await page.getByRole('link', { name: '下载导入模板（CSV）' }).click();
    expect((await download).suggestedFilename()).toBe('安全生产指标导入模板.csv');
  });

  test('sees the figures quoted on the 2018 conference page, under its work report', async ({ page }) => {
    await page.goto('/conferences?year=2018');
    await page.getByRole('link', { name: conferenceTitle }).click();
    await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
    const quote = page.getByRole('region', { name: '工作报告可引用的安全生产指标' });
    await expect(quote.getByText('2017年与2015年相比，全市生产安全事故起数下降36%、死亡人数下降32%；截至2018年3月，已连续29个月未发生较大及以上事故。')).toBeVisible();
    await expect(quote.getByRole('definition')).toHaveText(['-36%', '-32%', '29 个月']);
    await quote.getByRole('link', { name: '查看安全生产指标' }).click();
    await expect(page.getByRole('region', { name: '与基准年相比' }).getByText('全市 · 数据截至2018年3月 · 2017年与基准年2015年相比')).toBeVisible();
  });
});

test.describe('a leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('reads the figures without the forms', async ({ page }) => {
    await page.goto('/indicators?asOf=2018-03&baseline=2015');
    const headline = page.getByRole('region', { name: '与基准年相比' });
    await expect(headline.getByRole('definition').filter({ hasText: '-36%' })).toBeVisible();
    await expect(headline.getByRole('definition').filter({ hasText: '29 个月' })).toBeVisible();
    await expect(page.getByRole('table', { name: '全市月度安全生产指标' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '录入与导入' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '录入月度数据' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: '导入 CSV' })).toHaveCount(0);
    await expect(page.getByRole('link', { name: /^更正/ })).toHaveCount(0);
    await expectAccessible(page);
  });
});

test.describe('in English', () => {
  test.use({ storageState: storageStateOf('admin') });

  async function switchLanguage(page: Page, from: string, to: string) {
    await page.getByRole('button', { name: from }).click();
    await page.getByRole('menuitemradio', { name: to }).click();
  }

  // The language follows the user to other tests: hand the admin back in Chinese.
  test.afterEach(async ({ page }) => {
    await page.goto('/indicators');
    if ((await page.locator('html').getAttribute('lang')) === 'en') {
      await switchLanguage(page, 'Language: English', '中文');
      await expect(page.getByRole('heading', { level: 1, name: '安全生产指标' })).toBeVisible();
    }
  });

  test('the page, a refused import and the conference quote read in English', async ({ page }) => {
    await page.goto('/indicators');
    await switchLanguage(page, '语言：中文', 'English');
    await expect(page.getByRole('heading', { level: 1, name: 'Safety indicators' })).toBeVisible();
    await chooseFigures(page, { form: 'Figures shown', asOf: 'As of month', baseline: 'Baseline year', apply: 'Apply' }, '2018-03', '2015');
    const headline = page.getByRole('region', { name: 'Against the baseline year' });
    await expect(headline.getByText('Whole city · figures as of Mar 2018 · 2017 against the baseline 2015')).toBeVisible();
    await expect(headline.getByRole('definition').filter({ hasText: '-36%' })).toContainText('288 in 2017, 450 in 2015');
    await expect(headline.getByRole('definition').filter({ hasText: '-32%' })).toContainText('170 in 2017, 250 in 2015');
    await expect(headline.getByRole('definition').filter({ hasText: '29 months' })).toContainText('Last major accident: Oct 2015');
    await expect(page.getByRole('table', { name: 'By year (chart figures)' })).toBeAttached();
    await expect(page.getByRole('table', { name: 'Monthly safety indicators: Whole city' })).toBeVisible();

    // A wrong header: every unknown and missing column is named, nothing is imported.
    const importForm = page.getByRole('region', { name: 'Import a CSV' });
    await importForm.getByLabel('CSV file').setInputFiles({ name: 'figures.csv', mimeType: 'text/csv', buffer: Buffer.from('year,month,accidents,casualties\n2018,3,1,1\n') });
    await importForm.getByRole('button', { name: 'Import' }).click();
    await expect(importForm.getByRole('alert')).toHaveText('The file has 2 problems; nothing was imported. Fix it and upload it again.');
    await expect(importForm.getByRole('listitem')).toHaveText([
      'Row 1, column “casualties”: This column is not recognised.',
      'Row 1, column “deaths (死亡人数)”: This required column is missing.',
    ]);
    await expectAccessible(page);

    await page.goto('/conferences?year=2018');
    await page.getByRole('link', { name: demoTitleEn }).click();
    const quote = page.getByRole('region', { name: 'Safety indicators for the work report' });
    await expect(quote.getByText('In 2017, compared with 2015, accidents fell by 36% and deaths fell by 32%; as of Mar 2018, 29 consecutive months without a major accident.')).toBeVisible();
    await expect(quote.getByRole('definition')).toHaveText(['-36%', '-32%', '29 months']);
  });
});
