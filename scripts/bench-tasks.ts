import os from 'node:os';
import { parseArgs } from 'node:util';
import { setDbHandleForTests } from '../db/runtime';
import { type TaskListQuery, iterateTasks, listTasks, taskListQueries } from '../lib/data/task-list';
import { csvLine } from '../lib/domain/csv';
import { cityDate } from '../lib/domain/quarters';
import { benchCases } from './bench/cases';
import { defaultBenchUrl, openDataSet } from './bench/dataset';
import { checkPlan, explainAnalyze, rawRunner } from './bench/explain';
import { ms, summarize, table, timeSideBySide } from './bench/measure';
import { runCli } from './cli';

const usage = `Usage: npm run bench:tasks -- [--reuse] [--rows N] [--reps N] [--warmup N] [--pglite] [--only TEXT] [--explain]
Builds a data set of N tasks (default 1 000 000) in its own PostgreSQL database, BENCH_DATABASE_URL
or ${defaultBenchUrl} (dropped and made anew unless --reuse finds one of the same size), then
times listTasks and iterateTasks as a secretary and as a department head.
--pglite uses an embedded PGlite database instead (default 100 000 tasks).
--only runs the queries whose name contains TEXT; --explain prints their EXPLAIN ANALYZE.`;

runCli(async () => {
  const { values } = parseArgs({
    options: {
      reuse: { type: 'boolean' },
      only: { type: 'string' },
      explain: { type: 'boolean' },
      pglite: { type: 'boolean' },
      rows: { type: 'string' },
      reps: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const pglite = Boolean(values.pglite);
  const rows = Number(values.rows ?? (pglite ? 100_000 : 1_000_000));
  const reps = Number(values.reps);
  const warmup = Number(values.warmup);
  if (![rows, reps, warmup].every((n) => Number.isInteger(n) && n >= 0) || rows < 1_000 || reps < 1) throw new Error(usage);

  const now = new Date();
  const today = cityDate(now);
  const handle = await openDataSet({
    pglite,
    url: process.env.BENCH_DATABASE_URL || defaultBenchUrl,
    rows,
    reuse: Boolean(values.reuse),
    today,
    log: (line) => console.log(line),
  });
  // lib/data reads the process's database; the bench's takes its place.
  setDbHandleForTests(handle);
  try {
    const raw = rawRunner(handle);
    const { cases, notes } = await benchCases(handle, today);
    const load = () => os.loadavg()[0]!.toFixed(1);
    console.log(`\n${handle.kind}, ${rows.toLocaleString('en')} tasks, ${reps} runs after ${warmup} warm-up; ms. ${notes.join('; ')}.`);
    console.log(`Load average before: ${load()} on ${os.cpus().length} cores (other work on the machine shows in the figures).`);
    console.log(
      'fn: listTasks (page and bounded count in parallel); sql: the same two statements through the driver without drizzle, ' +
        'run in turn with fn. matching: >N where the count stopped at its bound.\n',
    );
    const lines: string[][] = [];
    for (const c of cases.filter((c) => !values.only || c.name.includes(values.only))) {
      const result = await listTasks(c.actor, c.query, now);
      const { page, count } = await taskListQueries(c.actor, c.query, now);
      const statements = [page.toSQL(), count.toSQL()];
      const [fnRuns, bareRuns] = await timeSideBySide(
        () => listTasks(c.actor, c.query, now),
        () => Promise.all(statements.map((s) => raw(s.sql, s.params))),
        warmup,
        reps,
      );
      const [fn, bare] = [summarize(fnRuns), summarize(bareRuns)];
      const plans = await Promise.all(statements.map((s) => checkPlan(raw, s.sql, s.params)));
      lines.push([
        c.name,
        `${result.exact ? '' : '>'}${result.total.toLocaleString('en')}`,
        ms(fn.p50),
        ms(fn.p95),
        ms(fn.max),
        ms(bare.p50),
        ms(bare.p95),
        (fn.p50 / bare.p50).toFixed(2),
        plans.every((p) => p.ok) ? 'index' : 'SEQ SCAN',
      ]);
      if (values.explain) for (const s of statements) console.log(`\n${c.name}\n${await explainAnalyze(raw, s.sql, s.params)}`);
    }
    console.log(`Load average after: ${load()}.\n`);
    console.log(table(['query', 'matching', 'fn p50', 'fn p95', 'fn max', 'sql p50', 'sql p95', 'fn/sql', 'plan'], lines));
    if (!values.only) await exportCsv(handle.kind === 'postgres' ? 100_000 : Math.min(100_000, rows / 2), now);
  } finally {
    await handle.close();
  }
});

/** The CSV export's work (iterateTasks plus one CSV line per row), cut at `limit` rows. */
async function exportCsv(limit: number, now: Date) {
  const secretary = { id: 0, username: 'bench', name: 'bench', role: 'secretary', departmentId: null, locale: null } as const;
  const query: TaskListQuery = {};
  const baseline = process.memoryUsage().rss;
  let peak = baseline;
  let written = 0;
  let bytes = 0;
  const started = performance.now();
  for await (const batch of iterateTasks(secretary, query, now)) {
    for (const t of batch) {
      bytes += Buffer.byteLength(csvLine([t.number, t.title, t.departmentName, t.role, t.dueDate, t.status, t.light ?? '', t.progress, t.overdue]));
      if (++written === limit) break;
    }
    peak = Math.max(peak, process.memoryUsage().rss);
    if (written === limit) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const mb = (n: number) => (n / 2 ** 20).toFixed(0);
  console.log(
    `\nCSV export: ${written.toLocaleString('en')} rows (${mb(bytes)} MB) in ${seconds.toFixed(1)} s; ` +
      `peak RSS ${mb(peak)} MB (${mb(peak - baseline)} MB above the start).`,
  );
}
