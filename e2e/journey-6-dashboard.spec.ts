import type { Page } from '@playwright/test';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// Journey 6: a leader opens the dashboard, follows a figure to exactly its tasks, opens a
// department's scorecard, and writes an instruction on a late task. Figures are read from the page
// (earlier journeys change the demo data), then checked against the task table.

/** The number a figure card shows, read from its link's name ("逾期 3"). */
async function figure(page: Page, label: string): Promise<number> {
  const link = page.getByRole('region', { name: /^(当前督办情况|Where the work stands)$/ }).getByRole('link', { name: new RegExp(`^${label} [\\d,]+$`) });
  const name = (await link.textContent()) ?? '';
  return Number(name.replace(label, '').replace(/\D/g, ''));
}

/** A day from now in Beijing, as a date input takes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}
// The past year: it always holds the demo's live tasks (the seed dates them relative to today).
const [yearAgo, today] = [daysFromNow(-365), daysFromNow(0)];

/** Switches through the top bar's language menu; the choice is saved to the user's profile. */
async function switchLanguage(page: Page, from: string, to: string, lang: string) {
  await page.getByRole('button', { name: from }).click();
  await page.getByRole('menuitemradio', { name: to }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', lang);
}

test.describe('a leader', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('journey 6: reads the dashboard, follows “overdue” to its tasks, opens a scorecard and instructs a late task', async ({ page }) => {
    test.setTimeout(180_000);
    await page.goto('/');
    await expect(page).toHaveURL(/\/dashboard$/);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();

    // Today's figures, each a link; the period's rates; the trend; the departments; the conferences.
    for (const label of ['在办', '本周到期', '逾期', '待签收', '待审核', '本季度办结']) {
      await expect(page.getByRole('link', { name: new RegExp(`^${label} [\\d,]+$`) })).toBeVisible();
    }
    const periodFigures = page.getByRole('region', { name: /交办任务$/ });
    await expect(periodFigures.getByText('完成率', { exact: true })).toBeVisible();
    await expect(periodFigures.getByText('按期办结率', { exact: true })).toBeVisible();
    await expect(page.getByRole('group', { name: '统计期间' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '季度趋势' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '各单位完成和逾期情况' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '会议部署要求落实进度' })).toBeVisible();
    // Each action's progress is a bar with its value in words, not only a colour.
    const bar = page.getByRole('progressbar').first();
    await expect(bar).toHaveAttribute('aria-valuetext', /^\d+%$/);
    await expect(page.getByText(/^牵头：/).first()).toBeVisible();

    // The chart's figures are a table too: always there for screen readers, shown on request.
    const trendTable = page.getByRole('table', { name: '季度趋势数据' });
    await expect(trendTable).toHaveCount(1);
    await expect(trendTable.getByRole('columnheader')).toHaveText(['季度', '交办任务', '按期办结', '逾期办结', '现仍逾期']);
    // A quarter shows the eight quarters up to it.
    await expect(trendTable.getByRole('rowheader')).toHaveCount(8);
    await page.getByRole('button', { name: '显示数据表' }).click();
    await expect(trendTable).toBeVisible();
    await expect(page.getByRole('button', { name: '隐藏数据表' })).toBeVisible();
    await expectAccessible(page);

    // "逾期" leads to exactly that many tasks in the task table.
    const overdue = await figure(page, '逾期');
    expect(overdue).toBeGreaterThan(0);
    await page.getByRole('link', { name: new RegExp(`^逾期 ${overdue}$`) }).click();
    await expect(page).toHaveURL(/\/tasks\?overdue=1$/);
    await expect(page.getByRole('heading', { level: 1, name: '督办任务' })).toBeVisible();
    await expect(page.getByText(`共 ${overdue} 条`, { exact: true })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: '只看逾期' })).toBeChecked();
    const rows = page.getByRole('table', { name: '督办任务列表' }).getByRole('row');
    await expect(rows).toHaveCount(Math.min(overdue, 20) + 1);
    await expect(rows.nth(1).getByText('逾期', { exact: true })).toBeVisible();
    const lateTask = rows.nth(1).getByRole('link').first();
    const lateNumber = (await lateTask.textContent())!.trim();
    const lateHref = (await lateTask.getAttribute('href'))!;

    // Back on the dashboard, the leader looks at the past year; a department's name opens its
    // scorecard for the same period.
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    await page.getByLabel('期间类型').selectOption('range');
    await page.getByLabel('开始日期').fill(yearAgo);
    await page.getByLabel('结束日期').fill(today);
    await page.getByRole('button', { name: '查看' }).click();
    await expect(page).toHaveURL(new RegExp(`/dashboard\\?from=${yearAgo}&to=${today}$`));
    const departments = page.getByRole('table', { name: /^各单位完成和逾期情况/ });
    const firstDepartment = departments.getByRole('rowheader').first().getByRole('link');
    const departmentName = (await firstDepartment.textContent())!.trim();
    const period = `${yearAgo}..${today}`;
    await expect(page.getByRole('link', { name: '查看各单位完整排名' })).toHaveAttribute('href', `/reports?period=${period}`);
    await firstDepartment.click();
    await expect(page).toHaveURL(new RegExp(`/reports/departments/\\d+\\?period=${period.replaceAll('.', '\\.')}$`));
    await expect(page.getByRole('heading', { level: 1 })).toContainText(departmentName);
    await expectAccessible(page);

    // The late task: the leader writes an instruction, which then stands first on its timeline.
    await page.goto(lateHref);
    await expect(page.getByText(lateNumber).first()).toBeVisible();
    const instruction = '请主要负责同志亲自督办，本周内拿出整改方案并报市安委办。';
    await page.getByRole('radio', { name: '批示', exact: true }).check();
    await page.getByLabel('批示内容', { exact: true }).fill(instruction);
    await page.getByRole('button', { name: '批示', exact: true }).click();
    await expect(page.getByRole('status').filter({ hasText: '已记录：领导批示。' })).toBeVisible();
    const latest = page.getByRole('list', { name: '办理记录' }).getByRole('listitem').first();
    await expect(latest.getByRole('heading', { name: '领导批示' })).toBeVisible();
    await expect(latest).toContainText(instruction);
    await expectAccessible(page);
  });

  test('reads the dashboard in English', async ({ page }) => {
    await page.goto(`/dashboard?from=${yearAgo}&to=${today}`);
    await switchLanguage(page, '语言：中文', 'English', 'en');
    try {
      await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
      const overdue = await figure(page, 'Overdue');
      await expect(page.getByRole('link', { name: `Overdue ${overdue}` })).toHaveAttribute('href', '/tasks?overdue=1');
      await expect(page.getByRole('region', { name: /^Tasks assigned in / }).getByText('Completion rate', { exact: true })).toBeVisible();
      await expect(page.getByRole('table', { name: 'Quarter-by-quarter figures' }).getByRole('columnheader')).toHaveText([
        'Quarter', 'Tasks assigned', 'Completed on time', 'Completed late', 'Overdue now',
      ]);
      await expect(page.getByRole('table', { name: 'Quarter-by-quarter figures' }).getByRole('rowheader').first()).toHaveText(/^Q[1-4] \d{4}$/);
      await expect(page.getByRole('heading', { level: 2, name: 'Completion and overdue tasks by department' })).toBeVisible();
      await expect(page.getByText(/^Lead: /).first()).toBeVisible();
      await expectAccessible(page);
    } finally {
      // The language is saved to the leader's profile: hand it back in Chinese.
      await switchLanguage(page, 'Language: English', '中文', 'zh-CN');
    }
  });
});

