import { Duration, RemovalPolicy } from 'aws-cdk-lib';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import * as tasks from 'aws-cdk-lib/aws-stepfunctions-tasks';
import { Construct } from 'constructs';
import { functionVersionsFinding } from './driftwatch-function.ts';
import { LAMBDA_TRANSIENT_RETRY } from './lambda-retry.ts';
import { acknowledge } from './nag.ts';

export const REMEDIATION_STATE_MACHINE_NAME = 'driftwatch-remediation';

export interface RemediationFunctions {
  plan: lambda.IFunction;
  approval: lambda.IFunction;
  execute: lambda.IFunction;
  verify: lambda.IFunction;
  record: lambda.IFunction;
}

export interface RemediationStateMachineProps {
  functions: RemediationFunctions;
  approvalTimeoutHours: number;
}

/**
 * BuildPlan → RequestApproval (waitForTaskToken) → Execute → Verify → Record, with Rejected and
 * Expired ending in Succeed and Failed in Fail (docs/workflows.md). Record receives
 * `{ outcome: executed|rejected|expired|failed, remediation: <state> }`.
 */
export class RemediationStateMachine extends Construct {
  readonly stateMachine: sfn.StateMachine;

  constructor(scope: Construct, id: string, props: RemediationStateMachineProps) {
    super(scope, id);
    const f = props.functions;
    const invoke = (name: string, fn: lambda.IFunction, extra: Partial<tasks.LambdaInvokeProps> = {}) => {
      const task = new tasks.LambdaInvoke(this, name, {
        lambdaFunction: fn,
        payloadResponseOnly: true,
        retryOnServiceExceptions: false,
        ...extra,
      });
      task.addRetry(LAMBDA_TRANSIENT_RETRY);
      return task;
    };
    const record = (name: string, outcome: string) =>
      invoke(name, f.record, {
        payload: sfn.TaskInput.fromObject({ outcome, remediation: sfn.JsonPath.objectAt('$') }),
      });

    const rejected = record('Rejected', 'rejected').next(new sfn.Succeed(this, 'RejectedDone'));
    const expired = record('Expired', 'expired').next(new sfn.Succeed(this, 'ExpiredDone'));
    const failed = record('Failed', 'failed').next(
      new sfn.Fail(this, 'RemediationFailed', {
        error: 'RemediationFailed',
        cause: 'execute or verify failed',
      }),
    );

    const buildPlan = invoke('BuildPlan', f.plan, {
      payload: sfn.TaskInput.fromObject({ detail: sfn.JsonPath.objectAt('$.detail') }),
    });
    const timeout = Duration.hours(props.approvalTimeoutHours);
    const requestApproval = new tasks.LambdaInvoke(this, 'RequestApproval', {
      lambdaFunction: f.approval,
      integrationPattern: sfn.IntegrationPattern.WAIT_FOR_TASK_TOKEN,
      payload: sfn.TaskInput.fromObject({
        taskToken: sfn.JsonPath.taskToken,
        remediation: sfn.JsonPath.objectAt('$'),
      }),
      // Step Functions requires HeartbeatSeconds < TimeoutSeconds: the heartbeat fires a minute early.
      heartbeatTimeout: sfn.Timeout.duration(timeout.minus(Duration.minutes(1))),
      taskTimeout: sfn.Timeout.duration(timeout),
      resultPath: '$.approval',
      retryOnServiceExceptions: false,
    });
    requestApproval.addRetry(LAMBDA_TRANSIENT_RETRY);
    requestApproval.addCatch(rejected, { errors: ['Rejected'], resultPath: '$.error' });
    requestApproval.addCatch(expired, {
      errors: ['States.Timeout', 'States.HeartbeatTimeout'],
      resultPath: '$.error',
    });
    requestApproval.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });

    const execute = invoke('Execute', f.execute);
    execute.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
    const verify = invoke('Verify', f.verify);
    verify.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });
    const recordExecuted = record('Record', 'executed');
    buildPlan.addCatch(failed, { errors: ['States.ALL'], resultPath: '$.error' });

    const logGroup = new logs.LogGroup(this, 'Logs', {
      logGroupName: `/aws/vendedlogs/states/${REMEDIATION_STATE_MACHINE_NAME}`,
      retention: logs.RetentionDays.ONE_YEAR,
      removalPolicy: RemovalPolicy.DESTROY,
    });
    this.stateMachine = new sfn.StateMachine(this, 'StateMachine', {
      stateMachineName: REMEDIATION_STATE_MACHINE_NAME,
      stateMachineType: sfn.StateMachineType.STANDARD,
      definitionBody: sfn.DefinitionBody.fromChainable(
        buildPlan.next(requestApproval).next(execute).next(verify).next(recordExecuted),
      ),
      tracingEnabled: true,
      // The task token and plan diff travel in the execution data; they never reach the logs.
      logs: { destination: logGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
    });
    acknowledge(this, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Tasks may invoke any version of the five remediation functions; X-Ray and CloudWatch Logs delivery APIs take no resource ARN.',
        appliesTo: [...Object.values(f).map(functionVersionsFinding), 'Resource::*'],
      },
    ]);
  }
}
