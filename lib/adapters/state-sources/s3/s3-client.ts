import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

export interface S3ClientOptions {
  region?: string;
  /** Overrides AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL (MinIO, LocalStack, s3rver). */
  endpoint?: string;
  credentials?: S3ClientConfig['credentials'];
}

/**
 * An S3 client for state reads. A custom endpoint (option, AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL)
 * implies path-style addressing: S3-compatible servers rarely serve bucket subdomains.
 */
export function createS3Client(opts: S3ClientOptions = {}, env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = opts.endpoint ?? (env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined);
  return new S3Client({
    region: opts.region ?? (env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1'),
    // A state bucket in another region answers 301; follow it instead of failing the scan.
    followRegionRedirects: true,
    ...(endpoint ? { endpoint, forcePathStyle: true } : {}),
    ...(opts.credentials ? { credentials: opts.credentials } : {}),
  });
}
