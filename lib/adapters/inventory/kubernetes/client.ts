import type { KubeConfig } from '@kubernetes/client-node';
import { concurrencyLimit, isRetryableStatus, withRetry } from '../../shared/retry/index.ts';
import { KubernetesApiError } from './errors.ts';
import { apiGet } from './http-get.ts';

/** Retry tuning; tests inject `sleep`/`random` to run backoff without waiting. */
export interface KubernetesRetryOptions {
  /** Total attempts per call including the first (default 5). */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

/** One HTTP request as it happened (metrics, tests). */
export interface KubernetesCall {
  cluster: string;
  path: string;
  /** HTTP status, or 0 for a network failure / timeout. */
  status: number;
  attempt: number;
  ms: number;
}

/** Counters for one read(), per cluster. */
export interface ClusterStats {
  calls: number;
  retries: number;
  /** Backoff delays slept before retries, in order. */
  retryDelaysMs: number[];
  /** Kinds relisted from scratch after an expired continue token (410). */
  relists: number;
}

export interface ClientOptions {
  cluster: string;
  concurrency: number;
  timeoutMs: number;
  retry: KubernetesRetryOptions;
  onCall?: (call: KubernetesCall) => void;
}

// Failures that will not change by asking again: bad credentials setup, no server in the context.
const PERMANENT_NETWORK = new Set(['CredentialsFailed', 'NoServer']);

/** True for throttling (429), server errors, timeouts and dropped connections. */
export function isRetryable(err: unknown): boolean {
  if (!(err instanceof KubernetesApiError)) return false;
  return err.status === 0 ? !PERMANENT_NETWORK.has(err.reason) : isRetryableStatus(err.status);
}

/** GET with a per-cluster concurrency cap and full-jitter retries; counts every request. */
export function clusterClient(kc: KubeConfig, opts: ClientOptions, stats: ClusterStats) {
  const get = apiGet(kc, opts.timeoutMs);
  const limit = concurrencyLimit(opts.concurrency);
  const r = opts.retry;
  // The slot is held per attempt, not across backoff sleeps, so a throttled kind frees it for others.
  const once = (path: string, attempt: number) =>
    limit(async () => {
      const started = Date.now();
      stats.calls++;
      let status = 200;
      try {
        return await get(path);
      } catch (e) {
        status = e instanceof KubernetesApiError ? e.status : 0;
        throw e;
      } finally {
        opts.onCall?.({ cluster: opts.cluster, path, status, attempt, ms: Date.now() - started });
      }
    });
  return (path: string): Promise<unknown> =>
    withRetry((attempt) => once(path, attempt), {
      attempts: r.attempts ?? 5,
      baseMs: r.baseMs ?? 200,
      maxMs: r.maxMs ?? 10_000,
      classify: (err) => ({
        retry: isRetryable(err),
        afterMs: err instanceof KubernetesApiError ? err.retryAfterMs : undefined,
      }),
      ...(r.sleep ? { sleep: r.sleep } : {}),
      ...(r.random ? { random: r.random } : {}),
      onRetry: (_attempt, delay) => {
        stats.retries++;
        stats.retryDelaysMs.push(delay);
      },
    });
}

export type ClusterGet = ReturnType<typeof clusterClient>;
