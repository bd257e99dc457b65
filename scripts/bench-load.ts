import { type ChildProcess, spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { DbHandle } from '../db/client';
import { type Period, currentQuarter, periodParam, previousQuarter, quarterPeriod } from '../lib/domain/period';
import { cityDate } from '../lib/domain/quarters';
import { defaultBenchUrl, openDataSet, queryRows } from './bench/dataset';
import { ms, table } from './bench/measure';
import { runCli } from './cli';

const usage = `Usage: npm run bench:load -- [--duration S] [--connections N] [--port P] [--rows N] [--only TEXT] [--no-mixed] [--profile DIR]
Starts the production server (run \`npx next build\` first) on the data set of npm run bench:tasks
(BENCH_DATABASE_URL, default ${defaultBenchUrl}; reused when it has --rows tasks, built otherwise),
as 200 department heads and 10 secretaries with API tokens, and drives it with autocannon on loopback:
each operation alone (--connections at once, --duration seconds), then all of them together (a mix).
Prints per operation: requests, throughput, p50/p95/p99, errors, and the server's peak memory.
--profile DIR writes a CPU profile of the server there (.cpuprofile, open in Chrome DevTools).`;

// autocannon has no bundled types; this is the part of its API used here.
interface CannonRequest {
  method?: string;
  path?: string;
  headers?: Record<string, string>;
  body?: string;
}
interface CannonOptions {
  url: string;
  connections: number;
  duration: number;
  requests: (CannonRequest & {
    setupRequest?: (request: CannonRequest, context: Record<string, unknown>) => CannonRequest;
    onResponse?: (status: number, body: string, context: Record<string, unknown>) => void;
  })[];
}
interface CannonResult {
  errors: number;
  timeouts: number;
}
interface CannonInstance extends PromiseLike<CannonResult> {
  on(event: 'response', listener: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
const autocannon = createRequire(import.meta.url)('autocannon') as (options: CannonOptions) => CannonInstance;

interface User {
  id: number;
  token: string;
  departmentId: number | null;
}
interface WriteTask {
  id: number;
  departmentId: number;
  version: number;
  progress: number;
  busy: boolean;
}

/** One kind of request: who makes it and what it asks, chosen afresh for every request. */
interface Operation {
  name: string;
  /** Connections in the mixed phase: the share of the traffic this operation has. */
  mixShare: number;
  /** The request, or null when nothing can be asked right now (every write target busy). */
  next: () => CannonRequest;
  onResponse?: (status: number, body: string, request: CannonRequest) => void;
  /** Statuses that are a normal answer, not an error (409 for a stale write). */
  expected?: number[];
}

interface Tally {
  latencies: number[];
  statuses: Map<number, number>;
  socketErrors: number;
  writes: number;
  rereads: number;
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const hashToken = (token: string) => crypto.createHash('sha256').update(token).digest('hex');

function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

/** The users of the run: made once (same usernames each time), with fresh tokens; older ones revoked. */
async function makeUsers(handle: DbHandle, departments: number[], heads: number, secretaries: number) {
  const rows: { username: string; role: string; departmentId: number | null }[] = [];
  for (let i = 0; i < heads; i++) rows.push({ username: `bench-head-${i + 1}`, role: 'department_head', departmentId: departments[i % departments.length]! });
  for (let i = 0; i < secretaries; i++) rows.push({ username: `bench-secretary-${i + 1}`, role: 'secretary', departmentId: null });
  const values = rows.map((r) => `('${r.username}', '${r.username}', '!bench: no password', '${r.role}', ${r.departmentId ?? 'NULL'})`).join(',\n');
  const users = await queryRows<{ id: number; username: string; department_id: number | null }>(
    handle,
    `INSERT INTO users (username, display_name, password_hash, role, department_id) VALUES ${values}
     ON CONFLICT (username) DO UPDATE SET role = excluded.role, department_id = excluded.department_id, active = true
     RETURNING id, username, department_id`,
  );
  const ids = users.map((u) => u.id).join(',');
  await queryRows(handle, `UPDATE api_tokens SET revoked_at = now() WHERE user_id IN (${ids}) AND revoked_at IS NULL`);
  const made = users.map((u) => ({ user: u, token: `dkt_${crypto.randomBytes(32).toString('base64url')}` }));
  await queryRows(
    handle,
    `INSERT INTO api_tokens (user_id, name, token_hash, prefix) VALUES ${made
      .map(({ user, token }) => `(${user.id}, 'bench:load', '${hashToken(token)}', '${token.slice(0, 10)}')`)
      .join(',\n')}`,
  );
  const byName = new Map(made.map(({ user, token }) => [user.username, { id: user.id, token, departmentId: user.department_id }]));
  return {
    heads: rows.filter((r) => r.role === 'department_head').map((r) => byName.get(r.username)!),
    secretaries: rows.filter((r) => r.role === 'secretary').map((r) => byName.get(r.username)!),
  };
}

/** The server process and its children (next start may fork a worker). */
function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // The process ended meanwhile.
    }
  }
  const out = [root];
  for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i]!) ?? []));
  return out;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

