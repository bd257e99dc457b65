import { expect, expectAccessible, storageStateOf, test } from './fixtures';

test.describe('the people directory', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('a secretary searches the directory, adds a person, edits them and finds them in a speaker picker', async ({ page }) => {
    await page.goto('/dashboard');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人员名录' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '人员名录' })).toBeVisible();
    const table = page.getByRole('table', { name: '人员名录' });
    await expectAccessible(page);

    // Search by position finds the mayor of the 2018 article; the search stays in the URL.
    await page.getByLabel('搜索人员').fill('秘书长');
    await expect(page).toHaveURL(/q=%E7%A7%98%E4%B9%A6%E9%95%BF/);
    await expect(table.getByRole('link', { name: '骆东升' })).toBeVisible();
    await expect(table.getByRole('link', { name: '肖盛峰' })).toHaveCount(0);

    // Add a person; a missing name is refused next to the field, with the typed values kept.
    await page.getByRole('link', { name: '添加人员' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '添加人员' })).toBeVisible();
    await page.getByLabel('职务', { exact: true }).fill('市应急管理局局长');
    await page.getByRole('button', { name: '添加人员' }).click();
    await expect(page.getByLabel('姓名', { exact: true })).toHaveAccessibleDescription(/必填/);
    await expect(page.getByLabel('职务', { exact: true })).toHaveValue('市应急管理局局长');
    await expectAccessible(page);
    await page.getByLabel('姓名', { exact: true }).fill('谭立新');
    await page.getByLabel('英文姓名').fill('Tan Lixin');
    await page.getByLabel('单位', { exact: true }).fill('大连市应急管理局');
    await page.getByRole('button', { name: '添加人员' }).click();

    // Back in the directory, searched for the new name.
    await expect(page).toHaveURL(/\/people\?q=/);
    const row = table.getByRole('row', { name: /谭立新/ });
    await expect(row).toContainText('市应急管理局局长');
    await expect(row).toContainText('大连市应急管理局');
    await expect(row).toContainText('Tan Lixin');

    // Edit: the position changes and the directory shows it.
    await row.getByRole('link', { name: '谭立新' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '谭立新' })).toBeVisible();
    await expectAccessible(page);
    // A second tab saves first: this one's save is refused and shows what is saved now.
    const other = await page.context().newPage();
    await other.goto(page.url());
    await other.getByLabel('职务', { exact: true }).fill('市应急管理局局长（主持工作）');
    await other.getByRole('button', { name: '保存' }).click();
    await expect(other.getByText('已保存。')).toBeVisible();
    await other.close();
    await page.getByLabel('职务', { exact: true }).fill('市应急管理局党委书记、局长');
    await page.getByRole('button', { name: '保存' }).click();
    const savedNow = page.getByRole('region', { name: '其他人已修改此人员，现在保存的内容是：' });
    await expect(savedNow).toContainText('市应急管理局局长（主持工作）');
    await expectAccessible(page);
    await savedNow.getByRole('button', { name: '加载最新内容' }).click();
    await expect(savedNow).toHaveCount(0);
    await page.getByLabel('职务', { exact: true }).fill('市应急管理局党委书记、局长');
    await page.getByRole('button', { name: '保存' }).click();
    await expect(page.getByText('已保存。')).toBeVisible();
    await page.getByRole('link', { name: '返回人员名录' }).click();
    await page.getByLabel('搜索人员').fill('Tan Lixin');
    await expect(table.getByRole('row', { name: /谭立新/ })).toContainText('市应急管理局党委书记、局长');

    // The new person can be picked as a speaker of a conference.
    await page.goto('/conferences?year=2018');
    await page.getByRole('table', { name: '会议列表' }).getByRole('link').first().click();
    const picker = page.getByLabel('人员', { exact: true });
    await expect(picker.getByRole('option', { name: '谭立新（市应急管理局党委书记、局长）' })).toHaveCount(1);
  });
});

test.describe('what others may do with the directory', () => {
  test.describe('a leader', () => {
    test.use({ storageState: storageStateOf('leader') });
    test('reads the directory without the add and edit controls', async ({ page }) => {
      await page.goto('/people');
      await expect(page.getByRole('heading', { level: 1, name: '人员名录' })).toBeVisible();
      await expect(page.getByRole('link', { name: '添加人员' })).toHaveCount(0);
      await page.getByRole('table', { name: '人员名录' }).getByRole('link', { name: '肖盛峰' }).click();
      await expect(page.getByRole('heading', { level: 1, name: '肖盛峰' })).toBeVisible();
      await expect(page.getByRole('button', { name: '保存' })).toHaveCount(0);
      await expect(page.getByText('大连市人民政府').first()).toBeVisible();
      await expectAccessible(page);
    });
  });

  test.describe('a department head', () => {
    test.use({ storageState: storageStateOf('dept-zhongshan') });
    test('has no directory in the navigation and is refused its address', async ({ page }) => {
      await page.goto('/dashboard');
      await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '人员名录' })).toHaveCount(0);
      const response = await page.goto('/people');
      expect(response?.status()).toBe(403);
    });
  });
});
