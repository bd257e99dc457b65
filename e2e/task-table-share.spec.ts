import fs from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// A year and titles of this spec's own, so no other spec's rows or counts are touched.
const conferenceTitle = '2037年第一季度安全生产委员会全体会议';
const keyword = '燃气管网';
const gasTitle = '老旧小区燃气管网隐患专项整治';
const roadTitle = '道路施工破坏燃气管网防范';

/** What the table shows per task row, whitespace collapsed; the selection boxes have no text. */
async function rowTexts(page: Page) {
  const table = page.getByRole('table', { name: '督办任务列表' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('link') });
  return (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

test.use({ storageState: storageStateOf('secretary') });

test('a secretary records two requests, filters the task table to them, shares the view with a leader, who exports it', async ({ page, browser }) => {
  // Three pages, two users and a download on a 2-core machine: longer than the default minute.
  test.setTimeout(180_000);
  await page.goto('/conferences');
  await page.getByLabel('年度').fill('2037');
  await page.getByRole('button', { name: '生成四次季度会议' }).click();
  await page.getByRole('link', { name: conferenceTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
  const conferenceUrl = page.url();
  const conferenceId = Number(/\/conferences\/(\d+)/.exec(conferenceUrl)?.[1]);

  // The mayor speaks; once the notice is out, requests can be recorded.
  await page.getByLabel('人员', { exact: true }).selectOption({ label: '肖盛峰（市长）' });
  await page.getByLabel('发言角色').selectOption({ label: '讲话部署' });
  await page.getByRole('button', { name: '添加发言人' }).click();
  await expect(page.getByRole('button', { name: '移除 肖盛峰' })).toBeVisible();
  await page.getByRole('button', { name: '发布会议通知' }).click();
  await expect(page.getByText('已发通知').first()).toBeVisible();

  // First request: a lead and three supporting departments, one with a date of its own.
  const form = page.getByRole('form', { name: '记录部署要求' });
  await form.getByRole('textbox', { name: '标题' }).fill(gasTitle);
  await form.getByLabel('具体要求').fill('对老旧小区燃气管网逐户排查，更换老化管线和阀门。');
  await form.getByLabel('类别').selectOption({ label: '燃气' });
  await form.getByLabel('办理期限', { exact: true }).fill('2037-06-30');
  await form.getByLabel('第 1 个单位', { exact: true }).selectOption({ label: '大连市城市管理局' });
  for (const [n, department] of [[2, '大连市消防救援支队'], [3, '大连市住房和城乡建设局'], [4, '大连市市场监督管理局']] as const) {
    await form.getByRole('button', { name: '添加单位' }).click();
    await form.getByLabel(`第 ${n} 个单位`, { exact: true }).selectOption({ label: department });
  }
  await form.getByLabel('办理期限（第 4 个单位）').fill('2037-05-31');
  await form.getByRole('button', { name: '记录并交办' }).click();
  await expect(form.getByText('已记录 2037-Q1-01，生成 4 项督办任务。')).toBeVisible();

  // Second request: one lead department.
  await form.getByRole('textbox', { name: '标题' }).fill(roadTitle);
  await form.getByLabel('类别').selectOption({ label: '燃气' });
  await form.getByLabel('办理期限', { exact: true }).fill('2037-09-30');
  await form.getByLabel('第 1 个单位', { exact: true }).selectOption({ label: '大连市交通运输局' });
  await form.getByRole('button', { name: '记录并交办' }).click();
  await expect(form.getByText('已记录 2037-Q1-02，生成 1 项督办任务。')).toBeVisible();

  // The notice, issued, now lists both requests with their departments and dates.
  await page.goto(`${conferenceUrl}/notice`);
  const notice = page.getByRole('article', { name: `关于召开${conferenceTitle}的通知` });
  const noticeActions = notice.getByRole('region', { name: '部署要求' });
  await expect(noticeActions.getByText(`2037-Q1-01 ${gasTitle}`)).toBeVisible();
  await expect(noticeActions.getByText('大连市城市管理局（2037年6月30日前）')).toBeVisible();
  await expect(
    noticeActions.getByText('大连市消防救援支队（2037年6月30日前）；大连市住房和城乡建设局（2037年6月30日前）；大连市市场监督管理局（2037年5月31日前）'),
  ).toBeVisible();
  await expect(noticeActions.getByText(`2037-Q1-02 ${roadTitle}`)).toBeVisible();
  await expect(noticeActions.getByText('大连市交通运输局（2037年9月30日前）')).toBeVisible();
  await expect(noticeActions.getByText('市长 肖盛峰')).toHaveCount(2);
  await expectAccessible(page);

  // The task table, narrowed to this conference, a word of both titles and tasks awaiting acknowledgement.
  await page.goto('/tasks');
  await page.getByRole('button', { name: '筛选：会议', exact: true }).click();
  await page.getByRole('menuitemradio', { name: conferenceTitle }).click();
  await expect(page).toHaveURL(new RegExp(`[?&]conferenceId=${conferenceId}`));
  await page.getByRole('searchbox', { name: '搜索', exact: true }).fill(keyword);
  await page.getByRole('searchbox', { name: '搜索', exact: true }).press('Enter');
  await expect(page).toHaveURL(/[?&]q=/);
  await page.getByRole('button', { name: '筛选：状态', exact: true }).click();
  await page.getByRole('menuitemcheckbox', { name: '待签收' }).click();
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/[?&]status=assigned/);
  await expect(page.getByRole('button', { name: '筛选：状态 待签收' })).toBeVisible();
  await expect(page.getByText('共 5 条', { exact: true })).toBeVisible();
  const table = page.getByRole('table', { name: '督办任务列表' });
  await expect(table.getByRole('link', { name: '2037-Q1-01' })).toHaveCount(4);
  await expect(table.getByRole('link', { name: '2037-Q1-02' })).toHaveCount(1);
  await expect(table.getByRole('row', { name: new RegExp(`2037-Q1-01 ${gasTitle} 大连市市场监督管理局 配合单位 2037年5月31日 待签收`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`2037-Q1-01 ${gasTitle} 大连市城市管理局 牵头单位 2037年6月30日 待签收`) })).toBeVisible();
  await expect(table.getByRole('row', { name: new RegExp(`2037-Q1-02 ${roadTitle} 大连市交通运输局 牵头单位 2037年9月30日 待签收`) })).toBeVisible();
  await expectAccessible(page);
  const sharedUrl = page.url();
  expect(sharedUrl).toContain(`conferenceId=${conferenceId}`);
  const secretaryRows = await rowTexts(page);
  expect(secretaryRows).toHaveLength(5);

  // The leader opens the shared link in a browser of their own and sees the same view.
  const leaderContext = await browser.newContext({ storageState: storageStateOf('leader'), locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
  try {
    const leader = await leaderContext.newPage();
    await leader.goto(sharedUrl);
    await expect(leader.getByRole('heading', { level: 1, name: '督办任务' })).toBeVisible();
    await expect(leader.getByRole('searchbox', { name: '搜索', exact: true })).toHaveValue(keyword);
    await expect(leader.getByRole('button', { name: '筛选：状态 待签收' })).toBeVisible();
    await expect(leader.getByRole('button', { name: `筛选：会议（${conferenceTitle}）` })).toBeVisible();
    await expect(leader.getByRole('button', { name: '清除筛选' })).toBeVisible();
    await expect(leader.getByText('共 5 条', { exact: true })).toBeVisible();
    expect(await rowTexts(leader)).toEqual(secretaryRows);
    await expectAccessible(leader);

    // The export holds exactly these rows, in the table's order, in Chinese, readable by Excel.
    const downloading = leader.waitForEvent('download');
    await leader.getByRole('link', { name: '导出 CSV' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^督办任务-\d{8}\.csv$/);
    const bytes = fs.readFileSync(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3)).split('\r\n');
    expect(lines.pop()).toBe('');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toBe('编号,任务,承办单位,承办角色,办理期限,状态,红黄绿灯,进度 (%),是否逾期');
    const rows = lines.slice(1).map((line) => line.split(','));
    expect(rows.map((cells) => cells.slice(0, 6).join(',')).sort()).toEqual(
      [
        `2037-Q1-01,${gasTitle},大连市城市管理局,牵头单位,2037-06-30,待签收`,
        `2037-Q1-01,${gasTitle},大连市消防救援支队,配合单位,2037-06-30,待签收`,
        `2037-Q1-01,${gasTitle},大连市住房和城乡建设局,配合单位,2037-06-30,待签收`,
        `2037-Q1-01,${gasTitle},大连市市场监督管理局,配合单位,2037-05-31,待签收`,
        `2037-Q1-02,${roadTitle},大连市交通运输局,牵头单位,2037-09-30,待签收`,
      ].sort(),
    );
    for (const cells of rows) expect(cells.slice(7)).toEqual(['0', '否']);
    // Row for row as the table lists them.
    rows.forEach((cells, i) => expect(secretaryRows[i]).toContain(`${cells[0]} ${cells[1]} ${cells[2]} ${cells[3]}`));
  } finally {
    await leaderContext.close();
  }
});
