import { UsageError } from '../../../core/model/errors.ts';

export interface S3Location {
  bucket: string;
  key: string;
}

// Bucket names: 3–63 lowercase letters, digits, dots, dashes (S3 naming rules, legacy dots allowed).
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** Splits `s3://bucket/path/to/terraform.tfstate` into bucket and key. */
export function parseS3Url(url: string): S3Location {
  const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(url);
  if (!m) throw new UsageError('expected s3://<bucket>/<key>', url);
  const [, bucket = '', key = ''] = m;
  if (!BUCKET.test(bucket)) throw new UsageError(`"${bucket}" is not a valid S3 bucket name`, url);
  return { bucket, key };
}
