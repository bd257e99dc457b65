import { expect, expectAccessible, storageStateOf, test } from './fixtures';

test.describe('the API reference and the API without a session', () => {
  test.use({ storageState: { cookies: [], origins: [] } });

  test('/api/docs renders the reference from the OpenAPI document, signed out, and /api/v1 answers 401 as JSON', async ({ page, request }) => {
    await page.goto('/api/docs');
    await expect(page).toHaveURL(/\/api\/docs$/);
    await expect(page.getByRole('heading', { level: 1, name: /API 参考/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 3, name: /POST\s*\/api\/v1\/tasks\/\{id\}\/follow-ups/ })).toBeVisible();
    // Summaries and groups read in the page's language; openapi.json keeps its English.
    await expect(page.getByRole('heading', { level: 3, name: /POST\s*\/api\/v1\/tasks\/\{id\}\/follow-ups\s*为任务添加一条跟进/ })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: '接口：督办任务' })).toBeVisible();
    await expect(page.getByText('Post a follow-up on a task')).toHaveCount(0);
    await expect(page.getByRole('table', { name: '参数: GET /api/v1/tasks', exact: true })).toContainText('overdue');
    await page.getByRole('link', { name: '错误', exact: true }).click();
    await expect(page.getByText('/api/docs#problem-rate-limited')).toBeVisible();
    await expectAccessible(page);
    await page.screenshot({ path: 'test-results/api-docs.png', fullPage: true });

    const document = await request.get('/api/v1/openapi.json');
    expect(document.status()).toBe(200);
    expect((await document.json()).openapi).toBe('3.1.0');
    const refused = await request.get('/api/v1/tasks', { maxRedirects: 0 });
    expect(refused.status()).toBe(401);
    expect(refused.headers()['content-type']).toMatch(/^application\/problem\+json/);
    expect(await refused.json()).toMatchObject({ status: 401, title: '未认证' });
  });
});

test.describe('a personal API token', () => {
  test.use({ storageState: storageStateOf('dept-emergency') });

  test('a department head creates a token on the profile page, uses it over HTTP, and revokes it', async ({ page, request }) => {
    await page.goto('/profile');
    const section = page.getByRole('region', { name: 'API 令牌' });
    await section.getByLabel('名称').fill('应急局 OA 同步');
    await section.getByRole('button', { name: '创建令牌' }).click();
    await expect(section.getByRole('status').filter({ hasText: '已创建令牌“应急局 OA 同步”。' })).toBeVisible();
    const token = await section.getByLabel('新令牌').inputValue();
    expect(token).toMatch(/^dkt_[A-Za-z0-9_-]{43}$/);
    await expect(section.getByRole('table', { name: '我的令牌' })).toContainText(token.slice(0, 10));
    await expectAccessible(page);
    await section.screenshot({ path: 'test-results/api-tokens.png' });

    const auth = { Authorization: `Bearer ${token}`, 'Accept-Language': 'en' };
    const me = await request.get('/api/v1/me', { headers: auth });
    expect(await me.json()).toMatchObject({ username: 'dept-emergency', role: 'department_head' });

    // The department's overdue tasks: its own only.
    const overdue = await (await request.get('/api/v1/tasks?overdue=true&limit=200', { headers: auth })).json();
    expect(overdue.data.length).toBeGreaterThan(0);
    const departmentId = (await me.json()).departmentId;
    for (const task of overdue.data) expect(task).toMatchObject({ departmentId, overdue: true });

    // A comment on one of them, against its ETag.
    const task = overdue.data.at(-1);
    const detail = await request.get(`/api/v1/tasks/${task.id}`, { headers: auth });
    const posted = await request.post(`/api/v1/tasks/${task.id}/follow-ups`, {
      headers: { ...auth, 'If-Match': detail.headers().etag!, 'Idempotency-Key': `e2e-${Date.now()}` },
      data: { kind: 'comment', body: '已通过 OA 系统同步。' },
    });
    expect(posted.status()).toBe(201);
    expect((await posted.json()).task.version).toBe(task.version + 1);

    await section.getByRole('button', { name: '撤销令牌 应急局 OA 同步' }).click();
    await expect(section.getByRole('status').filter({ hasText: '已撤销令牌“应急局 OA 同步”' })).toBeVisible();
    await expect(section.getByRole('table', { name: '我的令牌' })).toContainText('已撤销');
    expect((await request.get('/api/v1/me', { headers: auth })).status()).toBe(401);
  });
});
