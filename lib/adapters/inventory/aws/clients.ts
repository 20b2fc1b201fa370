import { CloudControlClient } from '@aws-sdk/client-cloudcontrol';
import { ConfigServiceClient } from '@aws-sdk/client-config-service';
import { STSClient } from '@aws-sdk/client-sts';
import { AdaptiveRetryStrategy, DefaultRateLimiter } from '@smithy/util-retry';
import { concurrencyLimit } from '../../shared/retry/limit.ts';
import type { AwsCredentials, AwsService, ResolvedAwsOptions } from './options.ts';

// The SDK's own transient-error base (Retry.delay()); throttling uses its larger base, scaled alike.
const SDK_BASE_DELAY_MS = 50;
// The adaptive limiter's floor after throttling (tokens/s); scaled with the backoff base so a test
// with a 1 ms base is not held to one request every two seconds.
const SDK_MIN_FILL_RATE = 0.5;
const MAX_DELAY_MS = 20_000;

/** Anything with the SDK's `send`: the three clients share it. */
interface Sender {
  send(command: unknown): Promise<unknown>;
}

/**
 * SDK clients per service, region and account, with adaptive retry (client-side rate limiting after
 * throttling), a request timeout, and one concurrency cap per service shared by every scope.
 */
export class AwsClients {
  private readonly limits: Record<AwsService, <T>(fn: () => Promise<T>) => Promise<T>>;
  private readonly cache = new Map<string, Sender>();

  constructor(private readonly opts: ResolvedAwsOptions) {
    const n = opts.scopes.concurrency;
    this.limits = {
      config: concurrencyLimit(n),
      cloudcontrol: concurrencyLimit(n),
      sts: concurrencyLimit(n),
    };
  }

  config(region: string, account: string, credentials: AwsCredentials | undefined): ConfigServiceClient {
    return this.client('config', region, account, credentials) as ConfigServiceClient;
  }

  cloudControl(region: string, account: string, credentials: AwsCredentials | undefined): CloudControlClient {
    return this.client('cloudcontrol', region, account, credentials) as CloudControlClient;
  }

  sts(region: string): STSClient {
    return this.client('sts', region, 'base', this.opts.credentials) as STSClient;
  }

  /** Sends one command under the service's concurrency cap; `onCall` counts it. */
  async send<T>(service: AwsService, client: Sender, command: { constructor: { name: string } }): Promise<T> {
    return this.limits[service](() => {
      this.opts.onCall?.(service, command.constructor.name.replace(/Command$/, ''));
      return client.send(command) as Promise<T>;
    });
  }

  destroy(): void {
    for (const c of this.cache.values()) (c as { destroy?: () => void }).destroy?.();
    this.cache.clear();
  }

  private client(service: AwsService, region: string, account: string, credentials?: AwsCredentials): Sender {
    const key = `${service}|${region}|${account}`;
    let c = this.cache.get(key);
    if (!c) {
      const config = {
        region,
        ...(credentials ? { credentials } : {}),
        ...(this.opts.endpoint ? { endpoint: this.opts.endpoint } : {}),
        maxAttempts: this.opts.maxAttempts,
        retryStrategy: this.retryStrategy(service),
        requestHandler: {
          requestTimeout: this.opts.requestTimeoutMs,
          // Without it the handler only logs a warning when requestTimeout passes.
          throwOnRequestTimeout: true,
          connectionTimeout: Math.min(this.opts.requestTimeoutMs, 10_000),
        },
      };
      c =
        service === 'config'
          ? new ConfigServiceClient(config)
          : service === 'cloudcontrol'
            ? new CloudControlClient(config)
            : new STSClient(config);
      this.cache.set(key, c);
    }
    return c;
  }

  // One strategy (and rate limiter) per client: AWS throttles per account and region.
  private retryStrategy(service: AwsService): AdaptiveRetryStrategy {
    const scale = (this.opts.retryBaseDelayMs ?? SDK_BASE_DELAY_MS) / SDK_BASE_DELAY_MS;
    const onRetry = this.opts.onRetry;
    let base = SDK_BASE_DELAY_MS;
    // Full-jitter exponential backoff like the SDK's own; only the base is scaled (tests use ~1 ms).
    const backoff = {
      setDelayBase(delay: number) {
        base = delay * scale;
      },
      computeNextBackoffDelay(attempts: number) {
        const delay = Math.floor(Math.min(MAX_DELAY_MS, Math.random() * 2 ** attempts * base));
        onRetry?.(service, delay);
        return delay;
      },
    };
    return new AdaptiveRetryStrategy(this.opts.maxAttempts, {
      maxAttempts: this.opts.maxAttempts,
      baseDelay: SDK_BASE_DELAY_MS,
      backoff,
      rateLimiter: new DefaultRateLimiter({ minFillRate: SDK_MIN_FILL_RATE / Math.min(1, scale || 1) }),
    });
  }
}
