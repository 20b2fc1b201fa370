/** How to retry one call: attempts, exponential backoff with full jitter, and what is retryable. */
export interface RetryPolicy {
  /** Total attempts including the first. */
  attempts: number;
  baseMs: number;
  maxMs: number;
  /** Classifies a failure: retry it, and (when the server said so) after how long. */
  classify: (err: unknown) => { retry: boolean; afterMs?: number };
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Called before each retry (metrics, tests). */
  onRetry?: (attempt: number, delayMs: number, err: unknown) => void;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Full-jitter exponential backoff (AWS Architecture Blog "Exponential Backoff and Jitter"):
 * spreads retries of many concurrent callers instead of synchronising them into new bursts.
 */
export function backoffDelay(attempt: number, baseMs: number, maxMs: number, random: () => number): number {
  return Math.floor(random() * Math.min(maxMs, baseMs * 2 ** attempt));
}

/** Runs `fn`, retrying retryable failures; the last failure is rethrown unchanged. */
export async function withRetry<T>(fn: (attempt: number) => Promise<T>, policy: RetryPolicy): Promise<T> {
  const sleep = policy.sleep ?? realSleep;
  const random = policy.random ?? Math.random;
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (err) {
      const verdict = policy.classify(err);
      if (!verdict.retry || attempt + 1 >= policy.attempts) throw err;
      const jittered = backoffDelay(attempt, policy.baseMs, policy.maxMs, random);
      // A server-given Retry-After is a floor, never shortened by jitter.
      const delay = Math.max(jittered, Math.min(verdict.afterMs ?? 0, policy.maxMs * 4));
      policy.onRetry?.(attempt + 1, delay, err);
      await sleep(delay);
    }
  }
}
