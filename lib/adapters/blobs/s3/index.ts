export { createS3Client } from './client.ts';
export { BlobReadError, S3JsonStore } from './object-store.ts';
