import { openDatabase, targetFromEnv } from '../db/client';
import { migrateDatabase } from '../db/migrate';
import { env } from '../lib/env';
import { runCli } from './cli';

runCli(async () => {
  const handle = await openDatabase(targetFromEnv(env()));
  try {
    await migrateDatabase(handle);
    console.log(`Migrations applied (${handle.kind}).`);
  } finally {
    await handle.close();
  }
});
