import { ABSENT } from '../../core/model/live-resource.ts';
import { boolFromEnabledNormalizer } from '../../core/normalize/aws/bool-from-enabled.ts';
import { normalizer } from '../../core/normalize/generic.ts';
import { supp } from './common.ts';
import { bucketFacet } from './s3-bucket-facet.ts';

// S3 reports a bucket whose versioning was never enabled as "Off"; Terraform calls it "Disabled".
const versioningStatus = normalizer('s3-versioning-status', (v) => (v === 'Off' ? 'Disabled' : v));

/** aws_s3_bucket_versioning (provider v4+): a fact about the bucket's BucketVersioningConfiguration. */
export const awsS3BucketVersioning = bucketFacet(
  'aws_s3_bucket_versioning',
  [
    {
      path: 'versioning_configuration.0.status',
      actual: (live) => {
        const doc = supp(live, 'BucketVersioningConfiguration');
        return doc === ABSENT ? ABSENT : (doc.status ?? 'Off');
      },
      normalize: [versioningStatus],
    },
    {
      path: 'versioning_configuration.0.mfa_delete',
      actual: (live) => {
        const doc = supp(live, 'BucketVersioningConfiguration');
        return doc === ABSENT ? ABSENT : (doc.isMfaDeleteEnabled ?? false);
      },
      normalize: [boolFromEnabledNormalizer],
    },
  ],
  'versioning',
);
