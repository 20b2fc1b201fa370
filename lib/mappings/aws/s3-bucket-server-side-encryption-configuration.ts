import { suppAt } from './common.ts';
import { kmsKeyRef } from './kms-key-ref.ts';
import { bucketFacet } from './s3-bucket-facet.ts';

const SSE_RULE = 'rule.0.apply_server_side_encryption_by_default.0';

/** aws_s3_bucket_server_side_encryption_configuration: the bucket's default encryption rule. */
export const awsS3BucketSse = bucketFacet(
  'aws_s3_bucket_server_side_encryption_configuration',
  [
    {
      path: `${SSE_RULE}.sse_algorithm`,
      actual: suppAt(
        'ServerSideEncryptionConfiguration',
        'rules.0.applyServerSideEncryptionByDefault.sseAlgorithm',
      ),
    },
    {
      path: `${SSE_RULE}.kms_master_key_id`,
      actual: suppAt(
        'ServerSideEncryptionConfiguration',
        'rules.0.applyServerSideEncryptionByDefault.kmsMasterKeyID',
      ),
      normalize: [kmsKeyRef],
    },
    {
      path: 'rule.0.bucket_key_enabled',
      actual: (live) => {
        const v = suppAt('ServerSideEncryptionConfiguration', 'rules.0.bucketKeyEnabled')(live);
        return v === undefined || v === null ? false : v;
      },
    },
  ],
  'server_side_encryption_configuration',
);
