import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import type { Context } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import type { ScanDeps } from '../../../functions/shared/deps.ts';
import { createS3Client, S3JsonStore } from '../../../lib/adapters/blobs/s3/index.ts';
import { EventBridgePublisher } from '../../../lib/adapters/events/eventbridge/index.ts';
import type { DynamoDbDriftStore } from '../../../lib/adapters/store/dynamodb/index.ts';
import { type DriftwatchConfig, parseConfig } from '../../../lib/core/config/index.ts';
import { freshStore, startDynalite, type TestDynamo } from '../../helpers/dynalite.ts';
import { type RunningS3, startS3rver } from '../../helpers/emulators.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'SILENT';

export const BUCKET = 'driftwatch-workflow';
export const HASH_KEY = 'test-hash-key-0123456789abcdef';
/** Plain secrets inside the example states: no event, report or record may ever contain them. */
export const EXAMPLE_SECRETS = [
  'Sup3r-S3cret-DB-Passw0rd!',
  's3cr3t-Pa55w0rd-do-not-print',
  'rotated-by-hand-Pa55w0rd',
  'FAKE-s3cr3t-Db-Pa55-not-real-0001',
];

/** The four bundled examples as export-file targets (one shard each), drifted or fixed live side. */
export function exampleConfig(phase: 'drifted' | 'fixed', only?: string[]): DriftwatchConfig {
  const inv = (f: string) => (phase === 'fixed' ? f.replace(/\.json$/, '-fixed.json') : f);
  const targets = [
    {
      name: 'example-aws',
      provider: 'aws',
      state: ['examples/aws/terraform.tfstate'],
      inventory: [inv('examples/aws/config-snapshot.json')],
    },
    {
      name: 'example-azure',
      provider: 'azure',
      state: ['examples/azure/terraform.tfstate'],
      inventory: [inv('examples/azure/resource-graph.json')],
    },
    {
      name: 'example-gcp',
      provider: 'gcp',
      state: ['examples/gcp/terraform.tfstate'],
      inventory: [inv('examples/gcp/cloud-asset.json')],
    },
    {
      name: 'example-kubernetes',
      provider: 'kubernetes',
      state: ['examples/kubernetes/terraform.tfstate'],
      manifests: ['examples/kubernetes/manifests'],
      inventory: [inv('examples/kubernetes/cluster.json')],
    },
  ].filter((t) => !only || only.includes(t.name));
  return parseConfig({ version: 1, targets }, 'test config');
}

/** A published entry, its detail parsed. */
export interface Published {
  detailType: string;
  source: string;
  bus: string;
  detail: Record<string, unknown> & { eventId: string };
}

export interface WorkflowHarness {
  dynamo: TestDynamo;
  s3: RunningS3;
  store: DynamoDbDriftStore;
  blobs: S3JsonStore;
  /** Every entry EventBridge accepted, in order. */
  published: Published[];
  /** Handler dependencies on these emulators for a config (one clock per call). */
  deps(config: DriftwatchConfig, now?: () => Date): ScanDeps;
  close(): Promise<void>;
}

/** dynalite + s3rver in-process, EventBridge mocked (no emulator exists) recording what it accepted. */
export async function startWorkflowHarness(): Promise<WorkflowHarness> {
  const [dynamo, s3] = await Promise.all([startDynalite(), startS3rver([BUCKET])]);
  const store = await freshStore(dynamo);
  const blobs = new S3JsonStore({
    bucket: BUCKET,
    client: createS3Client({ AWS_ENDPOINT_URL_S3: s3.endpoint }),
  });
  const published: Published[] = [];
  const eb = mockClient(EventBridgeClient);
  eb.on(PutEventsCommand).callsFake((input: { Entries: PutEventsRequestEntry[] }) => {
    for (const e of input.Entries)
      published.push({
        detailType: e.DetailType ?? '',
        source: e.Source ?? '',
        bus: e.EventBusName ?? '',
        detail: JSON.parse(e.Detail ?? '{}'),
      });
    return {
      FailedEntryCount: 0,
      Entries: input.Entries.map((_, i) => ({ EventId: `e-${published.length}-${i}` })),
    };
  });
  const ebClient = new EventBridgeClient({
    region: 'us-east-1',
    credentials: { accessKeyId: 'x', secretAccessKey: 'y' },
  });
  return {
    dynamo,
    s3,
    store,
    blobs,
    published,
    deps: (config, now = () => new Date()) => ({
      config,
      store,
      blobs,
      events: new EventBridgePublisher({ eventBusName: 'driftwatch', client: ebClient }),
      hashKey: async () => HASH_KEY,
      cwd: process.cwd(),
      env: {},
      logger: new Logger({ serviceName: 'driftwatch-test', logLevel: 'SILENT' }),
      metrics: new Metrics({ namespace: 'driftwatch', serviceName: 'driftwatch-test' }),
      now,
    }),
    close: async () => {
      eb.restore();
      ebClient.destroy();
      blobs.client.destroy();
      await Promise.all([dynamo.close(), s3.close()]);
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
