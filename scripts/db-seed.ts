import { openDatabase, targetFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DemoSeedRefusedError, seedDemo, type SeedResult } from '../db/seed';
import { env } from '../lib/env';
import { runCli } from './cli';

runCli(async () => {
  const started = Date.now();
  const handle = await openDatabase(targetFromEnv(env()));
  let result: SeedResult | DemoSeedRefusedError;
  try {
    await migrateDatabase(handle);
    result = await seedDemo(handle.db).catch((error: unknown) => {
      if (error instanceof DemoSeedRefusedError) return error;
      throw error;
    });
  } finally {
    await handle.close();
  }
  if (result instanceof DemoSeedRefusedError) {
    console.error(`docket: ${result.message}`);
    process.exit(2);
  }

  if (!result.seeded || !result.counts) {
    console.log(`Demo data already present (${handle.kind}); nothing changed.`);
    return;
  }
  const c = result.counts;
  console.log(
    `Demo data seeded (${handle.kind}) in ${((Date.now() - started) / 1000).toFixed(1)} s: ` +
      `${c.departments} departments, ${c.users} users, ${c.conferences} conferences, ` +
      `${c.requestedActions} requested actions, ${c.tasks} tasks, ${c.followUps} follow-ups, ` +
      `${c.indicators} months of safety indicators.`,
  );
  console.log(`Sign in with password ${DEMO_PASSWORD} as:`);
  for (const a of DEMO_ACCOUNTS) console.log(`  ${a.username.padEnd(16)} ${a.role.padEnd(16)} ${a.displayName}`);
});
