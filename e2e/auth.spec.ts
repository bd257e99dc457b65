import { demoPassword, demoUsers, displayNameOf, expect, expectAccessible, seededIds, storageStateOf, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test.describe('signing in and out', () => {
  for (const user of demoUsers) {
    test(`${user} signs in and out`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user, demoPassword);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('banner').getByText(displayNameOf(user).split(' ').pop()!)).toBeVisible();
      await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
      await expect(page).toHaveURL(/\/login/);
      await page.goto('/dashboard');
      await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
    });
  }

  test('a wrong password shows an error and keeps the username typed', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await expectAccessible(page);
    await login.signIn('secretary', 'not-the-password');
    await expect(login.error).toHaveText('用户名或密码不正确。');
    await expect(login.username).toHaveValue('secretary');
    await expect(page).toHaveURL(/\/login/);
    await expectAccessible(page);
  });

  test('a signed-out visitor is sent to sign in and then back where they were going', async ({ page }) => {
    await page.goto('/tasks');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Ftasks/);
    await new LoginPage(page).signIn('leader', demoPassword);
    await expect(page).toHaveURL(/\/tasks$/);
  });
});

test.describe('a department head', () => {
  test.use({ storageState: storageStateOf('dept-zhongshan') });

  test("opens their own task but gets not-found for another department's", async ({ page }) => {
    const { emergencyTaskId, zhongshanTaskId } = seededIds();
    await page.goto(`/tasks/${zhongshanTaskId}`);
    await expect(page.getByText('中山区').first()).toBeVisible();
    const response = await page.goto(`/tasks/${emergencyTaskId}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: '找不到该页面' })).toBeVisible();
    await expectAccessible(page);
  });

  test('is refused the administration area with a 403 page', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '管理' })).toHaveCount(0);
    const response = await page.goto('/admin');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expectAccessible(page);
  });
});
