import { expect, expectAccessible, seededIds, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('dept-emergency') });

// The seed gives the emergency bureau six live tasks, one in each of these states
// (db/seed/live-tasks.ts EMERGENCY_SCENARIOS): completed, submitted, due soon, returned
// and worked on again (due in six days), overdue, acknowledged (due in twenty days).
const seeded = { 待签收: 0, 已逾期: 1, 即将到期: 1, 被退回: 1, 办理中: 2, 待审核: 1 } as const;

test('a department head sees their open tasks by group, each count the same as in the task table', async ({ page }) => {
  await page.goto('/dashboard');
  // The returned task and the overdue one need action: the navigation says so in words.
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('link', { name: /^本单位\s*（2项待处理）$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '本单位' })).toBeVisible();

  const summary = page.getByRole('navigation', { name: '各类任务数量' });
  for (const [group, count] of Object.entries(seeded)) {
    await expect(summary.getByRole('link', { name: `${group} ${count}` })).toBeVisible();
    await expect(page.getByRole('region', { name: group }).getByText(`${count}项`, { exact: true })).toBeVisible();
  }
  const overdue = page.getByRole('region', { name: '已逾期' });
  await expect(overdue.getByRole('listitem')).toHaveCount(1);
  await expect(overdue.getByText('逾期', { exact: true })).toBeVisible();
  await expect(page.getByRole('region', { name: '待签收' }).getByText('没有待签收的任务。新任务交办后会出现在这里，请及时签收。')).toBeVisible();
  // The returned task says how often it came back, and sits in its date group too.
  await expect(page.getByRole('region', { name: '被退回' }).getByText('已退回1次')).toBeVisible();
  await expect(page.getByRole('region', { name: '办理中' }).getByText('已退回1次')).toBeVisible();
  // Another department's task is never listed.
  await expect(page.locator(`a[href="/tasks/${seededIds().zhongshanTaskId}"]`)).toHaveCount(0);
  await expectAccessible(page);

  // "Show all" opens the task table filtered to exactly the group's rows.
  await page.getByRole('region', { name: '办理中' }).getByRole('link', { name: '在任务列表中查看全部2项' }).click();
  await expect(page).toHaveURL(/\/tasks\?status=acknowledged%2Cin_progress&dueFrom=\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByText('第 1 / 1 页，共 2 条')).toBeVisible();
  // A header row and the two tasks.
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(3);

  await page.goBack();
  await page.getByRole('region', { name: '已逾期' }).getByRole('link', { name: '在任务列表中查看全部1项' }).click();
  await expect(page.getByText('第 1 / 1 页，共 1 条')).toBeVisible();
  await expect(page.getByRole('table').getByText('逾期', { exact: true })).toBeVisible();

  // The table cannot filter returned tasks: that group has a page of its own.
  await page.goBack();
  await page.getByRole('region', { name: '被退回' }).getByRole('link', { name: '查看全部1项' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '被退回' })).toBeVisible();
  await expect(page.getByText('第 1 / 1 页，共 1 条')).toBeVisible();
  await expectAccessible(page);
});

test.describe('other roles', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('My department is the department heads’ area: a secretary is refused', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '本单位' })).toHaveCount(0);
    await page.goto('/my-department');
    await expect(page.getByRole('heading', { name: '无权访问' })).toBeVisible();
  });
});
