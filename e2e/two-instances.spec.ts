import postgres from 'postgres';
import { demoPassword, expect, test } from './fixtures';
import { LoginPage } from './pages/login-page';
import { type Instance, createDatabase, createToken, e2eBasePort, seedDemo, startInstance } from './support/instances';

/**
 * Two production instances (`next start`, the same build) on one PostgreSQL database:
 * a session, the API rate limit and the reminders run live in the database, not in a process.
 */
const rateLimit = 20;
const reminderSecret = 'e2e-reminder-secret-0123456789';

let database: Awaited<ReturnType<typeof createDatabase>>;
let sql: postgres.Sql;
let a: Instance;
let b: Instance;
let token: string;

test.describe.configure({ mode: 'serial' });
test.use({ storageState: { cookies: [], origins: [] } });

test.beforeAll(async () => {
  test.setTimeout(180_000);
  database = await createDatabase(`docket_e2e_two_instances_${process.pid}`);
  const db = { DATABASE_URL: database.url };
  seedDemo(db);
  token = createToken(db, 'dept-emergency');
  sql = postgres(database.url, { max: 2, onnotice: () => {} });
  const env = { API_RATE_LIMIT: String(rateLimit), REMINDER_SECRET: reminderSecret };
  [a, b] = await Promise.all([startInstance(e2eBasePort + 1, db, env), startInstance(e2eBasePort + 2, db, env)]);
});

test.afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  await sql?.end();
  await database?.drop();
});

test('a department head signs in on instance A and acknowledges a task on instance B; A shows it', async ({ page }) => {
  const [task] = await sql<{ id: number }[]>`
    SELECT t.id FROM tasks t JOIN departments d ON d.id = t.department_id
    WHERE d.code = 'zhongshan' AND t.status = 'assigned' ORDER BY t.id LIMIT 1`;
  const taskId = task!.id;

  await page.goto(`${a.url}/login`);
  await new LoginPage(page).signIn('dept-zhongshan', demoPassword);
  await expect(page).toHaveURL(`${a.url}/dashboard`);

  // The session cookie from A (a signed JWT, nothing held by A) is accepted by B.
  await page.goto(`${b.url}/tasks/${taskId}`);
  await expect(page).toHaveURL(`${b.url}/tasks/${taskId}`);
  await expect(page.getByRole('radio', { name: '签收' })).toBeChecked();
  await page.getByLabel('签收说明（选填）').fill('在实例 B 上签收。');
  await page.getByRole('button', { name: '签收', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: '已记录：签收。' })).toBeVisible();

  // A reads the same database: the acknowledgement is there, and the form no longer offers it.
  await page.goto(`${a.url}/tasks/${taskId}`);
  await expect(page.getByText('状态：待签收 → 已签收')).toBeVisible();
  await expect(page.getByText('在实例 B 上签收。')).toBeVisible();
  await expect(page.getByRole('radio', { name: '签收' })).toHaveCount(0);
  const [row] = await sql<{ status: string }[]>`SELECT status FROM tasks WHERE id = ${taskId}`;
  expect(row!.status).toBe('acknowledged');
});

test('the API rate limit counts requests spread over both instances together', async ({ request }) => {
  // A sliding 60-second window: no need to wait for a minute to begin, a boundary resets nothing.
  const headers = { Authorization: `Bearer ${token}` };
  for (let i = 1; i <= rateLimit; i++) {
    const instance = i % 2 ? a : b;
    const response = await request.get(`${instance.url}/api/v1/me`, { headers });
    expect(response.status(), `request ${i} on ${instance.port}`).toBe(200);
    // Each answer counts the other instance's requests too.
    expect(response.headers()['ratelimit-remaining']).toBe(String(rateLimit - i));
  }
  // Each instance has seen only half the limit, yet both refuse the next request.
  for (const instance of [a, b]) {
    const refused = await request.get(`${instance.url}/api/v1/me`, { headers });
    expect(refused.status(), `over the limit on ${instance.port}`).toBe(429);
    expect(refused.headers()['retry-after']).toMatch(/^\d+$/);
    expect(await refused.json()).toMatchObject({ status: 429 });
  }
});

test('reminders run on both instances at once send each notice once', async ({ request }) => {
  const reminders = async () => (await sql<{ n: number }[]>`SELECT count(*)::int AS n FROM notifications WHERE kind LIKE 'reminder_%'`)[0]!.n;
  const before = await reminders();
  const run = (instance: Instance) => request.post(`${instance.url}/api/cron/reminders`, { headers: { 'X-Reminder-Secret': reminderSecret } });
  const answers = await Promise.all([run(a), run(b)]);
  const sent: number[] = [];
  for (const answer of answers) {
    expect(answer.status()).toBe(200);
    sent.push((await answer.json()).notices as number);
  }
  const after = await reminders();
  // Between them the two runs sent every due notice, and together no more than the rows written.
  expect(after - before).toBeGreaterThan(0);
  expect(sent[0]! + sent[1]!).toBe(after - before);
  const [dupes] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (
      SELECT user_id, task_id, kind, (created_at AT TIME ZONE 'Asia/Shanghai')::date
      FROM notifications WHERE kind LIKE 'reminder_%' GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d`;
  expect(dupes!.n).toBe(0);
  const [emails] = await sql<{ n: number }[]>`
    SELECT count(*)::int AS n FROM (SELECT notification_id FROM email_outbox WHERE notification_id IS NOT NULL GROUP BY 1 HAVING count(*) > 1) d`;
  expect(emails!.n).toBe(0);

  // A second run on both, the same day, sends nothing more.
  const again = await Promise.all([run(a), run(b)]);
  for (const answer of again) expect((await answer.json()).notices).toBe(0);
  expect(await reminders()).toBe(after);
});
