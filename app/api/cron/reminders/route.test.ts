import { beforeAll, describe, expect, it } from 'vitest';
import { conferences, requestedActions, tasks } from '@/db/schema';
import { useTestDb } from '@/test/db';
import { makeActor, makeDepartment } from '@/test/fixtures';
import { setEnv, useSmtpServer } from '@/test/smtp';
import { POST } from './route';

const secret = 'a-scheduler-secret-of-some-length';
const t = useTestDb();
const smtp = useSmtpServer({ REMINDER_SECRET: secret });

const call = (headers: Record<string, string> = {}) => POST(new Request('http://localhost/api/cron/reminders', { method: 'POST', headers }));

beforeAll(async () => {
  const dept = await makeDepartment(t.db);
  await makeActor(t.db, 'department_head', dept.id, { email: 'head@city.example' });
  const [conf] = await t.db.insert(conferences).values({ title: '会', year: 2019, quarter: 1, startsAt: new Date('2019-03-20T01:00:00Z'), endsAt: new Date('2019-03-20T03:00:00Z') }).returning();
  const [action] = await t.db.insert(requestedActions).values({ conferenceId: conf!.id, seq: 1, number: 'R-1', title: '逾期事项' }).returning();
  // Long overdue whatever day the test runs.
  await t.db.insert(tasks).values({ conferenceId: conf!.id, departmentId: dept.id, actionId: action!.id, dueDate: '2019-06-30', originalDueDate: '2019-06-30', status: 'in_progress' });
});

describe('POST /api/cron/reminders', () => {
  it('refuses a request without the secret header or with a wrong one, and runs nothing', async () => {
    const missing = await call();
    expect(missing.status).toBe(401);
    expect((await call({ 'X-Reminder-Secret': `${secret}x` })).status).toBe(401);
    expect((await call({ 'X-Reminder-Secret': '' })).status).toBe(401);
    expect(smtp.server.received).toHaveLength(0);
  });

  it('runs the reminders and drains the outbox with the right secret, answering the counts', async () => {
    const response = await call({ 'X-Reminder-Secret': secret });
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = await response.json();
    expect(body).toMatchObject({ candidates: 1, notices: 1, emails: { queued: 1, sent: 1, failed: 0, gaveUp: 0 } });
    expect(body.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(smtp.server.received.map((m) => m.subject)).toEqual(['【安委会督办】逾期提醒：R-1 逾期事项']);
    // The same day again: nothing new.
    expect(await (await call({ 'X-Reminder-Secret': secret })).json()).toMatchObject({ notices: 0, emails: { queued: 0, sent: 0 } });
    expect(smtp.server.received).toHaveLength(1);
  });

  it('is off (404) while REMINDER_SECRET is unset', async () => {
    setEnv({ REMINDER_SECRET: undefined });
    try {
      expect((await call({ 'X-Reminder-Secret': secret })).status).toBe(404);
      expect((await call()).status).toBe(404);
    } finally {
      setEnv({ REMINDER_SECRET: secret });
    }
  });
});
