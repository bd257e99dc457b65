import fs from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase, targetFromEnv } from '../db/client';
import { departments, tasks } from '../db/schema';
import { env } from '../lib/env';
import { runCli } from './cli';

/**
 * Writes ids from the freshly seeded e2e database for the browser tests, which cannot
 * open the embedded database while the server holds it.
 */
runCli(async () => {
  const out = process.argv[2];
  if (!out) throw new Error('usage: e2e-fixtures <out.json>');
  const handle = await openDatabase(targetFromEnv(env()));
  try {
    const taskOf = async (code: string) => {
      const [row] = await handle.db
        .select({ id: tasks.id })
        .from(tasks)
        .innerJoin(departments, eq(departments.id, tasks.departmentId))
        .where(and(eq(departments.code, code)))
        .orderBy(asc(tasks.id))
        .limit(1);
      if (!row) throw new Error(`no task for ${code}`);
      return row.id;
    };
    const fixtures = { emergencyTaskId: await taskOf('emergency'), zhongshanTaskId: await taskOf('zhongshan') };
    fs.writeFileSync(out, JSON.stringify(fixtures, null, 2));
  } finally {
    await handle.close();
  }
});
