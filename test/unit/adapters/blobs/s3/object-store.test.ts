import { S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobReadError, createS3Client, S3JsonStore } from '../../../../../lib/adapters/blobs/s3/index.ts';
import { type RunningS3, S3RVER_CREDENTIALS, startS3rver } from '../../../../helpers/emulators.ts';

let s3: RunningS3;
let store: S3JsonStore;

beforeAll(async () => {
  s3 = await startS3rver(['workflow']);
  store = new S3JsonStore({
    bucket: 'workflow',
    client: createS3Client({
      AWS_ENDPOINT_URL_S3: s3.endpoint,
      AWS_ACCESS_KEY_ID: S3RVER_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: S3RVER_CREDENTIALS.secretAccessKey,
    }),
  });
});
afterAll(async () => {
  store.client.destroy();
  await s3.close();
});

describe('S3JsonStore on s3rver', () => {
  it('round-trips JSON', async () => {
    await store.putJson('reports/s1/a.json', { version: 1, drifts: [{ path: 'ä' }] });
    expect(await store.getJson('reports/s1/a.json')).toEqual({ version: 1, drifts: [{ path: 'ä' }] });
  });

  it('streams JSONL line by line', async () => {
    const items = Array.from({ length: 2_000 }, (_, i) => ({ shardId: `t--${i}`, n: i }));
    await store.putJsonLines('manifests/s1/shards.jsonl', items);
    const back: unknown[] = [];
    for await (const x of store.getJsonLines('manifests/s1/shards.jsonl')) back.push(x);
    expect(back).toEqual(items);
  });

  it('names a missing object in one line', async () => {
    await expect(store.getJson('nope.json')).rejects.toThrow(
      new BlobReadError('does not exist', 's3://workflow/nope.json'),
    );
  });

  it('follows AWS_ENDPOINT_URL with path-style addressing and local credentials', async () => {
    const c = createS3Client({ AWS_ENDPOINT_URL: s3.endpoint });
    expect(c).toBeInstanceOf(S3Client);
    expect(c.config.forcePathStyle).toBe(true);
    const local = new S3JsonStore({ bucket: 'workflow', client: c });
    expect(await local.getJson('reports/s1/a.json')).toEqual({ version: 1, drifts: [{ path: 'ä' }] });
    c.destroy();
  });
});
