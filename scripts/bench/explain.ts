import type { DbHandle } from '../../db/client';

interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  Plans?: PlanNode[];
}

/** The query as the driver receives it, run without drizzle (for the bare-SQL timing and EXPLAIN). */
export function rawRunner(handle: DbHandle): (text: string, params: unknown[]) => Promise<unknown[]> {
  const client = (handle.db as unknown as { $client: unknown }).$client;
  if (handle.kind === 'postgres') {
    const pg = client as { unsafe(text: string, params: unknown[]): Promise<unknown[]> };
    return (text, params) => pg.unsafe(text, params);
  }
  const lite = client as { query(text: string, params: unknown[]): Promise<{ rows: unknown[] }> };
  return async (text, params) => (await lite.query(text, params)).rows;
}

/** Tables big enough that reading them whole is a defect; departments (300 rows) are not. */
const bigTables = new Set(['tasks', 'requested_actions', 'follow_ups']);

export interface PlanCheck {
  ok: boolean;
  /** e.g. `Index Scan tasks_open_due_id_idx`, in plan order. */
  access: string[];
}

/** EXPLAIN of one query: which scans it uses, and whether any reads a big table sequentially. */
export async function checkPlan(run: ReturnType<typeof rawRunner>, text: string, params: unknown[]): Promise<PlanCheck> {
  const [row] = (await run(`EXPLAIN (FORMAT JSON) ${text}`, params)) as Array<Record<string, unknown>>;
  const raw = Object.values(row!)[0];
  const plan = (typeof raw === 'string' ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode }>;
  const access: string[] = [];
  let ok = true;
  const walk = (node: PlanNode) => {
    if (node['Index Name']) access.push(`${node['Node Type']} ${node['Index Name']}`);
    else if (node['Relation Name']) {
      access.push(`${node['Node Type']} ${node['Relation Name']}`);
      if (node['Node Type'].includes('Seq Scan') && bigTables.has(node['Relation Name'])) ok = false;
    }
    node.Plans?.forEach(walk);
  };
  walk(plan[0]!.Plan);
  return { ok, access: [...new Set(access)] };
}

/** EXPLAIN ANALYZE in text, for reading a plan by eye (`--explain`). */
export async function explainAnalyze(run: ReturnType<typeof rawRunner>, text: string, params: unknown[]): Promise<string> {
  const rows = (await run(`EXPLAIN (ANALYZE, BUFFERS) ${text}`, params)) as Array<Record<string, string>>;
  return rows.map((r) => Object.values(r)[0]).join('\n');
}
