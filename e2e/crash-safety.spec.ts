import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIRequestContext } from '@playwright/test';
import { type FollowUpKind, type TaskStatus, nextStatus } from '../lib/domain/task-state';
import { expect, test } from './fixtures';
import { type DatabaseChoice, type Instance, createDatabase, createToken, e2eBasePort, seedDemo, startInstance } from './support/instances';

/**
 * Follow-up writes through the API from several clients at once, the server killed with SIGKILL
 * in the middle, then restarted: every acknowledged write is there, nothing is half written,
 * and a retried in-flight request (same Idempotency-Key) is recorded exactly once.
 */
// The demo seed gives dept-emergency three tasks in progress: one client each.
const clients = 3;
/** Writes acknowledged before the kill; the clients keep writing until the server is gone. */
const writesBeforeKill = 40;

interface ApiFollowUp { id: number; createdAt: string; kind: FollowUpKind; body: string | null; progress: number | null; fromStatus: TaskStatus | null; toStatus: TaskStatus }
interface ApiTask { id: number; status: TaskStatus; version: number; progress: number; followUps: ApiFollowUp[] }
interface Posted { key: string; body: string; progress: number; version: number }

test.describe.configure({ mode: 'serial' });

async function getTask(request: APIRequestContext, server: Instance, token: string, id: number): Promise<ApiTask> {
  const response = await request.get(`${server.url}/api/v1/tasks/${id}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status()).toBe(200);
  const task: ApiTask = await response.json();
  // The API lists the timeline newest first; replay reads it oldest first.
  task.followUps.sort((x, y) => x.createdAt.localeCompare(y.createdAt) || x.id - y.id);
  return task;
}

/** Replays a task's timeline from its assignment with the task life cycle (lib/domain/task-state). */
function replay(timeline: ApiFollowUp[]): { status: TaskStatus; progress: number } {
  let status: TaskStatus = 'assigned';
  let progress = 0;
  let extensionPending = false;
  for (const entry of timeline) {
    if (entry.kind !== 'assign') {
      const next = nextStatus({ status, extensionPending }, entry.kind);
      expect(next, `${entry.kind} on a ${status} task`).not.toBeNull();
      expect(entry.fromStatus).toBe(status);
      status = next!;
    }
    expect(entry.toStatus).toBe(status);
    if (entry.kind === 'progress') progress = entry.progress!;
    if (entry.kind === 'submit') progress = 100;
    if (entry.kind === 'extension_request') extensionPending = true;
    if (entry.kind === 'extension_approved' || entry.kind === 'extension_rejected' || entry.kind === 'reassign') extensionPending = false;
  }
  return { status, progress };
}

async function crashAndRecover(request: APIRequestContext, db: DatabaseChoice, port: number) {
  seedDemo(db);
  const token = createToken(db, 'dept-emergency');
  const auth = { Authorization: `Bearer ${token}` };
  // Many writes a second: the rate limit is not what this test is about.
  const env = { API_RATE_LIMIT: '1000000' };
  let server = await startInstance(port, db, env);
  try {
    const listed = await request.get(`${server.url}/api/v1/tasks?status=in_progress&limit=${clients}`, { headers: auth });
    expect(listed.status()).toBe(200);
    const ids: number[] = (await listed.json()).data.map((t: { id: number }) => t.id);
    expect(ids).toHaveLength(clients);
    const before = new Map<number, ApiTask>();
    for (const id of ids) before.set(id, await getTask(request, server, token, id));

    // One client per task, each writing progress against the version its last write returned.
    const acknowledged = new Map<number, Posted[]>(ids.map((id) => [id, []]));
    const inFlight = new Map<number, Posted>();
    let total = 0;
    let killed: Promise<void> | undefined;
    const client = async (id: number) => {
      let version = before.get(id)!.version;
      for (let i = 1; ; i++) {
        const post: Posted = { key: `crash-${id}-${i}-${Date.now()}`, body: `crash test write ${i} on task ${id}`, progress: i % 101, version };
        inFlight.set(id, post);
        let response;
        try {
          response = await fetch(`${server.url}/api/v1/tasks/${id}/follow-ups`, {
            method: 'POST',
            headers: { ...auth, 'Content-Type': 'application/json', 'Idempotency-Key': post.key },
            body: JSON.stringify({ kind: 'progress', body: post.body, progress: post.progress, version }),
          });
        } catch {
          return; // The server is gone; this write's fate is unknown.
        }
        if (response.status !== 201) {
          // A response cut off by the kill is as unknown as no response at all.
          if (killed) return;
          throw new Error(`write ${post.key}: ${response.status} ${await response.text()}`);
        }
        const result = await response.json().catch(() => undefined);
        if (!result) return;
        inFlight.delete(id);
        version = result.task.version;
        expect(version).toBe(post.version + 1);
        acknowledged.get(id)!.push(post);
        total += 1;
        if (total === writesBeforeKill) killed = server.stop('SIGKILL');
      }
    };
    await Promise.all(ids.map(client));
    await killed;
    expect(total).toBeGreaterThanOrEqual(writesBeforeKill);
    // Killed mid-stream: at least one write was sent and never answered.
    expect(inFlight.size).toBeGreaterThan(0);
    // The embedded database's lock names the killed process; the restart must take it over.
    if ('DATA_DIR' in db) expect(fs.existsSync(path.join(db.DATA_DIR, 'docket.lock'))).toBe(true);

    // Restart on the same database: no manual step (a stale embedded-database lock is taken over).
    server = await startInstance(port, db, env);

    // The write each client had in flight, retried with its key: recorded once, whatever the kill did.
    for (const [id, post] of inFlight) {
      const retried = await request.post(`${server.url}/api/v1/tasks/${id}/follow-ups`, {
        headers: { ...auth, 'Idempotency-Key': post.key },
        data: { kind: 'progress', body: post.body, progress: post.progress, version: post.version },
      });
      expect(retried.status(), await retried.text()).toBe(201);
      acknowledged.get(id)!.push(post);
    }
    // An acknowledged write repeated with its key is answered from the record, not written again.
    const [firstId] = ids;
    const first = acknowledged.get(firstId!)![0]!;
    const repeated = await request.post(`${server.url}/api/v1/tasks/${firstId}/follow-ups`, {
      headers: { ...auth, 'Idempotency-Key': first.key },
      data: { kind: 'progress', body: first.body, progress: first.progress, version: first.version },
    });
    expect(repeated.status()).toBe(201);
    expect(repeated.headers()['idempotent-replayed']).toBe('true');

    for (const id of ids) {
      const after = await getTask(request, server, token, id);
      const written = acknowledged.get(id)!;
      const newEntries = after.followUps.filter((f) => !before.get(id)!.followUps.some((b) => b.id === f.id));
      // Every acknowledged write is present exactly once, in the order it was made, and nothing else.
      expect(newEntries.map((f) => f.body)).toEqual(written.map((w) => w.body));
      expect(newEntries.map((f) => f.progress)).toEqual(written.map((w) => w.progress));
      // The task row agrees with its history: status and progress by replay, one version per entry.
      expect({ status: after.status, progress: after.progress }).toEqual(replay(after.followUps));
      expect(after.version).toBe(before.get(id)!.version + newEntries.length);
    }
  } finally {
    await server.stop();
  }
}

test('on PostgreSQL: writes acknowledged before a SIGKILL survive the restart, and each task matches its history', async ({ request }) => {
  test.setTimeout(150_000);
  const database = await createDatabase(`docket_e2e_crash_${process.pid}`);
  try {
    await crashAndRecover(request, { DATABASE_URL: database.url }, e2eBasePort + 3);
  } finally {
    await database.drop();
  }
});

test('on the embedded database: the same, and it reopens after the SIGKILL without a manual step', async ({ request }) => {
  test.setTimeout(150_000);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'docket-crash-'));
  try {
    await crashAndRecover(request, { DATA_DIR: dataDir }, e2eBasePort + 4);
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
