import { Duration } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as scheduler from 'aws-cdk-lib/aws-scheduler';
import * as targets from 'aws-cdk-lib/aws-scheduler-targets';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface ScanSchedulesProps {
  stateMachine: sfn.IStateMachine;
  targets: { name: string; schedule?: string }[];
  defaultSchedule: string;
}

/** Scheduler may start a scan anywhere inside this window: spreads many targets' scans apart. */
export const SCHEDULE_WINDOW_MINUTES = 15;

/**
 * One EventBridge Scheduler schedule per target (target.schedule ?? defaultSchedule) starting the
 * scan state machine with `{ target, trigger: "schedule" }`; undeliverable starts go to a DLQ.
 */
export class ScanSchedules extends Construct {
  readonly deadLetterQueue: sqs.Queue;
  readonly role: iam.Role;

  constructor(scope: Construct, id: string, props: ScanSchedulesProps) {
    super(scope, id);
    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetters', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
    });
    acknowledge(this.deadLetterQueue, [
      { id: 'AwsSolutions-SQS3', reason: 'This queue is the dead-letter queue of the scan schedules.' },
    ]);
    // One role for every schedule, allowed exactly states:StartExecution on the scan machine.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('scheduler.amazonaws.com'),
      description: 'driftwatch scan schedules: start the scan state machine',
    });
    for (const t of props.targets) {
      new scheduler.Schedule(this, `Scan-${t.name}`, {
        description: `driftwatch scan of target ${t.name}`,
        schedule: scheduler.ScheduleExpression.expression(t.schedule ?? props.defaultSchedule),
        timeWindow: scheduler.TimeWindow.flexible(Duration.minutes(SCHEDULE_WINDOW_MINUTES)),
        target: new targets.StepFunctionsStartExecution(props.stateMachine, {
          role: this.role,
          input: scheduler.ScheduleTargetInput.fromObject({ target: t.name, trigger: 'schedule' }),
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(1),
        }),
      });
    }
  }
}
