import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { attr, awsScope, conf, identitiesFrom, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

/** Log group ARNs appear with and without the trailing `:*` (DescribeLogGroups vs Terraform). */
function arnForms(arn: string | undefined): (string | undefined)[] {
  if (!arn) return [];
  const bare = arn.endsWith(':*') ? arn.slice(0, -2) : arn;
  return [bare, `${bare}:*`];
}

/**
 * aws_cloudwatch_log_group ↔ AWS::Logs::LogGroup (resourceId = log group name). Retention 0 in
 * Terraform means "never expire", which the API says by leaving retentionInDays out.
 */
export const awsCloudwatchLogGroup: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_cloudwatch_log_group'],
  nativeTypes: ['AWS::Logs::LogGroup'],
  identities: (res) => identitiesFrom(...arnForms(attr(res, 'arn')), attr(res, 'name'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    {
      path: 'retention_in_days',
      desired: (res) => Number(res.attributes.retention_in_days ?? 0) || 'never',
      actual: (live) => {
        const v = conf('retentionInDays', 'RetentionInDays')(live);
        return v === ABSENT ? ABSENT : Number(v ?? 0) || 'never';
      },
    },
    { path: 'kms_key_id', actual: conf('kmsKeyId', 'KmsKeyId'), normalize: [kmsKeyRef] },
  ],
};
