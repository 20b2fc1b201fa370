import type { ConfigServiceClientConfig } from '@aws-sdk/client-config-service';
import { z } from 'zod';
import { AwsScopesSchema } from '../../../core/config/scopes.ts';
import { DriftwatchError } from '../../../core/model/errors.ts';

/** The `scopes` of an AWS target after validation (defaults filled in). */
export type AwsScopes = z.infer<typeof AwsScopesSchema>;

/** Base credentials: a static identity or a provider (the SDK default chain when left out). */
export type AwsCredentials = NonNullable<ConfigServiceClientConfig['credentials']>;

/** AWS service an API call went to, for counting and concurrency caps. */
export type AwsService = 'config' | 'cloudcontrol' | 'sts';

/** Options of the live AWS inventory. */
export interface AwsInventoryOptions {
  /** Name of the scan target, for messages (`aws-config:<target>`). */
  target: string;
  /** Parsed or raw `scopes` of an AWS target (validated again here). */
  scopes: z.input<typeof AwsScopesSchema>;
  credentials?: AwsCredentials;
  /** One endpoint for every service (tests, emulators); else the SDK's AWS_ENDPOINT_URL_* rules apply. */
  endpoint?: string;
  /** Attempts per API call including the first (SDK adaptive retry). Default 5. */
  maxAttempts?: number;
  /** Socket idle timeout per attempt. Default 30 000 ms. */
  requestTimeoutMs?: number;
  /** Base of the SDK's exponential backoff for transient errors (throttling scales alike). Default 50 ms. */
  retryBaseDelayMs?: number;
  /** Read one account+region only (a scan shard). */
  only?: { account: string; region: string };
  /** Called once per API operation sent (retries not counted). */
  onCall?: (service: AwsService, operation: string) => void;
  /** Called before each SDK retry with the backoff delay it waits. */
  onRetry?: (service: AwsService, delayMs: number) => void;
}

/** Options after validation. */
export interface ResolvedAwsOptions extends Omit<AwsInventoryOptions, 'scopes'> {
  scopes: AwsScopes;
  maxAttempts: number;
  requestTimeoutMs: number;
}

/** The AWS inventory was configured wrongly (bad scopes, `only` outside them). */
export class AwsInventoryConfigError extends DriftwatchError {}

const TuningSchema = z.object({
  maxAttempts: z.number().int().min(1).max(20).default(5),
  requestTimeoutMs: z.number().int().min(1).max(600_000).default(30_000),
  retryBaseDelayMs: z.number().min(0).max(60_000).optional(),
  endpoint: z.string().url().optional(),
  only: z.object({ account: z.string(), region: z.string() }).strict().optional(),
});

/** Validates the options; throws AwsInventoryConfigError with one line naming the bad field. */
export function resolveOptions(opts: AwsInventoryOptions): ResolvedAwsOptions {
  const scopes = AwsScopesSchema.safeParse(opts.scopes);
  if (!scopes.success) throw new AwsInventoryConfigError(firstIssue(scopes.error, 'scopes'), opts.target);
  const tuning = TuningSchema.safeParse({
    maxAttempts: opts.maxAttempts,
    requestTimeoutMs: opts.requestTimeoutMs,
    retryBaseDelayMs: opts.retryBaseDelayMs,
    endpoint: opts.endpoint,
    only: opts.only,
  });
  if (!tuning.success) throw new AwsInventoryConfigError(firstIssue(tuning.error, 'options'), opts.target);
  const only = tuning.data.only;
  if (only && (!scopes.data.accounts.includes(only.account) || !scopes.data.regions.includes(only.region)))
    throw new AwsInventoryConfigError(
      `only ${only.account}/${only.region} is not one of the configured accounts and regions`,
      opts.target,
    );
  return { ...opts, ...tuning.data, scopes: scopes.data };
}

function firstIssue(error: z.ZodError, where: string): string {
  const issue = error.issues[0];
  const path = issue?.path.length ? `${where}.${issue.path.join('.')}` : where;
  return `${path}: ${issue?.message ?? 'invalid'}`;
}
