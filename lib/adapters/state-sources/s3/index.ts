export { createS3Client, type S3ClientOptions } from './s3-client.ts';
export { S3StateSource, type S3StateSourceOptions } from './s3-state-source.ts';
export { parseS3Url, type S3Location } from './s3-url.ts';
export { workspaceKey, workspaceOf } from './s3-workspaces.ts';
