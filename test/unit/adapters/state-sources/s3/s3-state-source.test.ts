import { Readable } from 'node:stream';
import { GetObjectCommand, ListObjectsV2Command, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, it } from 'vitest';
import { MemoryStateCache } from '../../../../../lib/adapters/shared/state-cache/index.ts';
import { S3StateSource } from '../../../../../lib/adapters/state-sources/s3/index.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

const hasher = (plain: string) => `h:${plain.length}`;
const s3 = mockClient(S3Client);
afterEach(() => s3.reset());

const state = (serial: number) =>
  JSON.stringify({
    version: 4,
    terraform_version: '1.9.5',
    serial,
    lineage: 'l',
    outputs: {},
    resources: [],
  });
// The adapter only iterates the body, so a plain Node stream stands in for the SDK's.
const body = (text: string) => Readable.from([Buffer.from(text)]) as never;

// Error shapes as the SDK deserialises S3's XML error bodies.
const s3Err = (name: string, status: number, message: string) =>
  new S3ServiceException({ name, $fault: 'client', $metadata: { httpStatusCode: status }, message });

const source = (extra: Partial<ConstructorParameters<typeof S3StateSource>[1]> = {}) =>
  new S3StateSource('s3://acme-tfstate/net/terraform.tfstate', {
    hasher,
    client: new S3Client({ region: 'eu-west-1' }),
    ...extra,
  });

describe('S3StateSource (mocked S3)', () => {
  it("pages ListObjectsV2 with the continuation token for '*'", async () => {
    s3.on(ListObjectsV2Command, { ContinuationToken: undefined }).resolves({
      Name: 'acme-tfstate',
      Prefix: 'env:/',
      MaxKeys: 2,
      KeyCount: 2,
      IsTruncated: true,
      NextContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      Contents: [{ Key: 'env:/a/net/terraform.tfstate' }, { Key: 'env:/a/other.tfstate' }],
    });
    s3.on(ListObjectsV2Command, {
      ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
    }).resolves({
      Name: 'acme-tfstate',
      Prefix: 'env:/',
      MaxKeys: 2,
      KeyCount: 1,
      IsTruncated: false,
      Contents: [{ Key: 'env:/b/net/terraform.tfstate' }],
    });
    s3.on(GetObjectCommand).callsFake((input: { Key: string }) => ({
      Body: body(state(input.Key.length)),
      ETag: `"${input.Key.length}"`,
      ContentLength: state(input.Key.length).length,
    }));
    const docs = await source({ workspaces: ['*'], listPageSize: 2 }).read();
    expect(docs.map((d) => d.source)).toEqual([
      's3://acme-tfstate/net/terraform.tfstate',
      's3://acme-tfstate/env:/a/net/terraform.tfstate',
      's3://acme-tfstate/env:/b/net/terraform.tfstate',
    ]);
    const lists = s3.commandCalls(ListObjectsV2Command).map((c) => c.args[0].input);
    expect(lists).toEqual([
      { Bucket: 'acme-tfstate', Prefix: 'env:/', MaxKeys: 2, ContinuationToken: undefined },
      {
        Bucket: 'acme-tfstate',
        Prefix: 'env:/',
        MaxKeys: 2,
        ContinuationToken: '1ueGcxLPRx1Tr/XYExHnhbYLgveDs2J/wm36Hy4vbOwM=',
      },
    ]);
  });

  it('sends If-None-Match with the cached ETag and keeps the cached parse on 304', async () => {
    s3.on(GetObjectCommand, { IfNoneMatch: undefined }).resolves({
      Body: body(state(3)),
      ETag: '"9b2cf535f27731c974343645a3985328"',
      ContentLength: state(3).length,
    });
    s3.on(GetObjectCommand, { IfNoneMatch: '"9b2cf535f27731c974343645a3985328"' }).rejects(
      s3Err('NotModified', 304, 'UnknownError'),
    );
    const cache = new MemoryStateCache();
    const first = await source({ cache }).read();
    const src = source({ cache });
    expect(await src.read()).toEqual(first);
    expect(src.counters).toEqual({ downloads: 0, cacheHits: 1, parses: 0 });
    expect(s3.commandCalls(GetObjectCommand).map((c) => c.args[0].input.IfNoneMatch)).toEqual([
      undefined,
      '"9b2cf535f27731c974343645a3985328"',
    ]);
  });

  it.each([
    ['AccessDenied', 403, 'Access Denied', 'access denied (AccessDenied)'],
    ['NoSuchKey', 404, 'The specified key does not exist.', 'state not found (NoSuchKey)'],
    ['NoSuchBucket', 404, 'The specified bucket does not exist', 'bucket not found (NoSuchBucket)'],
    ['ExpiredToken', 400, 'The provided token has expired.', 'credentials rejected (ExpiredToken)'],
    [
      'SignatureDoesNotMatch',
      403,
      'The request signature we calculated does not match',
      'credentials rejected (SignatureDoesNotMatch)',
    ],
    [
      'SlowDown',
      503,
      'Please reduce your request rate.\nRequestId: X',
      'cannot read the state (SlowDown: Please reduce your request rate.)',
    ],
  ])('maps %s to one line naming the URL', async (name, status, message, expected) => {
    s3.on(GetObjectCommand).rejects(s3Err(name, status, message));
    await expect(source().read()).rejects.toMatchObject({
      name: 'RemoteStateError',
      message: `s3://acme-tfstate/net/terraform.tfstate: ${expected}`,
    });
  });

  it('maps a missing credential chain and an unreachable endpoint', async () => {
    const noCreds = Object.assign(new Error('Could not load credentials from any providers'), {
      name: 'CredentialsProviderError',
    });
    s3.on(GetObjectCommand).rejects(noCreds);
    await expect(source().read()).rejects.toMatchObject({
      message: 's3://acme-tfstate/net/terraform.tfstate: credentials rejected (CredentialsProviderError)',
    });
    s3.on(GetObjectCommand).rejects(
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' }),
    );
    await expect(source().read()).rejects.toMatchObject({
      message: 's3://acme-tfstate/net/terraform.tfstate: cannot reach the S3 endpoint (ECONNREFUSED)',
    });
  });
});
