import { S3Client, type S3ClientConfig } from '@aws-sdk/client-s3';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/**
 * An S3 client following AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL. With an endpoint set it uses
 * path-style addressing (emulators such as s3rver serve no virtual-host buckets) and, for a local
 * one without configured credentials, dummy credentials.
 */
export function createS3Client(env: NodeJS.ProcessEnv = process.env): S3Client {
  const endpoint = env.AWS_ENDPOINT_URL_S3 || env.AWS_ENDPOINT_URL || undefined;
  const config: S3ClientConfig = {};
  if (endpoint) {
    config.endpoint = endpoint;
    config.forcePathStyle = true;
    config.region = env.AWS_REGION || env.AWS_DEFAULT_REGION || 'us-east-1';
    let host = '';
    try {
      host = new URL(endpoint).hostname;
    } catch {
      // A malformed endpoint fails on the first call with the SDK's own message.
    }
    if (LOCAL_HOSTS.has(host) && !env.AWS_PROFILE) {
      // s3rver checks signatures against its built-in S3RVER account.
      config.credentials = {
        accessKeyId: env.AWS_ACCESS_KEY_ID || 'S3RVER',
        secretAccessKey: env.AWS_SECRET_ACCESS_KEY || 'S3RVER',
      };
    }
  }
  return new S3Client(config);
}
