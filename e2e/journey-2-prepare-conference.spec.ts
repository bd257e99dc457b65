import fs from 'node:fs';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('secretary') });

test('journey 2: a secretary prepares a conference, issues the notice, exports it to a calendar and signs in attendance', async ({ page }) => {
  // A past year of its own: attendance is signed in only once a conference has started.
  await page.goto('/conferences');
  await page.getByLabel('年度').fill('2022');
  await page.getByRole('button', { name: '生成四次季度会议' }).click();
  await page.getByRole('link', { name: '2022年第一季度安全生产委员会全体会议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2022年第一季度安全生产委员会全体会议' })).toBeVisible();

  // The higher-level conference it relays.
  await page.getByRole('link', { name: '编辑会议信息' }).click();
  await page.getByLabel('上级会议名称').fill('全省安全生产电视电话会议');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('全省安全生产电视电话会议').first()).toBeVisible();

  // Main venue and a district sub-venue.
  await page.getByLabel('会场名称').fill('市政府第一会议室');
  await page.getByLabel('会场类型').selectOption({ label: '主会场' });
  await page.getByRole('button', { name: '添加会场' }).click();
  await expect(page.getByRole('button', { name: '移除 市政府第一会议室' })).toBeVisible();
  await page.getByLabel('会场名称').fill('中山区分会场');
  await page.getByLabel('会场类型').selectOption({ label: '分会场' });
  await page.getByRole('button', { name: '添加会场' }).click();
  await expect(page.getByRole('button', { name: '移除 中山区分会场' })).toBeVisible();

  // Invited departments come from the previous quarter; take one district off and invite all districts again.
  await expect(page.getByRole('button', { name: '取消邀请 大连市应急管理局' })).toBeVisible();
  await page.getByRole('button', { name: '取消邀请 长海县' }).click();
  await expect(page.getByRole('button', { name: '取消邀请 长海县' })).toHaveCount(0);
  await page.getByRole('checkbox', { name: '全部区县' }).check();
  await page.getByRole('button', { name: '邀请', exact: true }).click();
  await expect(page.getByRole('button', { name: '取消邀请 长海县' })).toBeVisible();

  // Speakers in protocol order: people from the directory, and one created on the spot.
  for (const [person, role] of [
    ['骆东升（市政府秘书长）', '主持'],
    ['刘岩（副市长）', '工作报告'],
    ['肖盛峰（市长）', '讲话部署'],
  ] as const) {
    await page.getByLabel('人员', { exact: true }).selectOption({ label: person });
    await page.getByLabel('发言角色').selectOption({ label: role });
    await page.getByRole('button', { name: '添加发言人' }).click();
    await expect(page.getByRole('button', { name: `移除 ${person.split('（')[0]}` })).toBeVisible();
  }
  await page.getByLabel('人员', { exact: true }).selectOption({ label: '新建人员…' });
  await page.getByLabel('姓名', { exact: true }).fill('周海涛');
  await page.getByLabel('职务', { exact: true }).fill('市应急管理局局长');
  await page.getByLabel('发言角色').selectOption({ label: '发言' });
  await page.getByRole('button', { name: '添加发言人' }).click();
  await expect(page.getByRole('button', { name: '移除 周海涛' })).toBeVisible();
  await page.getByRole('button', { name: '上移 肖盛峰' }).click();
  await page.getByRole('button', { name: '下移 肖盛峰' }).click();

  // An agenda whose times add up within the planned two hours.
  for (const [title, minutes] of [
    ['主持开会', '5'],
    ['安全生产工作报告', '30'],
    ['市长讲话', '40'],
  ] as const) {
    await page.getByRole('textbox', { name: '议程事项' }).fill(title);
    await page.getByRole('spinbutton', { name: '计划时长（分钟）' }).fill(minutes);
    await page.getByRole('button', { name: '添加议程' }).click();
    await expect(page.getByRole('button', { name: `移除 ${title}` })).toBeVisible();
  }
  await expect(page.getByText('合计 75 分钟').first()).toBeVisible();
  await expect(page.getByText(/议程超出计划结束时间/)).toHaveCount(0);
  await expectAccessible(page);

  // Issue the notice.
  await page.getByRole('button', { name: '发布会议通知' }).click();
  await expect(page.getByText('已发通知').first()).toBeVisible();

  // Attendance on the day.
  await page.getByLabel('签到状态（大连市应急管理局）').selectOption({ label: '出席' });
  await page.getByRole('button', { name: '保存签到 大连市应急管理局' }).click();
  await expect(page.getByText(/出席率 .*（1\/\d+）/)).toBeVisible();

  // The calendar entry.
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: /添加到日历/ }).click();
  const ics = fs.readFileSync((await (await download).path())!, 'utf8');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toMatch(/DTSTART:20220318T010000Z/);
  expect(ics.replace(/\r\n[ \t]/g, '')).toContain('SUMMARY:2022年第一季度安全生产委员会全体会议');
  expect(ics.replace(/\r\n[ \t]/g, '')).toContain('市政府第一会议室');

  // The printable notice lists venues, departments and the agenda.
  await page.getByRole('link', { name: '会议通知' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('中山区分会场').first()).toBeVisible();
  await expect(page.getByText('安全生产工作报告').first()).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByRole('navigation', { name: '主导航' })).toBeHidden();
  await page.screenshot({ path: 'test-results/notice-print.png', fullPage: true });
  await page.emulateMedia({ media: 'screen' });
  await expectAccessible(page);
});
