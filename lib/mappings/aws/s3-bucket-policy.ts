import { ABSENT } from '../../core/model/live-resource.ts';
import { iamPolicyDocument } from '../../core/normalize/aws/iam-policy-document.ts';
import { supp } from './common.ts';
import { bucketFacet } from './s3-bucket-facet.ts';

/** aws_s3_bucket_policy: the bucket's BucketPolicy.policyText (null when the policy was deleted). */
export const awsS3BucketPolicy = bucketFacet(
  'aws_s3_bucket_policy',
  [
    {
      path: 'policy',
      actual: (live) => {
        const doc = supp(live, 'BucketPolicy');
        return doc === ABSENT ? ABSENT : (doc.policyText ?? null);
      },
      normalize: [iamPolicyDocument],
    },
  ],
  'policy',
);
