import { expect, expectAccessible, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('secretary') });

test('journey 1: a secretary plans next year and edits one of the four conferences', async ({ page }) => {
  await page.goto('/conferences');
  await expect(page.getByRole('heading', { level: 1, name: '会议' })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel('年度').fill('2031');
  await page.getByRole('button', { name: '生成四次季度会议' }).click();
  for (const quarter of ['一', '二', '三', '四']) {
    await expect(page.getByRole('link', { name: `2031年第${quarter}季度安全生产委员会全体会议` })).toBeVisible();
  }

  // Planning the same year again is refused with a message next to the field.
  await page.getByLabel('年度').fill('2031');
  await page.getByRole('button', { name: '生成四次季度会议' }).click();
  await expect(page.getByText('2031', { exact: false }).first()).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '已' })).toBeVisible();

  await page.getByRole('link', { name: '2031年第二季度安全生产委员会全体会议' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2031年第二季度安全生产委员会全体会议' })).toBeVisible();
  await page.getByRole('link', { name: '编辑会议信息' }).click();
  await page.getByLabel('开始时间').fill('2031-06-18T14:30');
  await page.getByLabel('结束时间').fill('2031-06-18T16:30');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '2031年第二季度安全生产委员会全体会议' })).toBeVisible();
  await expect(page.getByText('2031年6月18日').first()).toBeVisible();
  await expect(page.getByText('14:30').first()).toBeVisible();
  await expectAccessible(page);
});
