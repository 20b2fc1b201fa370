import { CfnParameter, Stack, type StackProps } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import type { Construct } from 'constructs';
import { acknowledge } from './nag.ts';

export interface MemberAccountStackProps extends StackProps {
  /** Roles to create (same name in every member account, as the scanner's assumeRole.roleName). */
  roles: { roleName: string; externalId?: string }[];
  /** The scanner account, as the ScannerAccountId parameter default (a StackSet may override it). */
  scannerAccount?: string;
  /** s3:// state buckets the role may read. */
  stateBuckets: string[];
}

/**
 * The read-only role the scanner assumes in each member account. Environment-agnostic, no assets
 * and no lookups, so the synthesized template deploys as a StackSet; accounts and the ExternalId
 * arrive as parameters.
 */
export class MemberAccountStack extends Stack {
  readonly roles: iam.Role[] = [];

  constructor(scope: Construct, id: string, props: MemberAccountStackProps) {
    super(scope, id, props);
    const scannerAccount = new CfnParameter(this, 'ScannerAccountId', {
      type: 'String',
      description: 'AWS account the driftwatch scanner runs in',
      allowedPattern: '^\\d{12}$',
      ...(props.scannerAccount ? { default: props.scannerAccount } : {}),
    });
    props.roles.forEach((r, i) => {
      const externalId = new CfnParameter(this, i === 0 ? 'ExternalId' : `ExternalId${i}`, {
        type: 'String',
        description: `sts:ExternalId the scanner presents when assuming ${r.roleName}`,
        minLength: 2,
        ...(r.externalId ? { default: r.externalId } : {}),
      });
      this.roles.push(this.readRole(`Role${i}`, r.roleName, scannerAccount, externalId, props.stateBuckets));
    });
  }

  private readRole(
    id: string,
    roleName: string,
    scannerAccount: CfnParameter,
    externalId: CfnParameter,
    stateBuckets: string[],
  ): iam.Role {
    const role = new iam.Role(this, id, {
      roleName,
      description: 'driftwatch scanner: read-only inventory and Terraform state',
      assumedBy: new iam.AccountPrincipal(scannerAccount.valueAsString).withConditions({
        StringEquals: { 'sts:ExternalId': externalId.valueAsString },
      }),
      // Metadata reads of every service Cloud Control lists, without data reads (ReadOnlyAccess
      // would add s3:GetObject, dynamodb:GetItem and the like on everything).
      managedPolicies: [iam.ManagedPolicy.fromAwsManagedPolicyName('SecurityAudit')],
    });
    role.addToPolicy(
      new iam.PolicyStatement({
        sid: 'ConfigAndCloudControlRead',
        actions: [
          'config:Select*',
          'config:Describe*',
          'config:BatchGet*',
          'config:List*',
          'cloudformation:ListResources',
          'cloudformation:GetResource',
        ],
        resources: ['*'],
      }),
    );
    if (stateBuckets.length) {
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TerraformStateRead',
          actions: ['s3:GetObject', 's3:ListBucket'],
          resources: stateBuckets.flatMap((b) => [
            `arn:${this.partition}:s3:::${b}`,
            `arn:${this.partition}:s3:::${b}/*`,
          ]),
        }),
      );
      role.addToPolicy(
        new iam.PolicyStatement({
          sid: 'TerraformStateDecrypt',
          actions: ['kms:Decrypt'],
          resources: ['*'],
          conditions: { StringLike: { 'kms:ViaService': `s3.*.${this.urlSuffix}` } },
        }),
      );
    }
    acknowledge(role, [
      {
        id: 'AwsSolutions-IAM4',
        reason:
          'SecurityAudit grants metadata reads (Describe/List/Get configuration) across services, which Cloud Control GetResource/ListResources need per type; it grants no data reads.',
        appliesTo: ['Policy::arn:<AWS::Partition>:iam::aws:policy/SecurityAudit'],
      },
      {
        id: 'AwsSolutions-IAM5',
        reason:
          'Config Select/Describe/BatchGet/List and Cloud Control reads have no resource-level permissions; state objects are limited to the configured buckets; kms:Decrypt only via S3.',
        appliesTo: [
          'Action::config:Select*',
          'Action::config:Describe*',
          'Action::config:BatchGet*',
          'Action::config:List*',
          'Resource::*',
          ...stateBuckets.map((b) => `Resource::arn:<AWS::Partition>:s3:::${b}/*`),
        ],
      },
    ]);
    return role;
  }
}
