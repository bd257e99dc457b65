/** Timing helpers for the benchmark: repeated runs after a warm-up, summarised as percentiles. */

export interface Summary {
  p50: number;
  p95: number;
  max: number;
}

/** Nearest-rank percentile of sorted milliseconds. */
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), max: sorted.at(-1)! };
}

/**
 * Runs `a` and `b` `warmup` times unmeasured, then `reps` times, and returns the milliseconds of
 * each run. They take turns (swapping who goes first) so both see the same load from the machine.
 */
export async function timeSideBySide(a: () => Promise<unknown>, b: () => Promise<unknown>, warmup: number, reps: number): Promise<[number[], number[]]> {
  const runs = [a, b];
  const samples: [number[], number[]] = [[], []];
  for (let i = 0; i < warmup + reps; i++) {
    for (const which of i % 2 ? [1, 0] : [0, 1]) {
      const started = performance.now();
      await runs[which]!();
      if (i >= warmup) samples[which]!.push(performance.now() - started);
    }
  }
  return samples;
}

export const ms = (n: number) => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** A plain-text table with right-aligned columns after the first. */
export function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c + ' '.repeat(widths[i]! - width(c)) : ' '.repeat(widths[i]! - width(c)) + c)).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** Display width: CJK characters take two columns in a terminal. */
function width(text: string): number {
  let n = 0;
  for (const ch of text) n += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return n;
}
