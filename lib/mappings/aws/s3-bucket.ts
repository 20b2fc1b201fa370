import type { ResourceMapping } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { boolFromEnabledNormalizer } from '../../core/normalize/aws/bool-from-enabled.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { attr, identitiesFrom, supp, suppAt, tagsRule } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';

/** Bucket identities: Config's ARN (`arn:aws:s3:::name`) and resourceId/resourceName (the name). */
export function bucketIdentities(name: string | undefined, arn?: string): string[] {
  return identitiesFrom(arn, name ? `arn:aws:s3:::${name}` : undefined, name);
}

/** Provider v4+ states carry a top-level `object_lock_enabled`; v3 states do not. */
export function isV3Bucket(attributes: Record<string, unknown>): boolean {
  return !('object_lock_enabled' in attributes);
}

const SSE_DEFAULT = 'server_side_encryption_configuration.0.rule.0.apply_server_side_encryption_by_default.0';

/**
 * aws_s3_bucket. With provider v3 the inline blocks (versioning, SSE, policy) are the desired
 * configuration. From v4 they are computed copies refreshed from AWS, possibly older than the
 * standalone aws_s3_bucket_* resources that now own the fact: only versioning that the state says is
 * on is compared, the rest is left to the facets.
 */
export const awsS3Bucket: ResourceMapping = {
  provider: 'aws',
  terraformTypes: ['aws_s3_bucket'],
  nativeTypes: ['AWS::S3::Bucket'],
  identities: (res) => bucketIdentities(attr(res, 'bucket') ?? res.id ?? undefined, attr(res, 'arn')),
  scope: (res) => `aws:*:${attr(res, 'region') ?? '*'}`,
  attributes: [
    tagsRule,
    {
      path: 'versioning.0.enabled',
      desired: (res) => {
        const v = res.attributes.versioning;
        const enabled = Array.isArray(v) ? (v[0] as { enabled?: unknown } | undefined)?.enabled : undefined;
        return isV3Bucket(res.attributes) || enabled === true ? enabled : undefined;
      },
      actual: suppAt('BucketVersioningConfiguration', 'status'),
      normalize: [boolFromEnabledNormalizer],
    },
    {
      path: `${SSE_DEFAULT}.sse_algorithm`,
      desired: (res) => (isV3Bucket(res.attributes) ? attr(res, `${SSE_DEFAULT}.sse_algorithm`) : undefined),
      actual: suppAt(
        'ServerSideEncryptionConfiguration',
        'rules.0.applyServerSideEncryptionByDefault.sseAlgorithm',
      ),
    },
    {
      path: `${SSE_DEFAULT}.kms_master_key_id`,
      desired: (res) =>
        isV3Bucket(res.attributes) ? attr(res, `${SSE_DEFAULT}.kms_master_key_id`) : undefined,
      actual: suppAt(
        'ServerSideEncryptionConfiguration',
        'rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyID',
      ),
      normalize: [kmsKeyRef],
    },
    {
      path: 'policy',
      desired: (res) => (isV3Bucket(res.attributes) ? res.attributes.policy : undefined),
      actual: (live) => {
        const doc = supp(live, 'BucketPolicy');
        return doc === ABSENT ? ABSENT : (doc.policyText ?? null);
      },
      normalize: [iamPolicyDocument],
    },
  ],
};
