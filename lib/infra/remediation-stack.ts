import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { AlertRouting } from './alert-routing.ts';
import { DriftwatchFunction } from './driftwatch-function.ts';
import { grantTableReadWrite } from './grants.ts';
import { acknowledgeInventoryRead, grantInventoryRead } from './inventory-grants.ts';
import { acknowledge } from './nag.ts';
import { type InfraConfig, type InfraOptions, severitiesFrom } from './props.ts';
import { RemediationStateMachine } from './remediation-state-machine.ts';
import { commonEnvironment, type SharedResources } from './scanner-stack.ts';

export interface RemediationStackProps extends StackProps {
  shared: SharedResources;
  config: InfraConfig;
  options: InfraOptions;
}

/** The `detail` filter of the DriftDetected rule: severities at or above the minimum, optional category/target. */
export function remediationDetailPattern(r: InfraConfig['remediation']): Record<string, string[]> {
  return {
    severity: severitiesFrom(r.minSeverity),
    ...(r.categories.length ? { category: r.categories } : {}),
    ...(r.targets.length ? { target: r.targets } : {}),
  };
}

/** Remediation Lambdas and state machine, the DriftDetected → remediation rule, and alert routing. */
export class RemediationStack extends Stack {
  readonly stateMachine: sfn.StateMachine;
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: RemediationStackProps) {
    super(scope, id, props);
    const { shared, config, options } = props;
    const fn = (name: string, entry: string, timeout = Duration.minutes(1)) =>
      new DriftwatchFunction(this, name, {
        name,
        entry,
        repoRoot: options.repoRoot,
        bundle: options.bundle,
        environment: commonEnvironment(shared, config),
        timeout,
      }).fn;
    const functions = {
      plan: fn('RemediationPlan', 'functions/remediation-plan/handler.ts'),
      approval: fn('RemediationApproval', 'functions/remediation-approval/handler.ts'),
      execute: fn('RemediationExecute', 'functions/remediation-execute/handler.ts', Duration.minutes(10)),
      verify: fn('RemediationVerify', 'functions/remediation-verify/handler.ts', Duration.minutes(5)),
      record: fn('RemediationRecord', 'functions/remediation-record/handler.ts'),
    };
    for (const f of Object.values(functions)) {
      grantTableReadWrite(f, shared.dataKeyArn);
      shared.hashKey.grantRead(f);
    }
    // Verify rescans the one resource: the same reads as a scan shard.
    grantInventoryRead(functions.verify, config);
    acknowledgeInventoryRead(this, config);
    // Approval publishes RemediationRequested, execute RemediationApproved, record the outcome events.
    for (const f of [functions.approval, functions.execute, functions.record]) shared.bus.grantPutEventsTo(f);

    grantExecutorWrites(this, functions.execute, config);

    this.stateMachine = new RemediationStateMachine(this, 'Remediation', {
      functions,
      approvalTimeoutHours: config.remediation.approvalTimeoutHours,
    }).stateMachine;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, [
      {
        id: 'AwsSolutions-SQS3',
        reason: 'This queue is the dead-letter queue of the driftwatch event rules.',
      },
    ]);

    new events.Rule(this, 'StartRemediation', {
      description: 'DriftDetected matching config.remediation starts the remediation workflow',
      eventBus: shared.bus,
      enabled: config.remediation.enabled,
      eventPattern: {
        source: ['driftwatch'],
        detailType: ['DriftDetected'],
        detail: remediationDetailPattern(config.remediation),
      },
      targets: [
        new eventTargets.SfnStateMachine(this.stateMachine, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      ],
    });

    new AlertRouting(this, 'Alerts', {
      bus: shared.bus,
      routes: config.severityRouting,
      deadLetterQueue: this.deadLetterQueue,
    });
  }
}

/**
 * Write permissions only for the executor the config enables, and only when it really acts
 * (dryRun false): a dry-run deployment can change nothing.
 */
function grantExecutorWrites(stack: Stack, fn: lambda.IFunction, config: InfraConfig): void {
  const { executor, dryRun, pipelineProject } = config.remediation;
  if (!config.remediation.enabled || dryRun !== false) return;
  if (executor === 'revert-tags') {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['tag:TagResources', 'tag:UntagResources', 'tag:GetResources'],
        resources: ['*'],
      }),
    );
    acknowledge(stack, [
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'The Resource Groups Tagging API has no resource-level permissions; the service tag actions it calls are granted per service by the member role.',
        appliesTo: ['Resource::*'],
      },
    ]);
  }
  if (executor === 'terraform-pipeline' && pipelineProject) {
    fn.addToRolePolicy(
      new iam.PolicyStatement({
        actions: ['codebuild:StartBuild'],
        resources: [
          stack.formatArn({ service: 'codebuild', resource: 'project', resourceName: pipelineProject }),
        ],
      }),
    );
    (fn as lambda.Function).addEnvironment('REMEDIATION_CODEBUILD_PROJECT', pipelineProject);
  }
}
