import { AwsInventory, type AwsInventoryOptions } from '../../../../../lib/adapters/inventory/aws/index.ts';
import type { FakeAwsServer } from '../../../../fakes/aws-api-server.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

export const A = '111111111111';
export const B = '222222222222';
export const C = '333333333333';

/** Static base credentials: the fake maps unknown keys to its base account. */
export const baseCredentials = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

/** An AwsInventory against the fake with fast retries; `calls` counts onCall by operation. */
export function inventory(
  server: FakeAwsServer,
  scopes: AwsInventoryOptions['scopes'],
  extra: Partial<AwsInventoryOptions> = {},
): { inv: AwsInventory; calls: Map<string, number>; retries: number[] } {
  const calls = new Map<string, number>();
  const retries: number[] = [];
  const inv = new AwsInventory({
    target: 'test',
    scopes,
    credentials: baseCredentials,
    endpoint: server.url,
    maxAttempts: 4,
    requestTimeoutMs: 2_000,
    retryBaseDelayMs: 1,
    onCall: (_s, op) => calls.set(op, (calls.get(op) ?? 0) + 1),
    onRetry: (_s, ms) => retries.push(ms),
    ...extra,
  });
  return { inv, calls, retries };
}

export const assumeRole = {
  roleName: 'DriftwatchReadOnly',
  externalId: 'dw-ext-7f3a9c',
  sessionName: 'driftwatch-scan',
};
