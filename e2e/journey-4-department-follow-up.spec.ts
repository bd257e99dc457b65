import { expect, expectAccessible, seededIds, storageStateOf, test } from './fixtures';

test.use({ storageState: storageStateOf('dept-zhongshan') });

/** Written by scripts/e2e-fixtures.ts beside the ids fixtures.ts declares. */
const ids = seededIds;

/** A day from now in Beijing, as a date input takes it. */
function daysFromNow(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

// A minimal PDF: the server reads the type from the content, not the name.
const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

test('journey 4: a department head acknowledges a task, reports progress with evidence, asks for more time and submits it', async ({ page }) => {
  const { zhongshanAssignedTaskId: taskId, emergencyTaskId } = ids();

  // Only the district's own tasks are listed.
  await page.goto('/tasks');
  const rows = page.getByRole('table', { name: '督办任务列表' }).locator('tbody tr');
  await expect(rows.first()).toBeVisible();
  for (const row of await rows.all()) await expect(row).toContainText('中山区');

  await page.locator(`a[href="/tasks/${taskId}"]`).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByText('待签收').first()).toBeVisible();
  await expect(page.getByRole('heading', { name: '交办', level: 3 })).toBeVisible();
  await expectAccessible(page);

  // Acknowledge: the first thing offered on a new task.
  await expect(page.getByRole('radio', { name: '签收' })).toBeChecked();
  await page.getByLabel('签收说明（选填）').fill('已签收，由区应急局牵头办理。');
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：签收。' })).toBeVisible();
  await expect(page.getByRole('heading', { name: '签收', level: 3 })).toBeVisible();
  await expect(page.getByText('状态：待签收 → 已签收')).toBeVisible();
  await expect(page.getByRole('radio', { name: '签收' })).toHaveCount(0);

  // Progress over 100 is refused next to the field; what was typed stays.
  await page.getByRole('radio', { name: '反馈进展' }).check();
  await page.getByLabel('完成进度（%）').fill('140');
  await page.getByLabel('进展情况').fill('已完成辖区内 12 家企业的排查。');
  await page.getByRole('button', { name: '反馈进展' }).click();
  await expect(page.getByText('不能大于 100。')).toBeVisible();
  await expect(page.getByLabel('完成进度（%）')).toBeFocused();
  await expect(page.getByLabel('进展情况')).toHaveValue('已完成辖区内 12 家企业的排查。');

  // 40 % with a PDF as evidence.
  await page.getByLabel('完成进度（%）').fill('40');
  await page.getByLabel('佐证材料').setInputFiles({ name: '排查台账.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByRole('button', { name: '反馈进展' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：进展反馈。' })).toBeVisible();
  await expect(page.getByText('进度：40%')).toBeVisible();
  await expect(page.getByText('已完成 40%')).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('link', { name: '下载 排查台账.pdf' }).click();
  expect((await download).suggestedFilename()).toBe('排查台账.pdf');

  // More time, with a reason.
  const wanted = daysFromNow(40);
  await page.getByRole('radio', { name: '申请延期' }).check();
  await page.getByLabel('新的办理期限').fill(wanted);
  await page.getByLabel('延期理由').fill('汛期影响现场复查，需延后一个月。');
  await page.getByRole('button', { name: '申请延期' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：延期申请。' })).toBeVisible();
  const [y, m, d] = wanted.split('-').map(Number);
  await expect(page.getByText(`申请延期至 ${y}年${m}月${d}日`)).toBeVisible();
  // One request at a time: the office decides first.
  await expect(page.getByRole('radio', { name: '申请延期' })).toHaveCount(0);

  // Later: submitted for verification.
  await page.getByRole('radio', { name: '申请办结' }).check();
  await page.getByLabel('完成情况').fill('排查整改全部完成，台账已报送。');
  await page.getByRole('button', { name: '申请办结' }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：办结申请。' })).toBeVisible();
  await expect(page.getByText('状态：办理中 → 待审核')).toBeVisible();
  await expect(page.getByText('已完成 100%')).toBeVisible();

  // Every step is on the timeline, newest first, after the seeded reminders and the assignment.
  const entries = await page.getByRole('list', { name: '办理记录' }).getByRole('heading', { level: 3 }).allInnerTexts();
  expect(entries.slice(0, 4)).toEqual(['办结申请', '延期申请', '进展反馈', '签收']);
  expect(entries.at(-1)).toBe('交办');
  await expectAccessible(page);

  // Another department's task does not exist for this user.
  const response = await page.goto(`/tasks/${emergencyTaskId}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { name: '找不到该页面' })).toBeVisible();
});
