import { expect, expectAccessible, storageStateOf, test } from './fixtures';

test.describe('the shell', () => {
  test.use({ storageState: storageStateOf('secretary') });

  test('every area in the navigation opens, has a heading and passes axe (zh-CN)', async ({ page }) => {
    await page.goto('/dashboard');
    const nav = page.getByRole('navigation', { name: '主导航' });
    const links = await nav.getByRole('link').all();
    const areas = await Promise.all(links.map(async (l) => ({ name: (await l.textContent())!.trim(), href: (await l.getAttribute('href'))! })));
    expect(areas.map((a) => a.name)).toEqual(expect.arrayContaining(['工作台', '会议', '督办任务', '报表', '安全生产指标']));
    for (const area of areas) {
      await nav.getByRole('link', { name: area.name }).click();
      await expect(page).toHaveURL(new RegExp(`${area.href}$`));
      await expect(nav.getByRole('link', { name: area.name })).toHaveAttribute('aria-current', 'page');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page);
    }
    await page.screenshot({ path: 'test-results/shell-zh.png', fullPage: true });
  });

  test('switches to English, keeps it after a reload, and switches back', async ({ page }) => {
    await page.goto('/dashboard');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await page.getByRole('button', { name: '语言：中文' }).click();
    await page.getByRole('menuitemradio', { name: 'English' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await page.reload();
    const nav = page.getByRole('navigation', { name: 'Main navigation' });
    await expect(nav.getByRole('link', { name: 'Tasks' })).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/shell-en.png', fullPage: true });
    await page.getByRole('button', { name: 'Language: English' }).click();
    await page.getByRole('menuitemradio', { name: '中文' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '工作台' })).toBeVisible();
  });

  test('collapses the navigation behind a menu button on a phone', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/dashboard');
    const menu = page.getByRole('button', { name: '菜单' });
    await expect(menu).toHaveAttribute('aria-expanded', 'false');
    await menu.click();
    await expect(menu).toHaveAttribute('aria-expanded', 'true');
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '督办任务' }).click();
    await expect(page).toHaveURL(/\/tasks$/);
    await expectAccessible(page);
  });
});

test('health reports the database', async ({ request }) => {
  const response = await request.get('/api/health');
  expect(response.status()).toBe(200);
  expect(await response.json()).toMatchObject({ status: 'ok', database: { ok: true } });
});
