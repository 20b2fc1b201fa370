import type { AttributeRule, ResourceMapping } from '../../core/mapping/types.ts';
import { attr } from './common.ts';
import { bucketIdentities } from './s3-bucket.ts';

/** A bucket facet: compared against the bucket's Config item, never missing or unmanaged on its own. */
export function bucketFacet(
  type: string,
  attributes: AttributeRule[],
  /** The inline aws_s3_bucket attribute this standalone resource replaces (compared once, here). */
  inlinePath?: string,
): ResourceMapping {
  return {
    ...(inlinePath ? { supersedes: [{ terraformType: 'aws_s3_bucket', paths: [inlinePath] }] } : {}),
    provider: 'aws',
    terraformTypes: [type],
    nativeTypes: ['AWS::S3::Bucket'],
    role: 'facet',
    identities: (res) => bucketIdentities(attr(res, 'bucket') ?? res.id?.split(',')[0]),
    scope: (res) => `aws:*:${attr(res, 'region') ?? '*'}`,
    attributes,
  };
}
