import { Duration } from 'aws-cdk-lib';
import * as events from 'aws-cdk-lib/aws-events';
import * as eventTargets from 'aws-cdk-lib/aws-events-targets';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { type InfraRoute, severitiesFrom } from './props.ts';

/** Without severityRouting in the config, high and critical drifts still alert the driftwatch topic. */
export const DEFAULT_ROUTE: InfraRoute = {
  minSeverity: 'high',
  categories: [],
  targets: [],
  destinations: [],
};

export interface AlertRoutingProps {
  bus: events.IEventBus;
  routes: InfraRoute[];
  deadLetterQueue: sqs.IQueue;
}

/**
 * The driftwatch alert topic (KMS-encrypted, TLS only) and one rule per severityRouting entry:
 * DriftDetected/DriftChanged at or above its severity → the topic and the route's own SNS topics.
 */
export class AlertRouting extends Construct {
  readonly topic: sns.Topic;
  readonly rules: events.Rule[] = [];

  constructor(scope: Construct, id: string, props: AlertRoutingProps) {
    super(scope, id);
    // A customer-managed key: EventBridge cannot publish to a topic under the AWS-managed aws/sns key.
    const key = new kms.Key(this, 'TopicKey', {
      description: 'driftwatch alert topic',
      enableKeyRotation: true,
    });
    key.grant(new iam.ServicePrincipal('events.amazonaws.com'), 'kms:Decrypt', 'kms:GenerateDataKey*');
    this.topic = new sns.Topic(this, 'Topic', {
      displayName: 'driftwatch alerts',
      masterKey: key,
      enforceSSL: true,
    });

    const routes = props.routes.length ? props.routes : [DEFAULT_ROUTE];
    routes.forEach((route, i) => {
      const rule = new events.Rule(this, `Route${i}`, {
        description: `drifts at or above ${route.minSeverity} → alert topics`,
        eventBus: props.bus,
        eventPattern: {
          source: ['driftwatch'],
          detailType: ['DriftDetected', 'DriftChanged'],
          detail: {
            severity: severitiesFrom(route.minSeverity),
            ...(route.categories.length ? { category: route.categories } : {}),
            ...(route.targets.length ? { target: route.targets } : {}),
          },
        },
      });
      // The driftwatch topic target also writes the DLQ's resource policy for this rule.
      rule.addTarget(
        new eventTargets.SnsTopic(this.topic, {
          deadLetterQueue: props.deadLetterQueue,
          retryAttempts: 3,
          maxEventAge: Duration.hours(2),
        }),
      );
      for (const arn of route.destinations.filter((d) => /^arn:aws[\w-]*:sns:/.test(d))) {
        rule.addTarget(new ExternalTopicTarget(arn, props.deadLetterQueue));
      }
      this.rules.push(rule);
    });
  }
}

/**
 * A topic from the config, owned elsewhere: targeted by ARN. It must be in this region and its
 * policy (and key policy, if encrypted) must let events.amazonaws.com publish; CDK cannot edit it.
 */
class ExternalTopicTarget implements events.IRuleTarget {
  constructor(
    private readonly arn: string,
    private readonly deadLetterQueue: sqs.IQueue,
  ) {}

  bind(): events.RuleTargetConfig {
    return {
      arn: this.arn,
      deadLetterConfig: { arn: this.deadLetterQueue.queueArn },
      retryPolicy: { maximumRetryAttempts: 3, maximumEventAgeInSeconds: 7200 },
    };
  }
}
