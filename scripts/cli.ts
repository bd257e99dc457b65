import { DataDirLockedError } from '../db/lock';
import { EnvError } from '../lib/env';

/** Runs a command-line entry point: expected failures print one clear line, not a stack. */
export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (error: unknown) => {
      if (error instanceof DataDirLockedError || error instanceof EnvError) {
        console.error(`docket: ${error.message}`);
        process.exit(2);
      }
      console.error(error);
      process.exit(1);
    },
  );
}
