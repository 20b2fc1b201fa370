import { type RetryPolicy, withRetry } from '../../shared/retry/index.ts';
import { CallTimeoutError, classifyAzureError, errorHeaders } from './call-errors.ts';
import { type HeaderGetter, QuotaGate } from './quota-gate.ts';

/** Kinds of API call the adapter issues (for `onCall` and the counts). */
export type AzureOp =
  | 'resourcegraph.resources'
  | 'resourcegraph.changes'
  | 'arm.getById'
  | 'arm.providers.get';

export interface CallRunnerOptions {
  /** Attempts per call including the first (default 5). */
  attempts?: number;
  baseMs?: number;
  maxMs?: number;
  /** Per-attempt timeout in ms (default 60 000). */
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Jitter source (tests pin it). */
  random?: () => number;
  now?: () => number;
  onCall?: (op: AzureOp) => void;
}

const realSleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Every Azure call goes through here: the quota gate first, then a timed attempt, then retries
 * with backoff. The SDKs' own retry policies are switched off so that one layer owns retries:
 * the waits are injectable (tests assert them) and counted.
 */
export class CallRunner {
  readonly quota: QuotaGate;
  calls = 0;
  retries = 0;
  private readonly policy: RetryPolicy;
  private readonly timeoutMs: number;

  constructor(private readonly o: CallRunnerOptions = {}) {
    const sleep = o.sleep ?? realSleep;
    this.quota = new QuotaGate(o.now ?? Date.now, sleep);
    this.timeoutMs = o.timeoutMs ?? 60_000;
    this.policy = {
      attempts: o.attempts ?? 5,
      baseMs: o.baseMs ?? 500,
      maxMs: o.maxMs ?? 30_000,
      classify: classifyAzureError,
      sleep,
      ...(o.random ? { random: o.random } : {}),
      onRetry: () => {
        this.retries++;
      },
    };
  }

  /** Runs `fn` (given an abort signal) with quota gate, timeout and retries; `headers` reads the answer's headers. */
  run<T>(
    op: AzureOp,
    fn: (signal: AbortSignal) => Promise<T>,
    headers: (r: T) => HeaderGetter | undefined,
  ): Promise<T> {
    return withRetry(async () => {
      await this.quota.ready();
      this.calls++;
      this.o.onCall?.(op);
      try {
        const r = await this.timed(op, fn);
        this.quota.observe(headers(r));
        return r;
      } catch (err) {
        this.quota.observe(errorHeaders(err));
        throw err;
      }
    }, this.policy);
  }

  private async timed<T>(op: string, fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const ctrl = new AbortController();
    const timer = setTimeout(() => ctrl.abort(), this.timeoutMs);
    try {
      return await fn(ctrl.signal);
    } catch (err) {
      if (ctrl.signal.aborted) throw new CallTimeoutError(op, this.timeoutMs);
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
