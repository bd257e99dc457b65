import { expect, expectAccessible, storageStateOf, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test.describe('user administration', () => {
  test.use({ storageState: storageStateOf('admin') });

  test('an admin creates a department head, who must change the one-time password at first sign-in', async ({ page, browser }) => {
    await page.goto('/admin/users');
    await expect(page.getByRole('heading', { level: 1, name: '用户管理' })).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('link', { name: '新建用户' }).click();
    await page.getByLabel('用户名').fill('xigang.liu');
    await page.getByLabel('显示名称').fill('西岗区联络员 刘芳');
    await page.getByLabel('角色').selectOption({ label: '单位负责人' });
    await page.getByLabel('所属单位').selectOption({ label: '西岗区' });
    await page.getByRole('button', { name: '新建用户' }).click();
    const panel = page.getByRole('region', { name: /已创建用户/ });
    await expect(panel).toBeVisible();
    const oneTimePassword = (await panel.locator('code').textContent())!.trim();
    expect(oneTimePassword).toMatch(/^[a-z2-9]{4}(-[a-z2-9]{4}){3}$/);
    await expectAccessible(page);

    // The new user, in a browser of their own.
    const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
    const userPage = await context.newPage();
    const login = new LoginPage(userPage);
    await login.goto();
    await login.signIn('xigang.liu', oneTimePassword);
    await expect(userPage).toHaveURL(/\/profile$/);
    await expect(userPage.getByRole('heading', { name: '请先修改一次性密码' })).toBeVisible();
    await userPage.goto('/tasks');
    await expect(userPage).toHaveURL(/\/profile$/);

    await userPage.getByLabel('当前密码').fill(oneTimePassword);
    await userPage.getByLabel('新密码', { exact: true }).fill('xigang.liu-2026!');
    await userPage.getByLabel('确认新密码').fill('xigang.liu-2026!');
    await userPage.getByRole('button', { name: '修改密码' }).click();
    await expect(userPage.getByText('密码不能包含用户名。')).toBeVisible();

    await userPage.getByLabel('当前密码').fill(oneTimePassword);
    await userPage.getByLabel('新密码', { exact: true }).fill('harbour-lantern-97-violet');
    await userPage.getByLabel('确认新密码').fill('harbour-lantern-97-violet');
    await userPage.getByRole('button', { name: '修改密码' }).click();
    await expect(userPage).toHaveURL(/\/dashboard$/);
    await userPage.goto('/tasks');
    await expect(userPage).toHaveURL(/\/tasks$/);
    await context.close();
  });
});

test.describe('audit log', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('a secretary sees who signed in', async ({ page }) => {
    await page.goto('/audit');
    await expect(page.getByRole('heading', { level: 1, name: '审计日志' })).toBeVisible();
    await expect(page.getByRole('table').getByText('secretary').first()).toBeVisible();
    await expectAccessible(page);
  });
});

