import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import type * as events from 'aws-cdk-lib/aws-events';
import type * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { DriftwatchFunction } from './driftwatch-function.ts';
import { grantScanObjects, grantTableReadWrite } from './grants.ts';
import { acknowledgeInventoryRead, grantInventoryRead } from './inventory-grants.ts';
import { acknowledge } from './nag.ts';
import { EVENT_BUS_NAME, scanBucketName, TABLE_NAME } from './names.ts';
import type { InfraConfig, InfraOptions } from './props.ts';
import { ScanSchedules } from './scan-schedules.ts';
import {
  finalizeDefine,
  SHARD_PROVIDERS,
  shardBackendsFromConfig,
  shardDefine,
  shardFunctionName,
} from './scan-shard-bundles.ts';
import { ScanStateMachine, type ShardFunction } from './scan-state-machine.ts';

/** The stateful resources every workload stack reads and writes. */
export interface SharedResources {
  /** ARN of the customer-managed key of table and bucket (explicit KMS grants use it). */
  dataKeyArn: string;
  bus: events.IEventBus;
  hashKey: secretsmanager.ISecret;
}

export interface ScannerStackProps extends StackProps {
  shared: SharedResources;
  config: InfraConfig;
  options: InfraOptions;
}

/** The common Lambda environment of docs/workflows.md. */
export function commonEnvironment(shared: SharedResources, config: InfraConfig): Record<string, string> {
  return {
    TABLE_NAME,
    BUCKET_NAME: scanBucketName(),
    EVENT_BUS_NAME,
    HASH_KEY_SECRET_ARN: shared.hashKey.secretArn,
    DRIFTWATCH_CONFIG: config.configJson,
  };
}

/** Scan Lambdas, the scan state machine and one schedule per target. */
export class ScannerStack extends Stack {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ScannerStackProps) {
    super(scope, id, props);
    const { shared, config, options } = props;
    const fn = (
      name: string,
      entry: string,
      extra: { memorySize: number; timeout: Duration; reserved?: number; define?: Record<string, string> },
    ) =>
      new DriftwatchFunction(this, name, {
        name,
        entry,
        repoRoot: options.repoRoot,
        bundle: options.bundle,
        environment: commonEnvironment(shared, config),
        memorySize: extra.memorySize,
        timeout: extra.timeout,
        ...(extra.reserved ? { reservedConcurrentExecutions: extra.reserved } : {}),
        ...(extra.define ? { define: extra.define } : {}),
      }).fn;

    const plan = fn('ScanPlan', 'functions/scan-plan/handler.ts', {
      memorySize: 512,
      timeout: Duration.minutes(5),
    });
    // One ScanShard function per provider the config scans, each bundling only that provider's
    // inventory adapter and the state backends its targets name (docs/workflows.md, bundle sizes).
    // Reserved concurrency caps what one scan (or a few overlapping ones) can take from the account
    // pool; throttled shards are retried by the state machine (Lambda.TooManyRequestsException).
    const backends = shardBackendsFromConfig(config.configJson);
    const providers = SHARD_PROVIDERS.filter((p) => backends.has(p));
    const shards: ShardFunction[] = (providers.length > 0 ? providers : SHARD_PROVIDERS).map((provider) => ({
      provider,
      fn: fn(shardFunctionName(provider), 'functions/scan-shard/handler.ts', {
        memorySize: 1024,
        timeout: Duration.minutes(15),
        reserved: options.shardReservedConcurrency,
        define: shardDefine(provider, backends.get(provider)),
      }),
    }));
    const finalize = fn('ScanFinalize', 'functions/scan-finalize/handler.ts', {
      memorySize: 1024,
      timeout: Duration.minutes(15),
      // Finalize reloads every target's desired state (resolution facts): all configured backends.
      define: finalizeDefine([...backends.values()].flatMap((b) => [...b])),
    });

    // Plan: expands targets and writes the manifest, puts the scan record.
    grantTableReadWrite(plan, shared.dataKeyArn);
    grantScanObjects(plan, 'manifests', 'readwrite', shared.dataKeyArn);
    // Shard: reads state + inventory, writes its report; never the table.
    for (const { fn: shard } of shards) {
      grantScanObjects(shard, 'reports', 'write', shared.dataKeyArn);
      shared.hashKey.grantRead(shard);
      grantInventoryRead(shard, config);
    }
    acknowledgeInventoryRead(this, config);
    // Finalize (and ScanFailed): merges reports, records the scan, publishes events.
    grantTableReadWrite(finalize, shared.dataKeyArn);
    grantScanObjects(finalize, 'reports', 'read', shared.dataKeyArn);
    grantScanObjects(finalize, 'manifests', 'read', shared.dataKeyArn);
    // The event outbox (events/<scanId>/) makes a re-run Finalize publish nothing twice.
    grantScanObjects(finalize, 'events', 'readwrite', shared.dataKeyArn);
    shared.bus.grantPutEventsTo(finalize);
    shared.hashKey.grantRead(finalize);

    this.stateMachine = new ScanStateMachine(this, 'Scan', {
      plan,
      shards,
      finalize,
      dataKeyArn: shared.dataKeyArn,
      maxConcurrency: config.scan.maxConcurrency,
      toleratedFailurePercentage: config.scan.toleratedFailurePercentage,
    }).stateMachine;

    new ScanSchedules(this, 'Schedules', {
      stateMachine: this.stateMachine,
      targets: config.targets,
      defaultSchedule: config.defaultSchedule,
    });
    suppressScannerNag(this);
  }
}

function suppressScannerNag(stack: Stack): void {
  const bucket = 'arn:<AWS::Partition>:s3:::driftwatch-scans-<AWS::AccountId>-<AWS::Region>';
  acknowledge(stack, [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Scan functions read/write objects under one prefix of the scan bucket only (manifests/, reports/ or events/).',
      appliesTo: ['manifests', 'reports', 'events'].map((p) => `Resource::${bucket}/${p}/*`),
    },
  ]);
}
