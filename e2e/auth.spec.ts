import type { Browser } from '@playwright/test';
import { demoPassword, demoUsers, displayNameOf, expect, expectAccessible, seededIds, storageStateOf, test } from './fixtures';
import { LoginPage } from './pages/login-page';

test.describe('signing in and out', () => {
  for (const user of demoUsers) {
    // Not signing out: that ends every session of the user, the one auth.setup.ts saved for later specs too.
    test(`${user} signs in`, async ({ page }) => {
      const login = new LoginPage(page);
      await login.goto();
      await login.signIn(user, demoPassword);
      await expect(page).toHaveURL(/\/dashboard$/);
      await expect(page.getByRole('banner').getByText(displayNameOf(user).split(' ').pop()!)).toBeVisible();
    });
  }

  test('a user signs out and is asked to sign in again', async ({ page }) => {
    const login = new LoginPage(page);
    await login.goto();
    await login.signIn('dept-shahekou', demoPassword);
    await expect(page).toHaveURL(/\/dashboard$/);
    await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/dashboard');
    await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fdashboard/);
  });

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

/** A browser at `address`, as the reverse proxy the e2e server trusts (scripts/e2e-server.sh) would say it. */
async function browserAt(browser: Browser, forwardedFor: string) {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] }, extraHTTPHeaders: { 'X-Forwarded-For': forwardedFor } });
  return context.newPage();
}

test("someone guessing an account's password from elsewhere, spoofing the owner's address, is slowed and the owner is not", async ({ browser }) => {
  const owner = 'dept-ganjingzi';
  const ownerAddress = '203.0.113.7';
  // The guesser writes the owner's address into X-Forwarded-For; the proxy appends the real one.
  const guesser = new LoginPage(await browserAt(browser, `${ownerAddress}, 198.51.100.66`));
  await guesser.goto();
  const attempt = async (password: string) => {
    const answered = guesser.page.waitForResponse((r) => r.url().includes('/api/auth/callback/credentials'));
    await guesser.signIn(owner, password);
    await answered;
  };
  for (let i = 0; i < 4; i++) {
    await attempt(`guess-${i}`);
    await expect(guesser.error).toHaveText('用户名或密码不正确。');
  }
  await attempt('guess-4');
  await expect(guesser.error).toHaveText(/^登录失败次数过多，请 [1-5] 秒后再试。$/);

  // The owner, at the address the guesser named, signs in at once and hears about the guesses once.
  const ownerPage = await browserAt(browser, ownerAddress);
  const login = new LoginPage(ownerPage);
  await login.goto();
  await login.signIn(owner, demoPassword);
  await expect(ownerPage).toHaveURL(/\/dashboard$/);
  const notice = ownerPage.getByRole('status', { name: '登录失败提醒' });
  await expect(notice).toHaveText(/自您上次登录以来，您的账号有 4 次登录失败。/);
  await expectAccessible(ownerPage);
  await ownerPage.reload();
  await expect(ownerPage.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  await expect(notice).toHaveCount(0);
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
