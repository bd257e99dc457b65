import type { Browser } from '@playwright/test';
import { type DemoUser, expect, expectAccessible, seededIds, storageStateOf, test } from './fixtures';

/** Written by scripts/e2e-fixtures.ts beside the ids fixtures.ts declares. */
const ids = seededIds;

async function pageAs(browser: Browser, user: DemoUser) {
  const context = await browser.newContext({ storageState: storageStateOf(user) });
  return { context, page: await context.newPage() };
}

const reason = '佐证材料缺少整改前后对比照片，请补充后重新提交。';

test('journey 5: the secretary verifies one submission and returns another; the department head sees the reason', async ({ browser }) => {
  const { zhongshanSubmittedTaskId, emergencySubmittedTaskId } = ids();
  const office = await pageAs(browser, 'secretary');
  const department = await pageAs(browser, 'dept-emergency');
  const { page } = office;

  // Verify: the work is done.
  await page.goto(`/tasks/${zhongshanSubmittedTaskId}`);
  await expect(page.getByText('待审核').first()).toBeVisible();
  await expectAccessible(page);
  await page.getByRole('radio', { name: '审核通过' }).check();
  await page.getByLabel('审核意见（选填）').fill('材料齐全，同意办结。');
  await page.getByRole('button', { name: '审核通过' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：审核通过。' })).toBeVisible();
  await expect(page.getByText('状态：待审核 → 已办结')).toBeVisible();
  await expect(page.getByRole('radio', { name: '退回' })).toHaveCount(0);

  // Return: a reason is required.
  await page.goto(`/tasks/${emergencySubmittedTaskId}`);
  await page.getByRole('radio', { name: '退回' }).check();
  await page.getByRole('button', { name: '退回', exact: true }).click();
  await expect(page.getByText('此项必填。')).toBeVisible();
  await page.getByLabel('退回理由').fill(reason);
  await page.getByRole('button', { name: '退回', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：退回。' })).toBeVisible();
  await expect(page.getByText('状态：待审核 → 办理中')).toBeVisible();

  // The department sees the return and why, and knows the count.
  const head = department.page;
  await head.goto(`/tasks/${emergencySubmittedTaskId}`);
  const latest = head.getByRole('list', { name: '办理记录' }).getByRole('listitem').first();
  await expect(latest.getByRole('heading', { name: '退回' })).toBeVisible();
  await expect(latest).toContainText(reason);
  await expect(latest).toContainText('安委办秘书 王丽');
  await expect(head.getByText('办理中').first()).toBeVisible();
  await expectAccessible(head);

  // Meanwhile the secretary writes a reminder on the page loaded before the department's change.
  await page.getByRole('radio', { name: '催办' }).check();
  await page.getByLabel('催办内容').fill('请本周内补充材料。');
  await head.getByRole('radio', { name: '反馈进展' }).check();
  await head.getByLabel('完成进度（%）').fill('95');
  await head.getByLabel('进展情况').fill('正在补充整改前后对比照片。');
  await head.getByRole('button', { name: '反馈进展' }).click();
  await expect(head.getByRole('status').filter({ hasText: '已记录：进展反馈。' })).toBeVisible();

  // The stale post is refused with what changed; nothing typed is lost, and after a reload it goes through.
  await page.getByRole('button', { name: '催办', exact: true }).click();
  await expect(page.getByText('您填写期间，其他人已更新了这项任务：')).toBeVisible();
  await expect(page.getByText('进度：100% → 95%')).toBeVisible();
  await expect(page.getByText('新的办理记录：进展反馈')).toBeVisible();
  await page.getByRole('button', { name: '刷新任务' }).click();
  await expect(page.getByText('您填写期间，其他人已更新了这项任务：')).toHaveCount(0);
  await expect(page.getByLabel('催办内容')).toHaveValue('请本周内补充材料。');
  await page.getByRole('button', { name: '催办', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：催办。' })).toBeVisible();
  await head.reload();
  await expect(head.getByRole('list', { name: '办理记录' }).getByRole('listitem').first()).toContainText('请本周内补充材料。');

  await office.context.close();
  await department.context.close();
});
