/** Runs once when the server starts: validate the environment, open and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { startServerRuntime } = await import('./db/startup');
  await startServerRuntime();
}
