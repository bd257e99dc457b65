import type { Page } from '@playwright/test';
import postgres from 'postgres';
import { demoPassword, expect, expectAccessible, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { type Instance, createDatabase, e2eBasePort, seedDemo, startInstance } from './support/instances';

/**
 * A page that fails on the server shows the request id and digest of the request that failed, and
 * the server's JSON log holds one `request failed` line with both — so what a user reads out leads
 * to the stack; lines written while a page renders carry its id. A production server of its own,
 * whose database loses a table mid-test.
 */
let database: Awaited<ReturnType<typeof createDatabase>>;
let sql: postgres.Sql;
let server: Instance;

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase(`docket_e2e_error_page_${process.pid}`);
  seedDemo({ DATABASE_URL: database.url });
  sql = postgres(database.url, { max: 1, onnotice: () => {} });
  // Every statement counts as slow, so the log shows which request each one served.
  server = await startInstance(e2eBasePort + 5, { DATABASE_URL: database.url }, { SLOW_QUERY_MS: '0' });
});

test.afterAll(async () => {
  await server?.stop();
  await sql?.end();
  await database?.drop();
});

interface LogLine {
  msg?: string;
  requestId?: string;
  path?: string;
  err?: { digest?: string; message?: string };
}

/** The server's JSON lines so far. */
function logLines(): LogLine[] {
  return server
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

const failureLines = () => logLines().filter((line) => line.msg === 'request failed');

/** The request id and digest the error page shows. */
async function shownReferences(page: Page): Promise<{ requestId: string; digest: string }> {
  const requestId = (await page.getByText(/^请求编号：/).textContent())!.replace('请求编号：', '');
  const digest = (await page.getByText(/^错误编号：/).textContent())!.replace('错误编号：', '');
  return { requestId, digest };
}

test('a failed page shows its request id, which leads to the log line with the same digest', async ({ page }) => {
  await page.goto(`${server.url}/login`);
  await new LoginPage(page).signIn('secretary', demoPassword);
  await expect(page).toHaveURL(`${server.url}/dashboard`);

  // Lines written while a page renders carry its request id too (here: its statements).
  const dashboard = await page.goto(`${server.url}/dashboard`);
  const dashboardId = dashboard!.headers()['x-request-id'];
  await expect.poll(() => logLines().filter((l) => l.msg === 'slow query' && l.requestId === dashboardId).length).toBeGreaterThan(0);

  await sql`ALTER TABLE safety_indicators RENAME TO safety_indicators_away`;
  try {
    // A client-side navigation: its own request, whose id the browser learns from the response.
    await page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '安全生产指标' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '页面出错了' })).toBeVisible();
    const navigation = await shownReferences(page);
    expect(navigation.requestId).not.toBe(dashboardId);
    await expect.poll(() => failureLines().some((l) => l.requestId === navigation.requestId)).toBe(true);
    const navigationLine = failureLines().find((l) => l.requestId === navigation.requestId)!;
    expect(navigationLine.err?.digest).toBe(navigation.digest);
    expect(navigationLine.err?.message).toContain('safety_indicators');
    // The shell stays around the message, and the page is usable by keyboard and screen reader.
    await expect(page.getByRole('navigation', { name: '主导航' })).toBeVisible();
    await expectAccessible(page);

    // A full page load of the same address: a new request, a new id, its own log line.
    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: '页面出错了' })).toBeVisible();
    const reload = await shownReferences(page);
    expect(reload.requestId).not.toBe(navigation.requestId);
    await expect.poll(() => failureLines().some((l) => l.requestId === reload.requestId && l.path?.startsWith('/indicators'))).toBe(true);
  } finally {
    await sql`ALTER TABLE safety_indicators_away RENAME TO safety_indicators`;
  }

  // With the table back, trying again shows the page.
  await page.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '安全生产指标' })).toBeVisible();
});

test('a failed server action shows its own request id, found on its log line', async ({ page }) => {
  const [task] = await sql<{ id: number }[]>`SELECT id FROM tasks WHERE status IN ('acknowledged', 'in_progress') ORDER BY id LIMIT 1`;
  await page.goto(`${server.url}/login`);
  await new LoginPage(page).signIn('secretary', demoPassword);
  await expect(page).toHaveURL(`${server.url}/dashboard`);
  const taskPage = await page.goto(`${server.url}/tasks/${task!.id}`);
  const pageRequestId = taskPage!.headers()['x-request-id'];
  await page.getByRole('radio', { name: '催办' }).check();
  await page.getByLabel('催办内容').fill('请本周内报送整改进展。');

  // Every write keeps an audit row in the same transaction: without the table the action fails.
  await sql`ALTER TABLE audit_log RENAME TO audit_log_away`;
  try {
    await page.getByRole('button', { name: '催办', exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: '页面出错了' })).toBeVisible();
    const requestId = (await page.getByText(/^请求编号：/).textContent())!.replace('请求编号：', '');
    expect(requestId).not.toBe(pageRequestId);
    // The id is the digest too, so it is shown once.
    await expect(page.getByText(/^错误编号：/)).toHaveCount(0);
    await expect.poll(() => failureLines().some((l) => l.requestId === requestId)).toBe(true);
    const line = failureLines().find((l) => l.requestId === requestId)!;
    expect(line.err?.digest).toBe(requestId);
    expect(line.err?.message).toContain('audit_log');
  } finally {
    await sql`ALTER TABLE audit_log_away RENAME TO audit_log`;
  }
  // Nothing was written: the reminder is not on the task's record.
  const written = await sql`SELECT 1 FROM follow_ups WHERE task_id = ${task!.id} AND body = '请本周内报送整改进展。'`;
  expect(written).toHaveLength(0);
});
