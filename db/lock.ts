import fs from 'node:fs';
import path from 'node:path';

export class DataDirLockedError extends Error {
  constructor(
    public readonly dataDir: string,
    public readonly pid: number,
  ) {
    super(
      `The embedded database in ${dataDir} is already in use by process ${pid}. ` +
        `Only one Docket process may open it at a time: stop that process, or set DATA_DIR to another directory. ` +
        `If no Docket process is running, delete ${path.join(dataDir, 'docket.lock')}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

/** A zombie (killed, not yet reaped by its parent) holds no files: it counts as gone. */
function isZombie(pid: number): boolean {
  try {
    // /proc/<pid>/stat: "pid (comm) S …"; comm may contain spaces and parentheses.
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) === 'Z';
  } catch {
    return false; // no /proc (not Linux) or already gone: kill(pid, 0) decides
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM means the process exists but belongs to someone else.
    if ((error as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  return !isZombie(pid);
}

/** A process killed just before a restart may take a moment to go: wait for it, briefly. */
async function outlives(pid: number, waitMs: number): Promise<boolean> {
  const until = Date.now() + waitMs;
  while (isAlive(pid)) {
    if (Date.now() >= until) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

// Directories this process holds: a lock file naming our own pid but absent here
// was left by an earlier process that had the same pid (common in containers).
const heldHere = new Set<string>();

/**
 * PGlite has no lock between processes, and two writers silently lose data,
 * so one process claims the directory with a pid file. A stale file (a pid that is gone or a
 * zombie, after waiting up to `waitMs` for it to go) is taken over.
 */
export async function acquireDataDirLock(dataDir: string, waitMs = 2000): Promise<() => void> {
  fs.mkdirSync(dataDir, { recursive: true });
  const lockPath = path.join(dataDir, 'docket.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: 'wx' });
      heldHere.add(lockPath);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        heldHere.delete(lockPath);
        process.off('exit', release);
        try {
          if (fs.readFileSync(lockPath, 'utf8') === String(process.pid)) fs.unlinkSync(lockPath);
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.on('exit', release);
      return release;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = Number.parseInt(fs.readFileSync(lockPath, 'utf8'), 10);
      const ours = holder === process.pid;
      if (Number.isInteger(holder) && (ours ? heldHere.has(lockPath) : await outlives(holder, waitMs))) {
        throw new DataDirLockedError(path.resolve(dataDir), holder);
      }
      fs.rmSync(lockPath, { force: true });
    }
  }
  throw new Error(`Could not lock ${dataDir}`);
}