/** CPU milliseconds (user + system) the server's process tree has used so far. */
function cpuMs(root: number): number {
  const tick = 1000 / 100; // USER_HZ is 100 on Linux.
  return processTree(root).reduce((sum, pid) => {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return sum + (Number(fields[11]) + Number(fields[12])) * tick;
    } catch {
      return sum;
    }
  }, 0);
}

/** Peak resident memory of the server's process tree: polled sum of VmRSS, and each process's VmHWM. */
function watchMemory(root: number) {
  let peakSum = 0;
  const hwm = new Map<number, number>();
  const poll = () => {
    const pids = processTree(root);
    peakSum = Math.max(peakSum, pids.reduce((sum, pid) => sum + statusKb(pid, 'VmRSS'), 0));
    for (const pid of pids) hwm.set(pid, Math.max(hwm.get(pid) ?? 0, statusKb(pid, 'VmHWM')));
  };
  const timer = setInterval(poll, 250);
  poll();
  return {
    peakMb: () => {
      poll();
      return { polledSum: peakSum / 1024, hwmMax: Math.max(...hwm.values()) / 1024 };
    },
    stop: () => clearInterval(timer),
  };
}

async function startServer(port: number, databaseUrl: string, logFile: string, profileDir?: string): Promise<ChildProcess> {
  const next = path.join(process.cwd(), 'node_modules/next/dist/bin/next');
  const out = fs.openSync(logFile, 'w');
  // A CPU profile of the server (written when it stops), to see where a request's time goes.
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const server = spawn(process.execPath, [...profile, next, 'start', '-p', String(port), '-H', '127.0.0.1'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      API_RATE_LIMIT: '1000000',
      PORT: String(port),
      NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET || crypto.randomBytes(32).toString('hex'),
      NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    },
    stdio: ['ignore', out, out],
  });
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}); see ${logFile}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  server.kill('SIGTERM');
  throw new Error(`the server did not answer /api/health within 60 s; see ${logFile}`);
}

/** Runs the operations at the same time, each with its connections, and tallies every answer. */
async function runPhase(base: string, parts: { op: Operation; connections: number }[], duration: number): Promise<Map<string, Tally>> {
  const tallies = new Map<string, Tally>();
  await Promise.all(
    parts.map(async ({ op, connections }) => {
      const tally: Tally = { latencies: [], statuses: new Map(), socketErrors: 0, writes: 0, rereads: 0 };
      tallies.set(op.name, tally);
      const instance = autocannon({
        url: base,
        connections,
        duration,
        requests: [
          {
            setupRequest: (_request, context) => {
              const request = { headers: {}, ...op.next() };
              context.request = request;
              return request;
            },
            onResponse: (status, body, context) => {
              tally.statuses.set(status, (tally.statuses.get(status) ?? 0) + 1);
              op.onResponse?.(status, body, context.request as CannonRequest);
            },
          },
        ],
      });
      instance.on('response', (_client, _status, _bytes, latency) => tally.latencies.push(latency));
      const result = await instance;
      tally.socketErrors = result.errors + result.timeouts;
    }),
  );
  return tallies;
}

