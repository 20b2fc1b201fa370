import { type CfnElement, RemovalPolicy, Stack } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { functionVersionsFinding } from './driftwatch-function.ts';
import { grantScanObjects } from './grants.ts';
import { LAMBDA_TRANSIENT_RETRY } from './lambda-retry.ts';
import { acknowledge, nagPseudo } from './nag.ts';
import { shardFunctionName } from './scan-shard-bundles.ts';

export const SCAN_STATE_MACHINE_NAME = 'driftwatch-scan';

/** The ScanShard function of one provider (the manifest line's `provider`). */
export interface ShardFunction {
  provider: string;
  fn: lambda.IFunction;
}

export interface ScanStateMachineProps {
  plan: lambda.IFunction;
  /** One per provider; the ItemProcessor routes each shard by `$.shard.provider`. */
  shards: ShardFunction[];
  finalize: lambda.IFunction;
  dataKeyArn: string;
  maxConcurrency: number;
  toleratedFailurePercentage: number;
}

/** Lambda task whose Resource is the function ARN itself (payload in, payload out), retries per contract. */
function invoke(
  scope: Construct,
  id: string,
  fn: lambda.IFunction,
  extra: Partial<tasks.LambdaInvokeProps> = {},
) {
  const task = new tasks.LambdaInvoke(scope, id, {
    lambdaFunction: fn,
    payloadResponseOnly: true,
    retryOnServiceExceptions: false,
    ...extra,
  });
  task.addRetry(LAMBDA_TRANSIENT_RETRY);
  return task;
}

/**
 * The scan workflow of docs/workflows.md: Plan → Distributed Map over the JSONL shard manifest →
 * Finalize, and ScanFailed → Fail when Plan, the Map or Finalize fails.
 */
export class ScanStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: ScanStateMachineProps) {
    super(scope, id);

    const scanFailed = invoke(this, 'ScanFailed', props.finalize, {
      payload: sfn.TaskInput.fromObject({
        scanId: sfn.JsonPath.stringAt('$.scanId'),
        failed: true,
        error: sfn.JsonPath.objectAt('$.error'),
      }),
    }).next(new sfn.Fail(this, 'Failed', { error: 'ScanFailed', cause: 'plan, shards or finalize failed' }));

    // Plan may fail before it chose a scan id: the execution name stands in (POST /scans uses the scan id as name).
    const planFailed = new sfn.Pass(this, 'PlanFailed', {
      parameters: { 'scanId.$': '$$.Execution.Name', 'error.$': '$.error' },
    }).next(scanFailed);

    const plan = invoke(this, 'Plan', props.plan);
    plan.addCatch(planFailed, { errors: ['States.ALL'], resultPath: '$.error' });

    const shardFailed = new sfn.Pass(this, 'ShardFailed', {
      parameters: {
        'shardId.$': '$.shard.shardId',
        'target.$': '$.shard.target',
        status: 'failed',
        'error.$': '$.error',
      },
    });
    // A shard of a provider with no function (the config changed after deploy) fails that shard only.
    const noFunction = new sfn.Pass(this, 'NoShardFunction', {
      result: sfn.Result.fromObject({
        Error: 'NoShardFunction',
        Cause: 'no ScanShard function for this provider: deploy again with the current config',
      }),
      resultPath: '$.error',
    }).next(shardFailed);
    const route = new sfn.Choice(this, 'ShardProvider');
    for (const { provider, fn } of props.shards) {
      const task = invoke(this, shardFunctionName(provider), fn, { inputPath: '$.shard' });
      // A failed shard becomes an incomplete scope in Finalize, never a failed Map.
      task.addCatch(shardFailed, { errors: ['States.ALL'], resultPath: '$.error' });
      route.when(sfn.Condition.stringEquals('$.shard.provider', provider), task);
    }
    route.otherwise(noFunction);

    const shards = new sfn.DistributedMap(this, 'Shards', {
      itemReader: new sfn.S3JsonLItemReader({
        bucketNamePath: sfn.JsonPath.stringAt('$.manifest.bucket'),
        key: sfn.JsonPath.stringAt('$.manifest.key'),
      }),
      itemSelector: { 'shard.$': '$$.Map.Item.Value' },
      maxConcurrency: props.maxConcurrency,
      toleratedFailurePercentage: props.toleratedFailurePercentage,
      mapExecutionType: sfn.StateMachineType.STANDARD,
      resultPath: '$.shards',
    });
    // Mode DISTRIBUTED and ExecutionType (from mapExecutionType) are rendered by DistributedMap itself.
    shards.itemProcessor(route);
    shards.addCatch(scanFailed, { errors: ['States.ALL'], resultPath: '$.error' });

    const finalize = invoke(this, 'Finalize', props.finalize, {
      payload: sfn.TaskInput.fromObject({
        scanId: sfn.JsonPath.stringAt('$.scanId'),
        targets: sfn.JsonPath.listAt('$.targets'),
        startedAt: sfn.JsonPath.stringAt('$.startedAt'),
        manifest: sfn.JsonPath.objectAt('$.manifest'),
        shards: sfn.JsonPath.listAt('$.shards'),
      }),
    });
    finalize.addCatch(scanFailed, { errors: ['States.ALL'], resultPath: '$.error' });

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${SCAN_STATE_MACHINE_NAME}`,
      retention: logs.RetentionDays.THREE_MONTHS,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: SCAN_STATE_MACHINE_NAME,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(plan.next(shards).next(finalize)),
      tracingEnabled: true,
      // Execution data stays out of the logs: inputs and outputs can carry target names and errors only
      // on purpose, but the log group is readable more widely than the state machine.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    // ItemReader reads the manifest by a path from Plan's output, so CDK cannot derive the grant.
    grantScanObjects(this.stateMachine, 'manifests', 'read', props.dataKeyArn);
    const machineId = Stack.of(this).getLogicalId(this.stateMachine.node.defaultChild as CfnElement);
    const { partition, region, account } = nagPseudo(Stack.of(this));
    const executions = `arn:${partition}:states:${region}:${account}:execution:{"Fn::Select":[6,{"Fn::Split":[":",{"Ref":"${machineId}"}]}]}`;
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Tasks may invoke any version of the scan functions (plan, one shard function per provider, finalize); the Map starts, describes and stops child executions of this state machine only; X-Ray and CloudWatch Logs delivery APIs take no resource ARN.',
        appliesTo: [
          ...[props.plan, ...props.shards.map((s) => s.fn), props.finalize].map(functionVersionsFinding),
          `Resource::${executions}:*`,
          `Resource::${executions}/*:*`,
          'Resource::*',
          `Resource::arn:<AWS::Partition>:s3:::driftwatch-scans-<AWS::AccountId>-<AWS::Region>/manifests/*`,
        ],
      },
    ]);
  }
}
