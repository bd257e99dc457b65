export interface ThrottleRule {
  /** Failures that trigger a lock… */
  limit: number;
  /** …when they fall within this many milliseconds. */
  windowMs: number;
  /** How long the lock lasts after the failure that triggered it. */
  lockMs: number;
}

const minutes = (n: number) => n * 60_000;
export const signInThrottle = {
  perUsername: { limit: 5, windowMs: minutes(15), lockMs: minutes(15) },
  perIp: { limit: 20, windowMs: minutes(15), lockMs: minutes(15) },
} satisfies Record<string, ThrottleRule>;

/** How far back failures can matter: a window that ends with a lock. */
export const throttleLookbackMs = (rule: ThrottleRule) => 2 * (rule.windowMs + rule.lockMs);

/**
 * When the lock triggered by these failures ends, or null if there is none in force at `now`.
 * Counting restarts after each lock, so an expired lock does not re-arm on the next mistake.
 */
export function lockedUntil(failures: readonly Date[], rule: ThrottleRule, now: Date): Date | null {
  const sorted = failures.map((d) => d.getTime()).sort((a, b) => a - b);
  let recent: number[] = [];
  let lockEnd = 0;
  for (const at of sorted) {
    if (at < lockEnd) continue; // refused while locked; cannot extend the lock
    recent = recent.filter((t) => at - t < rule.windowMs);
    recent.push(at);
    if (recent.length >= rule.limit) {
      lockEnd = at + rule.lockMs;
      recent = [];
    }
  }
  return lockEnd > now.getTime() ? new Date(lockEnd) : null;
}
