import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { RemediationDeps } from '../../../functions/remediation-plan/deps.ts';
import { DynamoDbApprovalStore } from '../../../lib/adapters/approvals/dynamodb/index.ts';
import { EventBridgePublisher } from '../../../lib/adapters/events/eventbridge/index.ts';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/index.ts';
import { type DriftwatchConfig, parseConfig } from '../../../lib/core/config/index.ts';
import type { DriftDetected } from '../../../lib/core/events/index.ts';
import { driftId } from '../../../lib/core/lifecycle/drift-id.ts';
import type { DriftRecord } from '../../../lib/core/model/drift-record.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

type Json = Record<string, unknown>;

// aws-local-stepfunctions 3 races every Task against Promise.withResolvers (Node >= 22); the project
// runs on Node 20, so the tests supply the standard function when it is missing.
const P = Promise as unknown as { withResolvers?: () => unknown };
P.withResolvers ??= () => {
  let resolve: (v: unknown) => void = () => undefined;
  let reject: (e: unknown) => void = () => undefined;
  const promise = new Promise((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
};

/**
 * The remediation ASL exactly as `cdk synth` produces it: lib/infra's RemediationStateMachine
 * through test/infra/synth.ts (`synthApp` + `stateMachineDefinition`), approvalTimeoutHours 1.
 */
export async function remediationDefinition(): Promise<Json> {
  const { stateMachineDefinition, synthApp } = await import('../../infra/synth.ts');
  const app = synthApp(remediationConfig('revert-tags', true));
  return stateMachineDefinition(app.templates.remediation, 'RemediationStateMachineF') as Json;
}

/** A copy with the approval wait cut to `seconds` (the local runner has no heartbeats: dropped). */
export function withApprovalTimeout(def: Json, seconds: number): Json {
  const copy = structuredClone(def) as { States: Record<string, Json> };
  const task = copy.States.RequestApproval as Json;
  task.TimeoutSeconds = seconds;
  delete task.HeartbeatSeconds;
  return copy;
}

export interface Published {
  detailType: string;
  detail: Json;
}

export const TARGET = 'prod-eu';

/** The config of these tests: one AWS target, remediation on with the given executor and mode. */
export function remediationConfig(
  executor: 'revert-tags' | 'notify-only',
  dryRun: boolean,
): DriftwatchConfig {
  return parseConfig(
    {
      version: 1,
      targets: [
        {
          name: TARGET,
          provider: 'aws',
          state: ['examples/aws/terraform.tfstate'],
          inventory: ['examples/aws/config-snapshot.json'],
        },
      ],
      remediation: { enabled: true, executor, dryRun, approvalTimeoutHours: 1 },
    },
    'test config',
  );
}

/** A tag-only drift on an S3 bucket (what revert-tags puts back), as the store keeps it. */
export function tagDrift(name: string): DriftRecord {
  const address = `aws_s3_bucket.${name}`;
  return {
    id: driftId(TARGET, { kind: 'changed', address, id: `arn:aws:s3:::${name}` }),
    target: TARGET,
    identity: address,
    kind: 'changed',
    provider: 'aws',
    type: 'aws_s3_bucket',
    address,
    resourceId: `arn:aws:s3:::${name}`,
    scope: 'aws:123456789012:eu-west-1',
    nativeType: 'AWS::S3::Bucket',
    category: 'TagChange',
    severity: 'high',
    changes: [
      { path: 'tags.env', desired: 'prod', actual: 'dev' },
      { path: 'tags.owner', desired: 'platform', actual: null },
    ],
    fingerprint: `fp-${name}`,
    status: 'active',
    firstDetectedAt: '2026-03-10T08:00:00.000Z',
    lastChangedAt: '2026-03-10T08:00:00.000Z',
    reopenCount: 0,
    recentReopens: [],
    flapping: false,
    lastScanId: 'scan-1',
    version: 1,
  };
}

/** The EventBridge event the remediation rule hands the state machine for a drift. */
export function driftDetectedEvent(r: DriftRecord): Json {
  const detail: DriftDetected = {
    eventId: `scan-1#${r.id}#opened`,
    at: r.firstDetectedAt,
    driftId: r.id,
    target: r.target,
    provider: r.provider,
    ...(r.scope ? { scope: r.scope } : {}),
    type: r.type,
    ...(r.nativeType ? { nativeType: r.nativeType } : {}),
    address: r.address,
    resourceId: r.resourceId,
    kind: r.kind,
    category: r.category,
    severity: r.severity,
    status: r.status,
    changedPaths: r.changes.map((c) => ({ path: c.path, sensitive: c.sensitive === true })),
    scanId: 'scan-1',
    reopened: false,
    reopenCount: 0,
    flapping: false,
  };
  return {
    version: '0',
    id: 'evt-1',
    'detail-type': 'DriftDetected',
    source: 'driftwatch',
    account: '123456789012',
    region: 'eu-west-1',
    time: r.firstDetectedAt,
    resources: [],
    detail,
  };
}

export interface RemediationHarness {
  dynamo: TestDynamo;
  store: DynamoDbDriftStore;
  approvals: DynamoDbApprovalStore;
  published: Published[];
  deps(config: DriftwatchConfig, now?: () => Date): RemediationDeps;
  /** Seeds a drift record as a scan would (version 1, one `opened` event). */
  seed(r: DriftRecord): Promise<void>;
  close(): Promise<void>;
}

/** dynalite in-process, EventBridge mocked (no emulator) recording every entry it accepted. */
export async function startRemediationHarness(): Promise<RemediationHarness> {
  const dynamo = await startDynalite();
  const store = await freshStore(dynamo);
  const approvals = new DynamoDbApprovalStore({ tableName: store.tableName, client: dynamo.client });
  const published: Published[] = [];
  const eb = mockClient(EventBridgeClient);
  eb.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
    for (const e of input.Entries)
      published.push({ detailType: e.DetailType ?? '', detail: JSON.parse(e.Detail ?? '{}') });
    return {
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${published.length}-${i}` })),
    };
  });
  const ebClient = new EventBridgeClient({
    region: 'eu-west-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  return {
    dynamo,
    store,
    approvals,
    published,
    deps: (config, now = () => new Date()) => ({
      config,
      store,
      approvals,
      blobs: undefined as never,
      events: new EventBridgePublisher({ eventBusName: 'driftwatch', client: ebClient }),
      hashKey: async () => 'test-hash-key',
      cwd: process.cwd(),
      env: {},
      logger: new Logger({ serviceName: 'driftwatch-test', logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'driftwatch-test' }),
      now,
    }),
    seed: async (r) => {
      await store.apply([
        {
          record: r,
          expectedVersion: 0,
          events: [
            {
              driftId: r.id,
              eventId: `${r.firstDetectedAt}#scan-1#opened`,
              type: 'opened',
              at: r.firstDetectedAt,
              scanId: 'scan-1',
              status: 'active',
              severity: r.severity,
              changes: r.changes,
            },
          ],
        },
      ]);
    },
    close: async () => {
      eb.restore();
      ebClient.destroy();
      await dynamo.close();
    },
  };
}

/** A Lambda context good enough for Powertools' injectLambdaContext. */
export function lambdaContext(functionName: string): Context {
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: 'req-1',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: 'stream',
    getRemainingTimeInMillis: () => 60_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