test.describe('a department head', () => {
  test.use({ storageState: storageStateOf('dept-emergency') });

  test('sees the same dashboard for their own department only', async ({ page }) => {
    await page.goto(`/dashboard?from=${yearAgo}&to=${today}`);
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
    await expect(page.getByText('本单位督办任务的完成、逾期情况和本单位承办的部署要求的落实进度。')).toBeVisible();
    const departments = page.getByRole('table', { name: /^各单位完成和逾期情况/ });
    await expect(departments.getByRole('rowheader')).toHaveText(['大连市应急管理局']);

    // Their figures are their own department's rows of the task table.
    const open = await figure(page, '在办');
    await page.getByRole('link', { name: new RegExp(`^在办 ${open}$`) }).click();
    await expect(page.getByText(`共 ${open} 条`, { exact: true })).toBeVisible();
    await expect(page.getByRole('table', { name: '督办任务列表' }).getByRole('cell', { name: '中山区' })).toHaveCount(0);
    await page.goBack();

    // Only the actions their department works on, each with their own one task's figures.
    const progress = page.getByRole('region', { name: '会议部署要求落实进度' });
    await expect(progress.getByText('本单位承办的部署要求', { exact: false }).first()).toBeVisible();
    const perAction = progress.getByText(/^已办结 \d+\/\d+$/);
    await expect(perAction.first()).toBeVisible();
    for (const text of await perAction.allTextContents()) expect(text).toMatch(/\/1$/);
    await expect(page.getByRole('table', { name: '季度趋势数据' })).toHaveCount(1);
    await expectAccessible(page);
  });
});
