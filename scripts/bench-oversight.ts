import os from 'node:os';
import { parseArgs } from 'node:util';
import { setDbHandleForTests } from '../db/runtime';
import type { Actor } from '../lib/auth/actor';
import { dashboard } from '../lib/data/dashboard';
import { departmentScorecardByQuarter, departmentScorecards } from '../lib/data/scorecards';
import { supervisionReport } from '../lib/data/supervision-report';
import { type Period, currentQuarter, previousQuarter, quarterPeriod, yearPeriod } from '../lib/domain/period';
import { cityDate } from '../lib/domain/quarters';
import { defaultBenchUrl, openDataSet, queryRows } from './bench/dataset';
import { ms, summarize, table } from './bench/measure';
import { runCli } from './cli';

const usage = `Usage: npm run bench:oversight -- [--reuse] [--rows N] [--reps N] [--warmup N] [--only TEXT]
Times the dashboard, the ranking, a department's quarters and the supervision report for a quarter
and for a year on the benchmark data set of npm run bench:tasks (same database and options).`;

const actor = (role: Actor['role'], departmentId: number | null): Actor => ({ id: 0, username: `bench-${role}`, name: role, role, departmentId, locale: null });

runCli(async () => {
  const { values } = parseArgs({
    options: {
      reuse: { type: 'boolean' },
      only: { type: 'string' },
      rows: { type: 'string', default: '1000000' },
      reps: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return console.log(usage);
  const [rows, reps, warmup] = [Number(values.rows), Number(values.reps), Number(values.warmup)];
  if (![rows, reps, warmup].every((n) => Number.isInteger(n) && n >= 0) || rows < 1_000 || reps < 1) throw new Error(usage);
  const now = new Date();
  const handle = await openDataSet({
    pglite: false,
    url: process.env.BENCH_DATABASE_URL || defaultBenchUrl,
    rows,
    reuse: Boolean(values.reuse),
    today: cityDate(now),
    log: (line) => console.log(line),
  });
  setDbHandleForTests(handle);
  try {
    const [busiest] = await queryRows<{ id: number }>(handle, `SELECT department_id id FROM tasks GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
    const secretary = actor('secretary', null);
    const head = actor('department_head', busiest!.id);
    // The last whole quarter and year: the periods a report is made for.
    const current = currentQuarter(now) as Extract<Period, { kind: 'quarter' }>;
    const last = previousQuarter(current.year, current.quarter);
    const quarter = quarterPeriod(last.year, last.quarter);
    const year = yearPeriod(current.year - 1);
    const cases: [string, () => Promise<unknown>][] = [
      ['dashboard, quarter', () => dashboard(secretary, quarter, now)],
      ['dashboard, year', () => dashboard(secretary, year, now)],
      ['dashboard, head, quarter', () => dashboard(head, quarter, now)],
      ['ranking, quarter', () => departmentScorecards(secretary, quarter, now)],
      ['ranking, year', () => departmentScorecards(secretary, year, now)],
      ['ranking, head, year', () => departmentScorecards(head, year, now)],
      ['department, 8 quarters', () => departmentScorecardByQuarter(secretary, busiest!.id, { quarters: 8, now })],
      ['supervision report, quarter', () => supervisionReport(secretary, quarter, now)],
      ['supervision report, year', () => supervisionReport(secretary, year, now)],
    ];
    const load = () => os.loadavg()[0]!.toFixed(1);
    console.log(`\n${rows.toLocaleString('en')} tasks; quarter ${quarter.from}..${quarter.to}, year ${year.from}..${year.to}; ${reps} runs after ${warmup} warm-up; ms.`);
    console.log(`Load average before: ${load()} on ${os.cpus().length} cores.\n`);
    const lines: string[][] = [];
    for (const [name, run] of cases.filter(([name]) => !values.only || name.includes(values.only))) {
      const samples: number[] = [];
      for (let i = 0; i < warmup + reps; i++) {
        const started = performance.now();
        await run();
        if (i >= warmup) samples.push(performance.now() - started);
      }
      const s = summarize(samples);
      lines.push([name, ms(s.p50), ms(s.p95), ms(s.max), s.p95 < 200 ? 'yes' : 'NO']);
    }
    console.log(`Load average after: ${load()}.\n`);
    console.log(table(['view', 'p50', 'p95', 'max', 'p95 < 200 ms'], lines));
  } finally {
    await handle.close();
  }
});
