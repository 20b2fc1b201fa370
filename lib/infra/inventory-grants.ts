import { Aws, type Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { acknowledge } from './nag.ts';
import type { InfraConfig } from './props.ts';

/** Member-account roles, Config and Cloud Control reads in this account, configured state buckets. */
export function grantInventoryRead(fn: iam.IGrantable, config: InfraConfig): void {
  if (config.memberRoleArns.length > 0) {
    fn.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({ actions: ['sts:AssumeRole'], resources: config.memberRoleArns }),
    );
  }
  fn.grantPrincipal.addToPrincipalPolicy(
    new iam.PolicyStatement({
      actions: [
        'config:SelectResourceConfig',
        'config:SelectAggregateResourceConfig',
        'config:BatchGetResourceConfig',
        'config:BatchGetAggregateResourceConfig',
        'config:ListDiscoveredResources',
        'config:DescribeConfigurationRecorders',
        'cloudformation:ListResources',
        'cloudformation:GetResource',
      ],
      resources: ['*'],
    }),
  );
  if (config.stateBuckets.length > 0) {
    fn.grantPrincipal.addToPrincipalPolicy(
      new iam.PolicyStatement({
        actions: ['s3:GetObject', 's3:ListBucket'],
        resources: config.stateBuckets.flatMap((b) => [
          `arn:${Aws.PARTITION}:s3:::${b}`,
          `arn:${Aws.PARTITION}:s3:::${b}/*`,
        ]),
      }),
    );
  }
}

/** cdk-nag acknowledgements for grantInventoryRead in a stack. */
export function acknowledgeInventoryRead(stack: Stack, config: InfraConfig): void {
  acknowledge(stack, [
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'Inventory reads assume the configured member role by name in any listed account (accounts are data, not deploy-time constants).',
      appliesTo: config.memberRoleArns.map((a) => `Resource::${a}`),
    },
    {
      id: 'AwsSolutions-IAM5',
      reason: 'Terraform state objects of the configured state buckets only.',
      appliesTo: config.stateBuckets.map((b) => `Resource::arn:<AWS::Partition>:s3:::${b}/*`),
    },
    {
      id: 'AwsSolutions-IAM5',
      reason:
        'AWS Config Select/BatchGet/List and Cloud Control ListResources/GetResource have no resource-level permissions; X-Ray neither.',
      appliesTo: ['Resource::*'],
    },
  ]);
}
