import type { Db } from './client';

const statements = new WeakMap<Db, Map<string, unknown>>();

/**
 * A statement built once per database handle and then run with values only. drizzle builds a
 * statement's SQL text anew on every call, which for a wide select with several joins costs 1 to
 * 2 ms of CPU — more than running it. Used for the statements every API request or task page runs.
 * `build` returns `db.select(…)….prepare(name)`, with `sql.placeholder` for every value.
 */
export function preparedFor<T>(db: Db, name: string, build: (db: Db, name: string) => T): T {
  let byName = statements.get(db);
  if (!byName) statements.set(db, (byName = new Map()));
  if (!byName.has(name)) byName.set(name, build(db, name));
  return byName.get(name) as T;
}
