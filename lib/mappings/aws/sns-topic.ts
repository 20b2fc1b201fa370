import type { ResourceMapping } from '../../core/mapping/types.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, tagsRule } from './common.ts';

/** aws_sns_topic ↔ AWS::SNS::Topic (resourceId = topic ARN = Terraform id); attributes by SNS name. */
export const awsSnsTopic: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_sns_topic'],
  nativeTypes: ['AWS::SNS::Topic'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'kms_master_key_id', actual: conf('KmsMasterKeyId') },
    { path: 'display_name', actual: conf('DisplayName') },
    { path: 'fifo_topic', actual: confIfRecorded('FifoTopic') },
    { path: 'policy', actual: confIfRecorded('Policy'), normalize: [iamPolicyDocument] },
  ],
};
