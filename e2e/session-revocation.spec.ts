import type { Browser, Page } from '@playwright/test';
import { demoPassword, expect, expectAccessible, storageStateOf, test } from './fixtures';
import { LoginPage } from './pages/login-page';

// Liaisons of their own (seeded with the demo password, used by no other spec): signing out ends
// every session of a user, so the demo accounts' saved sessions (auth.setup.ts) must not be used here.

async function signedIn(browser: Browser, username: string): Promise<Page> {
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  const login = new LoginPage(page);
  await login.goto();
  await login.signIn(username, demoPassword);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/** A second browser holding a copy of the first one's cookies, as someone who copied them would. */
async function copyOf(browser: Browser, page: Page): Promise<Page> {
  const copy = await (await browser.newContext({ storageState: await page.context().storageState() })).newPage();
  await copy.goto('/dashboard');
  await expect(copy.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  return copy;
}

async function expectSignedOut(page: Page) {
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/login/);
  await expect(page.getByRole('heading', { level: 1, name: '登录' })).toBeVisible();
  // Route handlers refuse it as well.
  expect((await page.request.get('/api/tasks/export')).status()).toBe(401);
}

test('signing out ends the session: a cookie copied before lands on the sign-in page', async ({ browser }) => {
  const page = await signedIn(browser, 'dept-changhai');
  const copy = await copyOf(browser, page);
  await page.getByRole('banner').getByRole('button', { name: '退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectSignedOut(copy);
  // Signing in again works, and the old copy stays void.
  const again = await signedIn(browser, 'dept-changhai');
  await expectSignedOut(copy);
  await again.goto('/tasks');
  await expect(again).toHaveURL(/\/tasks$/);
});

test('"sign out everywhere" on the profile ends every session of the user, this one too', async ({ browser }) => {
  const page = await signedIn(browser, 'dept-zhuanghe');
  const copy = await copyOf(browser, page);
  await page.goto('/profile');
  await expectAccessible(page);
  await page.getByRole('button', { name: '在所有设备上退出登录' }).click();
  await expect(page).toHaveURL(/\/login/);
  await expectSignedOut(page);
  await expectSignedOut(copy);
});

test.describe('an admin', () => {
  test.use({ storageState: storageStateOf('admin') });

  test("signs a user out everywhere from the user's page", async ({ page, browser }) => {
    const user = await signedIn(browser, 'dept-wafangdian');
    await page.goto('/admin/users?q=dept-wafangdian');
    await page.getByRole('link', { name: 'dept-wafangdian', exact: true }).click();
    await expect(page.getByText('自上次登录以来没有登录失败。')).toBeVisible();
    await expectAccessible(page);
    await page.getByRole('button', { name: '在所有设备上退出登录' }).click();
    await expect(page.getByText('该用户的所有登录会话已结束。')).toBeVisible();
    await expectSignedOut(user);
  });
});