runCli(async () => {
  const { values } = parseArgs({
    options: {
      duration: { type: 'string', default: '20' },
      connections: { type: 'string', default: '8' },
      port: { type: 'string', default: '3320' },
      rows: { type: 'string', default: '1000000' },
      only: { type: 'string' },
      'no-mixed': { type: 'boolean' },
      profile: { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const [duration, connections, port, rows] = [Number(values.duration), Number(values.connections), Number(values.port), Number(values.rows)];
  if (![duration, connections, port, rows].every((n) => Number.isInteger(n) && n > 0) || rows < 1_000) throw new Error(usage);
  if (!fs.existsSync(path.join(process.cwd(), '.next/BUILD_ID'))) {
    throw new Error(`no production build in ${process.cwd()}/.next: run \`npx next build\` first (bench:load starts \`next start\`).`);
  }
  const url = process.env.BENCH_DATABASE_URL || defaultBenchUrl;
  const now = new Date();
  const handle = await openDataSet({ pglite: false, url, rows, reuse: true, today: cityDate(now), log: (line) => console.log(line) });
  let server: ChildProcess | undefined;
  try {
    // The busiest 100 departments, two heads each; tasks they can write on and open.
    const departments = (await queryRows<{ id: number }>(handle, `SELECT department_id id FROM tasks GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 100`)).map((d) => d.id);
    const { heads, secretaries } = await makeUsers(handle, departments, 200, 10);
    const writeTasks = await queryRows<{ id: number; department_id: number; version: number; progress: number }>(
      handle,
      `SELECT id, department_id, version, progress FROM tasks WHERE department_id IN (${departments.join(',')}) AND status IN ('acknowledged', 'in_progress')`,
    );
    const readTasks = await queryRows<{ id: number; department_id: number }>(
      handle,
      `SELECT id, department_id FROM (SELECT id, department_id, row_number() OVER (PARTITION BY department_id ORDER BY random()) n
         FROM tasks WHERE department_id IN (${departments.join(',')})) t WHERE n <= 50`,
    );
    const writable = new Map<number, WriteTask[]>();
    const byId = new Map<number, WriteTask>();
    for (const t of writeTasks) {
      const task = { id: t.id, departmentId: t.department_id, version: t.version, progress: t.progress, busy: false };
      writable.set(task.departmentId, [...(writable.get(task.departmentId) ?? []), task]);
      byId.set(task.id, task);
    }
    const readable = new Map<number, number[]>();
    for (const t of readTasks) readable.set(t.department_id, [...(readable.get(t.department_id) ?? []), t.id]);
    const writers = heads.filter((h) => writable.get(h.departmentId!)?.length);
    console.log(
      `${heads.length} department heads over ${departments.length} departments, ${secretaries.length} secretaries; ` +
        `${writeTasks.length.toLocaleString('en')} tasks open for progress reports, ${readTasks.length.toLocaleString('en')} to open.`,
    );

    const base = `http://127.0.0.1:${port}`;
    const logFile = path.join(os.tmpdir(), `docket-bench-load-${port}.log`);
    server = await startServer(port, url, logFile, values.profile);
    const memory = watchMemory(server.pid!);

    const auth = (user: User) => ({ authorization: `Bearer ${user.token}`, accept: 'application/json' });
    const current = currentQuarter(now) as Extract<Period, { kind: 'quarter' }>;
    const last = previousQuarter(current.year, current.quarter);
    const rankingPeriod = periodParam(quarterPeriod(last.year, last.quarter));
    let rereads = 0;
    let conflicts = 0;
    /** A stale write: the head reads the task again (its version) before reporting on it again. */
    const reread = async (task: WriteTask, user: User) => {
      rereads++;
      try {
        const response = await fetch(`${base}/api/v1/tasks/${task.id}`, { headers: auth(user) });
        if (response.ok) {
          const body = (await response.json()) as { version: number; progress: number; status: string };
          task.version = body.version;
          task.progress = body.progress;
        }
      } finally {
        task.busy = false;
      }
    };
    const writeUser = new Map<number, User>();
    const allOperations: Operation[] = [
      { name: 'health (floor)', mixShare: 1, next: () => ({ method: 'GET', path: '/api/health' }) },
      {
        name: 'head: task list',
        mixShare: 3,
        next: () => {
          const head = pick(heads);
          return { method: 'GET', path: `/api/v1/tasks?departmentId=${head.departmentId}`, headers: auth(head) };
        },
      },
      {
        name: 'head: overdue list',
        mixShare: 2,
        next: () => {
          const head = pick(heads);
          return { method: 'GET', path: `/api/v1/tasks?departmentId=${head.departmentId}&overdue=true`, headers: auth(head) };
        },
      },
      {
        name: 'head: task page',
        mixShare: 4,
        next: () => {
          const head = pick(heads);
          return { method: 'GET', path: `/api/v1/tasks/${pick(readable.get(head.departmentId!) ?? [0])}`, headers: auth(head) };
        },
      },
      {
        name: 'head: progress report',
        mixShare: 4,
        expected: [409],
        next: () => {
          // A head of a department with a task nobody is writing on right now.
          for (let attempt = 0; attempt < 20; attempt++) {
            const head = pick(writers);
            const task = pick(writable.get(head.departmentId!)!);
            if (task.busy) continue;
            task.busy = true;
            writeUser.set(task.id, head);
            const progress = Math.min(100, task.progress + 1);
            return {
              method: 'POST',
              path: `/api/v1/tasks/${task.id}/follow-ups`,
              headers: { ...auth(head), 'content-type': 'application/json' },
              body: JSON.stringify({ kind: 'progress', progress, version: task.version, body: `Load test: ${progress}% done.` }),
            };
          }
          throw new Error('every write target is busy: too many connections for the tasks open');
        },
        onResponse: (status, body, request) => {
          const task = byId.get(Number(/tasks\/(\d+)\//.exec(request.path!)![1]))!;
          if (status === 201) {
            const posted = JSON.parse(body) as { task: { version: number; progress: number } };
            task.version = posted.task.version;
            task.progress = posted.task.progress;
            task.busy = false;
          } else if (status === 409) {
            conflicts++;
            void reread(task, writeUser.get(task.id)!);
          } else task.busy = false;
        },
      },
      {
        name: 'secretary: task list',
        mixShare: 1,
        next: () => ({ method: 'GET', path: `/api/v1/tasks?status=${pick(['assigned', 'in_progress', 'submitted'])}`, headers: auth(pick(secretaries)) }),
      },
      {
        name: 'secretary: ranking',
        mixShare: 1,
        next: () => ({ method: 'GET', path: `/api/v1/reports/departments?period=${rankingPeriod}`, headers: auth(pick(secretaries)) }),
      },
    ];
    const operations = allOperations.filter((op) => !values.only || op.name.includes(values.only));

    // Warm-up: every route once a few times, so that no phase measures a first load.
    for (const op of operations) {
      for (let i = 0; i < 5; i++) {
        const request = op.next();
        const response = await fetch(`${base}${request.path}`, { method: request.method, headers: request.headers, body: request.body });
        const text = await response.text();
        op.onResponse?.(response.status, text, request);
        if (!response.ok) throw new Error(`warm-up ${op.name}: ${request.method} ${request.path} answered ${response.status}: ${text.slice(0, 300)}`);
      }
    }

    const load = () => os.loadavg().map((n) => n.toFixed(2)).join(' ');
    console.log(`\nServer: next start on ${base} (log ${logFile}); ${duration} s a phase; ranking period ${rankingPeriod}.`);
    console.log(`Load average before: ${load()} on ${os.cpus().length} cores.\n`);
    const header = ['operation', 'conns', 'requests', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', '409', 'writes/s', 'server CPU ms/req'];
    const lineOf = (op: Operation, conns: number, tally: Tally, serverCpuMs?: number) => {
      const sorted = tally.latencies.sort((a, b) => a - b);
      let errors = tally.socketErrors;
      let expected = 0;
      for (const [status, n] of tally.statuses) {
        if (status >= 200 && status < 300) continue;
        if (op.expected?.includes(status)) expected += n;
        else errors += n;
      }
      const total = [...tally.statuses.values()].reduce((a, b) => a + b, 0);
      const writes = tally.statuses.get(201) ?? 0;
      return {
        errors,
        p95: percentile(sorted, 95),
        writesPerSecond: writes / duration,
        cells: [
          op.name, String(conns), total.toLocaleString('en'), (total / duration).toFixed(0),
          ms(percentile(sorted, 50)), ms(percentile(sorted, 95)), ms(percentile(sorted, 99)),
          String(errors), op.expected ? String(expected) : '', op.expected ? (writes / duration).toFixed(0) : '',
          serverCpuMs === undefined ? '' : (serverCpuMs / Math.max(1, total)).toFixed(1),
        ],
      };
    };
    const report = (title: string, parts: { op: Operation; connections: number }[], results: Map<string, Tally>[], cpu: (number | undefined)[]) => {
      const lines = parts.map((part, i) => lineOf(part.op, part.connections, results[i]!.get(part.op.name)!, cpu[i]));
      console.log(`${title}\n${table(header, lines.map((l) => l.cells))}\n`);
      return lines;
    };

    // Each operation alone.
    const alone = operations.map((op) => ({ op, connections }));
    const aloneResults: Map<string, Tally>[] = [];
    const aloneCpu: number[] = [];
    for (const part of alone) {
      const before = cpuMs(server.pid!);
      aloneResults.push(await runPhase(base, [part], duration));
      aloneCpu.push(cpuMs(server.pid!) - before);
    }
    const aloneLines = report(`Each operation alone, ${connections} connections (load average now ${load()}):`, alone, aloneResults, aloneCpu);
    const serverCores = aloneCpu.map((c) => c / (duration * 1000));
    console.log(`Server CPU while alone: ${Math.min(...serverCores).toFixed(2)} to ${Math.max(...serverCores).toFixed(2)} cores busy (of ${os.cpus().length}).\n`);

    let mixedLines: ReturnType<typeof lineOf>[] = [];
    if (!values['no-mixed']) {
      const mixed = operations.map((op) => ({ op, connections: op.mixShare }));
      const result = await runPhase(base, mixed, duration);
      mixedLines = report(
        `All together (${mixed.reduce((n, p) => n + p.connections, 0)} connections; load average now ${load()}):`,
        mixed,
        mixed.map(() => result),
        [],
      );
    }
    const peak = memory.peakMb();
    memory.stop();
    console.log(`Server peak memory: ${peak.polledSum.toFixed(0)} MB resident (sum over its processes, polled), ${peak.hwmMax.toFixed(0)} MB VmHWM of its largest process.`);
    console.log(`Stale writes (409) re-read: ${conflicts} (${rereads} re-reads). Load average after: ${load()}.\n`);

    // Targets of issue 9.
    const all = [...aloneLines, ...mixedLines];
    const byName = (name: string) => aloneLines.find((l) => l.cells[0] === name);
    const errors = all.reduce((n, l) => n + l.errors, 0);
    const checks: [string, boolean | undefined, string][] = [
      ['no errors', errors === 0, `${errors} errors`],
      ...['head: task list', 'head: overdue list', 'head: task page'].map((name): [string, boolean | undefined, string] => {
        const line = byName(name);
        return [`p95 of ${name} < 150 ms (alone)`, line && line.p95 < 150, line ? `${ms(line.p95)} ms` : 'not run'];
      }),
      (() => {
        const line = byName('head: progress report');
        return ['≥ 300 follow-up writes/s (alone)', line && line.writesPerSecond >= 300, line ? `${line.writesPerSecond.toFixed(0)}/s` : 'not run'] as [string, boolean | undefined, string];
      })(),
    ];
    console.log(table(['target', 'met', 'measured'], checks.map(([name, met, measured]) => [name, met === undefined ? '-' : met ? 'yes' : 'NO', measured])));
  } finally {
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await new Promise((resolve) => server!.once('exit', resolve));
    }
    await handle.close();
  }
});
