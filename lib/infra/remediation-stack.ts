import { Duration, Stack, type StackProps } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
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
