import type { ResourceMapping } from '../../core/mapping/types.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, suppValue, tagsRule } from './common.ts';

/**
 * aws_kms_key ↔ AWS::KMS::Key (resourceId = key id). Rotation is in the KeyRotationStatus
 * supplement; Config does not record the key policy.
 */
export const awsKmsKey: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_kms_key'],
  nativeTypes: ['AWS::KMS::Key'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), attr(res, 'key_id'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'description', actual: conf('description') },
    { path: 'key_usage', actual: conf('keyUsage') },
    { path: 'customer_master_key_spec', actual: conf('customerMasterKeySpec', 'keySpec') },
    { path: 'is_enabled', actual: conf('enabled') },
    { path: 'multi_region', actual: confIfRecorded('multiRegion') },
    {
      path: 'enable_key_rotation',
      actual: suppValue('KeyRotationStatus'),
    },
  ],
};
