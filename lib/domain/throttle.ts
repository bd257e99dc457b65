/**
 * Sign-in throttling: after a few free failures each further one doubles the wait before the next
 * try, up to a cap. Waits are kept per account and source, per source and per account, so a
 * stranger's failures slow the stranger, not the account's owner on their own computer.
 */
export interface ThrottleRule {
  /** Failures that cost no wait… */
  free: number;
  /** …then the wait after the next one, doubled for each failure after that… */
  firstWaitMs: number;
  /** …up to this. */
  maxWaitMs: number;
}

const seconds = (n: number) => n * 1000;
const minutes = (n: number) => n * 60_000;

export const signInThrottle = {
  /** One account from one address: the owner's typos, or someone guessing from there. */
  accountFromSource: { free: 3, firstWaitMs: seconds(5), maxWaitMs: minutes(15) },
  /** One address across accounts: one password tried on many accounts. */
  source: { free: 20, firstWaitMs: seconds(5), maxWaitMs: minutes(15) },
  /**
   * One account from every address at once. The threshold is high and the cap short, so the
   * owner on an address with no failures of its own waits a minute at most, never longer.
   */
  account: { free: 50, firstWaitMs: seconds(1), maxWaitMs: minutes(1) },
} satisfies Record<string, ThrottleRule>;

export type ThrottleKey = keyof typeof signInThrottle;

/** Failures older than this are forgotten; long enough that waiting out the cap does not reset it. */
export const throttleWindowMs = 24 * 60 * 60_000;

/** How long to wait after the `failures`-th failure. */
export function waitAfter(failures: number, rule: ThrottleRule): number {
  if (failures <= rule.free) return 0;
  return Math.min(rule.firstWaitMs * 2 ** Math.min(failures - rule.free - 1, 30), rule.maxWaitMs);
}

/** When the wait these failures call for ends, or null when there is none at `now`. */
export function waitUntil(failures: readonly Date[], rule: ThrottleRule, now: Date): Date | null {
  const recent = failures.map((d) => d.getTime()).filter((t) => t > now.getTime() - throttleWindowMs);
  if (recent.length === 0) return null;
  const end = Math.max(...recent) + waitAfter(recent.length, rule);
  return end > now.getTime() ? new Date(end) : null;
}

export interface SignInAttempt {
  account: string;
  source: string | null;
  succeeded: boolean;
  at: Date;
}

/** Failures not followed by a success on the same account from the same source: typos then put right do not count. */
export function unresolvedFailures(attempts: readonly SignInAttempt[]): Date[] {
  const lastSuccess = new Map<string, number>();
  const key = (a: SignInAttempt) => `${a.source ?? ''}\n${a.account}`;
  for (const a of attempts) {
    if (a.succeeded) lastSuccess.set(key(a), Math.max(lastSuccess.get(key(a)) ?? 0, a.at.getTime()));
  }
  return attempts.filter((a) => !a.succeeded && a.at.getTime() > (lastSuccess.get(key(a)) ?? -Infinity)).map((a) => a.at);
}

export interface SignInWait {
  until: Date;
  key: ThrottleKey;
}

/**
 * Whether a sign-in to `account` from `source` must wait, and until when: the longest of the three
 * waits. `accountAttempts` are the account's attempts from every source, `sourceAttempts` the
 * source's on every account. The account-wide count ignores successes, so an owner signing in
 * does not reset a distributed attack's count; the other two forgive a failure put right.
 */
export function signInWait(
  input: { account: string; source: string | null; accountAttempts: readonly SignInAttempt[]; sourceAttempts: readonly SignInAttempt[] },
  now: Date,
): SignInWait | null {
  const fromSource = input.accountAttempts.filter((a) => a.source === input.source);
  const candidates: [ThrottleKey, Date | null][] = [
    ['accountFromSource', waitUntil(unresolvedFailures(fromSource), signInThrottle.accountFromSource, now)],
    ['source', waitUntil(unresolvedFailures(input.sourceAttempts), signInThrottle.source, now)],
    ['account', waitUntil(input.accountAttempts.filter((a) => !a.succeeded).map((a) => a.at), signInThrottle.account, now)],
  ];
  let longest: SignInWait | null = null;
  for (const [key, until] of candidates) {
    if (until && (!longest || until > longest.until)) longest = { until, key };
  }
  return longest;
}

/** The longest wait an account's attempts impose anywhere (the account-wide one, or any one source's), for an admin's view. */
export function longestAccountWait(accountAttempts: readonly SignInAttempt[], now: Date): Date | null {
  const sources = new Set(accountAttempts.map((a) => a.source));
  let longest: Date | null = null;
  for (const source of sources) {
    const wait = signInWait({ account: accountAttempts[0]!.account, source, accountAttempts, sourceAttempts: [] }, now);
    if (wait && (!longest || wait.until > longest)) longest = wait.until;
  }
  return longest;
}

/** A wait as whole seconds, rounded up, as the sign-in form shows it. */
export function waitSeconds(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / 1000));
}
