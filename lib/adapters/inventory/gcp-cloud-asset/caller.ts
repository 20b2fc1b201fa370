import { withRetry } from '../../shared/retry/index.ts';
import { isRetryable } from './errors.ts';
import type { GcpCall, GcpCloudAssetOptions } from './options.ts';

/** Resolved retry settings: gax's own retries are off (`retry: null`), these are the only ones. */
export interface Tuning {
  attempts: number;
  baseMs: number;
  maxMs: number;
  timeoutMs: number;
  pollMs: number;
  exportTimeoutMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Defaults: 5 attempts, full-jitter backoff from 1 s to 32 s, 60 s per request, exports polled 2 s → 30 s. */
export function tuning(opts: GcpCloudAssetOptions): Tuning {
  const r = opts.retry ?? {};
  return {
    attempts: r.attempts ?? 5,
    baseMs: r.baseMs ?? 1000,
    maxMs: r.maxMs ?? 32_000,
    timeoutMs: r.timeoutMs ?? 60_000,
    pollMs: r.pollMs ?? 2000,
    exportTimeoutMs: r.exportTimeoutMs ?? 30 * 60_000,
    sleep: r.sleep ?? realSleep,
    random: r.random ?? Math.random,
  };
}

/** Runs one API call with our retry policy, reporting every attempt to `onCall`. */
export type Call = <T>(
  api: GcpCall['api'],
  parent: string,
  fn: (attempt: number) => Promise<T>,
) => Promise<T>;

/** A `Call` bound to the adapter's options (backoff with full jitter, injectable sleep and random). */
export function caller(opts: GcpCloudAssetOptions, t: Tuning): Call {
  return (api, parent, fn) =>
    withRetry(
      (attempt) => {
        opts.onCall?.({ api, parent, attempt });
        return fn(attempt);
      },
      {
        attempts: t.attempts,
        baseMs: t.baseMs,
        maxMs: t.maxMs,
        classify: (err) => ({ retry: isRetryable(err) }),
        sleep: t.sleep,
        random: t.random,
        onRetry: (attempt, delay, err) => opts.retry?.onRetry?.({ api, parent, attempt }, delay, err),
      },
    );
}
