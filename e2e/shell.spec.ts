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

test('health answers liveness, ready reports the database and its migrations', async ({ request }) => {
  const live = await request.get('/api/health');
  expect(live.status()).toBe(200);
  expect(await live.json()).toMatchObject({ status: 'ok' });
  const ready = await request.get('/api/ready', { headers: { 'X-Request-Id': 'e2e-ready-1' } });
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toMatchObject({ status: 'ready', database: { ok: true }, migrations: { ok: true, pending: [] } });
  // The proxy keeps a caller's sane request id and answers with it.
  expect(ready.headers()['x-request-id']).toBe('e2e-ready-1');
});

test('every answer carries a request id, also in API problems', async ({ request }) => {
  const page = await request.get('/login', { headers: { 'X-Request-Id': 'bad id"' } });
  expect(page.headers()['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  const problem = await request.get('/api/v1/tasks', { headers: { 'X-Request-Id': 'e2e-api-1' } });
  expect(problem.status()).toBe(401);
  expect(problem.headers()['x-request-id']).toBe('e2e-api-1');
  expect(await problem.json()).toMatchObject({ status: 401, requestId: 'e2e-api-1' });
});
