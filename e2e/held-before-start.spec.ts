import { expect, expectAccessible, storageStateOf, test } from './fixtures';

// A year of this spec's own, years ahead: its conference cannot have started.
const conferenceTitle = '2036年第一季度安全生产委员会全体会议';

test.use({ storageState: storageStateOf('secretary') });

test('a conference dated in the future cannot be marked held or signed in: the secretary is told why and nothing changes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/conferences');
  await page.getByLabel('年度').fill('2036');
  await page.getByRole('button', { name: '生成四次季度会议' }).click();
  await page.getByRole('link', { name: conferenceTitle }).click();
  await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();

  await page.getByRole('checkbox', { name: '全部部门' }).check();
  await page.getByRole('button', { name: '邀请', exact: true }).click();
  await expect(page.getByRole('button', { name: '取消邀请 大连市应急管理局' })).toBeVisible();
  await page.getByRole('button', { name: '发布会议通知' }).click();
  await expect(page.getByText('已发通知').first()).toBeVisible();

  // Marking it held ahead of its date is refused, in words.
  await page.getByRole('button', { name: '标记为已召开' }).click();
  await expect(page.getByText('会议尚未到开始时间，不能标记为已召开，也不能发布纪要。请在会议开始后再操作。')).toBeVisible();
  await expect(page.getByRole('button', { name: '标记为已召开' })).toBeVisible();
  await expect(page.getByRole('button', { name: '发布会议纪要' })).toHaveCount(0);
  await expectAccessible(page);

  // Nor can anyone be signed in ahead of it.
  await page.getByLabel('签到状态（大连市应急管理局）').selectOption({ label: '出席' });
  await page.getByRole('button', { name: '保存签到 大连市应急管理局' }).click();
  await expect(page.getByText('会议尚未到开始时间，开始后才能登记签到。')).toBeVisible();

  // After a reload the conference is as it was: notice issued, not held, nobody signed in.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: conferenceTitle })).toBeVisible();
  await expect(page.getByText('已发通知').first()).toBeVisible();
  await expect(page.getByText('已召开', { exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: '标记为已召开' })).toBeVisible();
  await expect(page.getByText(/出席率 .*（0\/\d+）/)).toBeVisible();
});
