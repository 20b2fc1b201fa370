import type { ResourceMapping } from '../../core/mapping/types.ts';
import { attr, awsScope } from './common.ts';

/**
 * Terraform types with no AWS Config item of their own: attachments, associations, aliases (Config
 * records no AWS::KMS::Alias), permissions. They are neither missing nor unmanaged; their effect
 * shows on the parent's item where Config records it (attached policies on the role).
 */
const ASSOCIATION_TYPES = [
  'aws_iam_role_policy_attachment',
  'aws_iam_policy_attachment',
  'aws_iam_user_policy_attachment',
  'aws_iam_group_policy_attachment',
  'aws_iam_user_group_membership',
  'aws_kms_alias',
  'aws_route_table_association',
  'aws_main_route_table_association',
  'aws_lambda_permission',
  'aws_sqs_queue_policy',
  'aws_sns_topic_policy',
  'aws_volume_attachment',
  'aws_network_interface_attachment',
  'aws_lb_target_group_attachment',
  'aws_s3_bucket_ownership_controls',
  'aws_s3_bucket_acl',
];

/** One mapping per association type: no identities, no attributes, no native type. */
export const awsAssociations: readonly ResourceMapping[] = ASSOCIATION_TYPES.map((type) => ({
  provider: 'aws',
  terraformTypes: [type],
  nativeTypes: [],
  role: 'association',
  identities: () => [],
  attributes: [],
  scope: (res) => awsScope(res) ?? (attr(res, 'region') ? `aws:*:${attr(res, 'region')}` : null),
}));
