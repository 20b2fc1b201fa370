import type { AttributeRule } from '../../core/mapping/types.ts';
import { ABSENT } from '../../core/model/live-resource.ts';
import { supp } from './common.ts';
import { bucketFacet } from './s3-bucket-facet.ts';

// Config leaves PublicAccessBlockConfiguration out when the bucket has none (GetPublicAccessBlock
// fails with NoSuchPublicAccessBlockConfiguration): all four are then off. That reading needs evidence
// that the item carries the full supplement set, which always includes BucketVersioningConfiguration;
// otherwise the flags are not compared.
function pabFlag(name: string): AttributeRule['actual'] {
  return (live) => {
    if (supp(live, 'BucketVersioningConfiguration') === ABSENT) return ABSENT;
    const doc = supp(live, 'PublicAccessBlockConfiguration');
    return doc === ABSENT ? false : (doc[name] ?? false);
  };
}

/** aws_s3_bucket_public_access_block: the four flags of the bucket's PublicAccessBlockConfiguration. */
export const awsS3BucketPublicAccessBlock = bucketFacet('aws_s3_bucket_public_access_block', [
  { path: 'block_public_acls', actual: pabFlag('blockPublicAcls'), skipUnsetDesired: false },
  { path: 'block_public_policy', actual: pabFlag('blockPublicPolicy'), skipUnsetDesired: false },
  { path: 'ignore_public_acls', actual: pabFlag('ignorePublicAcls'), skipUnsetDesired: false },
  { path: 'restrict_public_buckets', actual: pabFlag('restrictPublicBuckets'), skipUnsetDesired: false },
]);
