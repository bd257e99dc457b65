/** Runs once when the server starts: validate the environment, open and migrate the database. */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  // First, before any request is let through: sign-in throttling keys on the socket's address.
  const { stampPeerAddresses } = await import('./lib/http/peer-address');
  stampPeerAddresses();
  const { startServerRuntime } = await import('./db/startup');
  await startServerRuntime();
}

/** A request failed on the server: one JSON log line with its request id, the page's digest and the stack. */
export async function onRequestError(...args: Parameters<typeof import('./lib/request-error').logRequestError>) {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { logRequestError } = await import('./lib/request-error');
  await logRequestError(...args);
}
