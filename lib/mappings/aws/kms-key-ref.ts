import { normalizer } from '../../core/normalize/generic.ts';

/**
 * KMS key references: `arn:aws:kms:r:a:key/<id>` and `<id>` name the same key (S3, SQS, RDS and
 * Lambda echo back whichever form was given). Alias forms stay as written.
 */
export const kmsKeyRef = normalizer('kms-key-ref', (v) => {
  if (typeof v !== 'string') return v;
  const m = /^arn:[^:]+:kms:[^:]*:[^:]*:key\/(.+)$/.exec(v.trim());
  return m ? m[1] : v.trim();
});
