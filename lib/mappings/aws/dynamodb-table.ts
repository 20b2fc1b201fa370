import { getPath, isPlainObject } from '../../core/diff/path.ts';
import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { boolFromEnabledNormalizer } from '../../core/normalize/aws/bool-from-enabled.ts';
import { attr, awsScope, conf, confIfRecorded, identitiesFrom, suppAt, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

function keyOf(type: 'HASH' | 'RANGE'): AttributeRule['actual'] {
  return (live) => {
    const schema = conf('keySchema')(live);
    if (schema === ABSENT) return ABSENT;
    const k = (Array.isArray(schema) ? schema : []).find((e) => isPlainObject(e) && e.keyType === type);
    return isPlainObject(k) ? k.attributeName : null;
  };
}

/** A live value with the default DescribeTable leaves out (BillingModeSummary, StreamSpecification). */
function withDefault(fallback: unknown, ...paths: string[]): AttributeRule['actual'] {
  return (live) => {
    const v = conf(...paths)(live);
    return v === ABSENT ? ABSENT : (v ?? fallback);
  };
}

/**
 * aws_dynamodb_table ↔ AWS::DynamoDB::Table (resourceId = table name). Config spells the SSE
 * description `ssedescription` (older items `sSEDescription`); point-in-time recovery is in the
 * ContinuousBackupsDescription supplement. TTL is not recorded by Config.
 */
export const awsDynamodbTable: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_dynamodb_table'],
  nativeTypes: ['AWS::DynamoDB::Table'],
  identities: (res) => identitiesFrom(attr(res, 'arn'), attr(res, 'name'), res.id),
  scope: (res) => awsScope(res),
  attributes: [
    tagsRule,
    { path: 'billing_mode', actual: withDefault('PROVISIONED', 'billingModeSummary.billingMode') },
    { path: 'read_capacity', actual: conf('provisionedThroughput.readCapacityUnits') },
    { path: 'write_capacity', actual: conf('provisionedThroughput.writeCapacityUnits') },
    { path: 'hash_key', actual: keyOf('HASH') },
    { path: 'range_key', actual: keyOf('RANGE') },
    { path: 'stream_enabled', actual: withDefault(false, 'streamSpecification.streamEnabled') },
    { path: 'stream_view_type', actual: conf('streamSpecification.streamViewType') },
    { path: 'table_class', actual: withDefault('STANDARD', 'tableClassSummary.tableClass') },
    { path: 'deletion_protection_enabled', actual: confIfRecorded('deletionProtectionEnabled') },
    {
      path: 'point_in_time_recovery.0.enabled',
      actual: suppAt(
        'ContinuousBackupsDescription',
        'pointInTimeRecoveryDescription.pointInTimeRecoveryStatus',
      ),
      normalize: [boolFromEnabledNormalizer],
    },
    {
      // enabled=false in Terraform = AWS-owned key = no SSE description at all.
      path: 'server_side_encryption.0.enabled',
      desired: (res) =>
        res.attributes.server_side_encryption === undefined
          ? undefined
          : (getPath(res.attributes, 'server_side_encryption.0.enabled') ?? false),
      actual: withDefault(false, 'ssedescription.status', 'sSEDescription.status'),
      normalize: [boolFromEnabledNormalizer],
    },
    {
      path: 'server_side_encryption.0.kms_key_arn',
      actual: conf(
        'ssedescription.kmsmasterKeyArn',
        'sSEDescription.kMSMasterKeyArn',
        'sSEDescription.kmsMasterKeyArn',
      ),
      normalize: [kmsKeyRef],
    },
  ],
};
