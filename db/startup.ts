import { EnvError, env } from '../lib/env';
import { logger } from '../lib/log';
import { DataDirLockedError } from './lock';
import { getDbHandle } from './runtime';

/**
 * Opens the database at start-up so a bad configuration or a data directory held by
 * another process stops the server at once with a clear message, not on the first request.
 */
export async function startServerRuntime(): Promise<void> {
  try {
    const config = env();
    if (config.NODE_ENV === 'production' && !config.NEXTAUTH_SECRET) {
      throw new EnvError(['NEXTAUTH_SECRET: required in production (32+ random characters, e.g. `openssl rand -base64 32`)']);
    }
    await getDbHandle();
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof EnvError) {
      logger.error('cannot start', { reason: error.message });
      process.exit(2);
    }
    throw error;
  }
}
