import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FileStateCache, MemoryStateCache } from '../../../lib/adapters/shared/state-cache/index.ts';
import { RemoteStateError } from '../../../lib/adapters/shared/state-text/index.ts';
import { S3StateSource } from '../../../lib/adapters/state-sources/s3/index.ts';
import { StateParseError } from '../../../lib/core/model/errors.ts';
import { type RunningS3, S3RVER_CREDENTIALS, startS3rver } from '../../helpers/emulators.ts';
import {
  cacheFiles,
  errorOf,
  expectGoldenDoc,
  expectNoSecrets,
  fixtureText,
  hasher,
  tempDir,
  tinyState,
} from './helpers.ts';

const BUCKET = 'tfstate-prod';
const KEY = 'network/terraform.tfstate';
const URL = `s3://${BUCKET}/${KEY}`;
const ENV_KEYS = ['AWS_ENDPOINT_URL_S3', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_REGION'] as const;

let s3: RunningS3;
let client: S3Client;
const savedEnv: Record<string, string | undefined> = {};
const put = (key: string, body: string) =>
  client.send(new PutObjectCommand({ Bucket: BUCKET, Key: key, Body: body }));

beforeAll(async () => {
  s3 = await startS3rver([BUCKET]);
  // The sources below build their own client from the environment, as in a real run.
  for (const k of ENV_KEYS) savedEnv[k] = process.env[k];
  process.env.AWS_ENDPOINT_URL_S3 = s3.endpoint;
  process.env.AWS_ACCESS_KEY_ID = S3RVER_CREDENTIALS.accessKeyId;
  process.env.AWS_SECRET_ACCESS_KEY = S3RVER_CREDENTIALS.secretAccessKey;
  process.env.AWS_REGION = 'eu-west-1';
  client = new S3Client({
    endpoint: s3.endpoint,
    forcePathStyle: true,
    region: 'eu-west-1',
    credentials: S3RVER_CREDENTIALS,
  });
  await put(KEY, fixtureText('v4-multicloud'));
  await put(`env:/dev/${KEY}`, fixtureText('v4-sensitive-paths'));
  await put(`env:/staging/${KEY}`, fixtureText('v4-aws-modules'));
  // Not workspaces of this key: another key's workspace, a backup, a nested path, a lock-ish object.
  await put('env:/dev/other/terraform.tfstate', tinyState(1, 'vpc-other'));
  await put(`env:/qa/${KEY}.backup`, tinyState(1, 'vpc-backup'));
  await put(`env:/a/b/${KEY}`, tinyState(1, 'vpc-nested'));
  await put('only-workspaces/terraform.tfstate.d', 'x');
  await put('env:/blue/only-workspaces/terraform.tfstate', tinyState(7, 'vpc-blue'));
  await put('team/workspaces/prod/app.tfstate', tinyState(3, 'vpc-team'));
  await put('prod/app.tfstate', tinyState(4, 'vpc-noprefix'));
  await put('broken/terraform.tfstate', '{"version": 4, "resources": [');
});

afterAll(async () => {
  client?.destroy();
  await s3?.close();
  for (const k of ENV_KEYS) {
    if (savedEnv[k] === undefined) delete process.env[k];
    else process.env[k] = savedEnv[k];
  }
});

describe('S3StateSource on s3rver', () => {
  it('reads the default workspace from the key, with the URL as source', async () => {
    const src = new S3StateSource(URL, { hasher });
    const docs = await src.read();
    expect(docs).toHaveLength(1);
    expectGoldenDoc(docs[0], 'v4-multicloud', URL);
    expect(src.counters).toEqual({ downloads: 1, cacheHits: 0, parses: 1 });
  });

  it('reads named workspaces from <workspace_key_prefix>/<ws>/<key>, sealed', async () => {
    const docs = await new S3StateSource(URL, { hasher, workspaces: ['default', 'dev'] }).read();
    expect(docs.map((d) => d.source)).toEqual([URL, `s3://${BUCKET}/env:/dev/${KEY}`]);
    expectGoldenDoc(docs[1], 'v4-sensitive-paths', `s3://${BUCKET}/env:/dev/${KEY}`);
    expectNoSecrets(JSON.stringify(docs));
  });

  // Paging (NextContinuationToken) is proven in the unit tests: s3rver 3.7 encrypts its continuation
  // tokens with DES, which Node 20's OpenSSL 3 refuses, so it answers InternalError to page 2.
  it("'*' lists every workspace of this key, and nothing else", async () => {
    const src = new S3StateSource(URL, { hasher, workspaces: ['*'] });
    const docs = await src.read();
    expect(docs.map((d) => d.source)).toEqual([
      URL,
      `s3://${BUCKET}/env:/dev/${KEY}`,
      `s3://${BUCKET}/env:/staging/${KEY}`,
    ]);
    expectGoldenDoc(docs[2], 'v4-aws-modules', `s3://${BUCKET}/env:/staging/${KEY}`);
  });

  it("'*' without a default state returns just the workspaces that exist", async () => {
    const docs = await new S3StateSource(`s3://${BUCKET}/only-workspaces/terraform.tfstate`, {
      hasher,
      workspaces: ['*'],
    }).read();
    expect(docs.map((d) => [d.source, d.serial])).toEqual([
      [`s3://${BUCKET}/env:/blue/only-workspaces/terraform.tfstate`, 7],
    ]);
  });

  it('honours a custom and an empty workspace_key_prefix', async () => {
    const team = await new S3StateSource(`s3://${BUCKET}/app.tfstate`, {
      hasher,
      workspaces: ['prod'],
      workspaceKeyPrefix: 'team/workspaces',
    }).read();
    expect(team.map((d) => d.serial)).toEqual([3]);
    const bare = await new S3StateSource(`s3://${BUCKET}/app.tfstate`, {
      hasher,
      workspaces: ['*'],
      workspaceKeyPrefix: '',
    }).read();
    expect(bare.map((d) => d.source)).toEqual([`s3://${BUCKET}/prod/app.tfstate`]);
  });

  it('parses a body above the stream threshold with the streaming parser, to the same result', async () => {
    const src = new S3StateSource(URL, { hasher, workspaces: ['dev'], streamThresholdBytes: 1024 });
    const [doc] = await src.read();
    expectGoldenDoc(doc, 'v4-sensitive-paths', `s3://${BUCKET}/env:/dev/${KEY}`);
  });

  it('skips download and parse of an unchanged state (If-None-Match → 304), re-reads after an overwrite', async () => {
    const tmp = tempDir('dw-s3-cache-');
    try {
      const cache = new FileStateCache(`${tmp.dir}/cache`);
      const opts = { hasher, workspaces: ['*'], cache };
      const first = new S3StateSource(URL, opts);
      const docs1 = await first.read();
      expect(first.counters).toEqual({ downloads: 3, cacheHits: 0, parses: 3 });

      // A new source (a new process) on the same cache directory: nothing fetched, nothing parsed.
      const second = new S3StateSource(URL, opts);
      const docs2 = await second.read();
      expect(second.counters).toEqual({ downloads: 0, cacheHits: 3, parses: 0 });
      expect(docs2).toEqual(docs1);

      const files = cacheFiles(`${tmp.dir}/cache`);
      expect(files).toHaveLength(3);
      for (const f of files) {
        expect(f.mode).toBe(0o600);
        expectNoSecrets(f.text);
      }
      expect(files.some((f) => f.text.includes('"$sensitive":"hmac:'))).toBe(true);

      await put(`env:/dev/${KEY}`, tinyState(42, 'vpc-rewritten'));
      const third = new S3StateSource(URL, opts);
      const docs3 = await third.read();
      expect(third.counters).toEqual({ downloads: 1, cacheHits: 2, parses: 1 });
      expect(docs3[1]?.serial).toBe(42);
      expect(docs3[1]?.resources.map((r) => r.id)).toEqual(['vpc-rewritten']);
      await put(`env:/dev/${KEY}`, fixtureText('v4-sensitive-paths'));
    } finally {
      tmp.remove();
    }
  });

  it('does not trust a cache entry sealed under another key', async () => {
    const cache = new MemoryStateCache();
    await new S3StateSource(URL, { hasher, cache }).read();
    const other = new S3StateSource(URL, { hasher: (p) => `other:${p.length}`, cache });
    await other.read();
    expect(other.counters).toEqual({ downloads: 1, cacheHits: 0, parses: 1 });
  });
});

describe('S3StateSource errors', () => {
  it('names the URL and the S3 error code in one line', async () => {
    const missing = await errorOf(() =>
      new S3StateSource(`s3://${BUCKET}/missing/terraform.tfstate`, { hasher }).read(),
    );
    expect(missing).toBeInstanceOf(RemoteStateError);
    expect(missing.message).toBe(`s3://${BUCKET}/missing/terraform.tfstate: state not found (NoSuchKey)`);

    const ws = await errorOf(() => new S3StateSource(URL, { hasher, workspaces: ['default', 'qa'] }).read());
    expect(ws.message).toBe(`s3://${BUCKET}/env:/qa/${KEY}: state not found (NoSuchKey)`);

    const none = await errorOf(() =>
      new S3StateSource(`s3://${BUCKET}/nothing/here.tfstate`, { hasher, workspaces: ['*'] }).read(),
    );
    expect(none.message).toBe(
      `s3://${BUCKET}/nothing/here.tfstate: no state found (no default state and no workspaces)`,
    );

    const bucket = await errorOf(() =>
      new S3StateSource('s3://no-such-bucket/terraform.tfstate', { hasher }).read(),
    );
    expect(bucket.message).toBe('s3://no-such-bucket/terraform.tfstate: bucket not found (NoSuchBucket)');

    const listing = await errorOf(() =>
      new S3StateSource('s3://no-such-bucket/terraform.tfstate', { hasher, workspaces: ['*'] }).read(),
    );
    expect(listing.message).toBe('s3://no-such-bucket/terraform.tfstate: bucket not found (NoSuchBucket)');
  });

  it('reports rejected credentials and unparsable states', async () => {
    const bad = new S3Client({
      endpoint: s3.endpoint,
      forcePathStyle: true,
      region: 'eu-west-1',
      credentials: { accessKeyId: 'AKIAWRONGWRONGWRONG0', secretAccessKey: 'wrong' },
    });
    const creds = await errorOf(() => new S3StateSource(URL, { hasher, client: bad }).read());
    expect(creds.message).toBe(`${URL}: credentials rejected (InvalidAccessKeyId)`);
    bad.destroy();

    const broken = await errorOf(() =>
      new S3StateSource(`s3://${BUCKET}/broken/terraform.tfstate`, { hasher }).read(),
    );
    expect(broken).toBeInstanceOf(StateParseError);
    expect(broken.message).toMatch(/^s3:\/\/tfstate-prod\/broken\/terraform\.tfstate: not valid JSON/);
  });
});
