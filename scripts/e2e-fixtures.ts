import fs from 'node:fs';
import { and, asc, eq } from 'drizzle-orm';
import { openDatabase, targetFromEnv } from '../db/client';
import { type Task, departments, tasks } from '../db/schema';
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
    const taskOf = async (code: string, status?: Task['status']) => {
      const [row] = await handle.db
        .select({ id: tasks.id })
        .from(tasks)
        .innerJoin(departments, eq(departments.id, tasks.departmentId))
        .where(and(eq(departments.code, code), status ? eq(tasks.status, status) : undefined))
        .orderBy(asc(tasks.id))
        .limit(1);
      if (!row) throw new Error(`no ${status ?? ''} task for ${code}`);
      return row.id;
    };
    const fixtures = {
      emergencyTaskId: await taskOf('emergency'),
      zhongshanTaskId: await taskOf('zhongshan'),
      // Journeys 4 and 5: a task waiting for acknowledgement, and two submissions to verify or return.
      zhongshanAssignedTaskId: await taskOf('zhongshan', 'assigned'),
      zhongshanSubmittedTaskId: await taskOf('zhongshan', 'submitted'),
      emergencySubmittedTaskId: await taskOf('emergency', 'submitted'),
    };
    fs.writeFileSync(out, JSON.stringify(fixtures, null, 2));
  } finally {
    await handle.close();
  }
});
