import { type Page } from '@playwright/test';
import { expect, expectAccessible, storageStateOf, test } from './fixtures';

/** The bell's unread count, read from its accessible name ("通知，3条未读" / "通知，无未读"). */
async function bellCount(page: Page): Promise<number> {
  const name = (await page.getByRole('banner').getByRole('link', { name: /^通知，/ }).getAttribute('aria-label')) ?? '';
  const match = /^通知，(\d+)条未读$/.exec(name);
  return match ? Number(match[1]) : 0;
}

test('a secretary reminds a task; the department head sees the bell, opens the notice and the count drops', async ({ browser }) => {
  const head = await (await browser.newContext({ storageState: storageStateOf('dept-emergency') })).newPage();
  const secretary = await (await browser.newContext({ storageState: storageStateOf('secretary') })).newPage();

  // The head's overdue task, found the way the head finds it.
  await head.goto('/my-department');
  const taskLink = head.getByRole('region', { name: '已逾期' }).getByRole('listitem').first().getByRole('link');
  const taskHref = (await taskLink.getAttribute('href'))!;
  const taskNumber = (await taskLink.locator('span').first().textContent())!.trim();
  const before = await bellCount(head);

  await secretary.goto(taskHref);
  await secretary.getByRole('radio', { name: '催办' }).check();
  await secretary.getByLabel('催办内容').fill('请于本周五前报送燃气安全检查进展。');
  await secretary.getByRole('button', { name: '催办', exact: true }).click();
  await expect(secretary.getByText('已记录：催办。')).toBeVisible();

  await head.goto('/dashboard');
  const bell = head.getByRole('banner').getByRole('link', { name: `通知，${before + 1}条未读` });
  await expect(bell).toBeVisible();
  await bell.click();
  await expect(head.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
  const item = head.getByRole('list', { name: '通知列表' }).getByRole('listitem').first();
  await expect(item.getByText('未读', { exact: true })).toBeVisible();
  await expect(item.getByText('请于本周五前报送燃气安全检查进展。')).toBeVisible();
  await expectAccessible(head);

  // Following the link opens the task and marks the notice read.
  await item.getByRole('link', { name: new RegExp(`^催办：${taskNumber} `) }).click();
  await expect(head).toHaveURL(new RegExp(`${taskHref}$`));
  await expect(head.getByRole('banner').getByRole('link', { name: before ? `通知，${before}条未读` : '通知，无未读' })).toBeVisible();

  await head.goto('/notifications');
  await expect(head.getByRole('list', { name: '通知列表' }).getByRole('listitem').first().getByText('未读', { exact: true })).toHaveCount(0);
  await head.context().close();
  await secretary.context().close();
});

test.describe('every role', () => {
  test.use({ storageState: storageStateOf('leader') });

  test('has the bell and the list; a leader is told of nothing yet and is shown what to do next', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('banner').getByRole('link', { name: '通知，无未读' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '通知' })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '暂无通知' })).toBeVisible();
    await expect(page.getByRole('link', { name: '查看任务列表' })).toBeVisible();
    await expectAccessible(page);
  });
});
