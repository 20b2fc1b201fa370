import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryStateCache } from '../../../lib/adapters/shared/state-cache/index.ts';
import { GcsStateSource } from '../../../lib/adapters/state-sources/gcs/index.ts';
import { type FakeGcs, startFakeGcs } from '../../fakes/gcs-server.ts';
import { errorOf, expectGoldenDoc, expectNoSecrets, fixtureText, hasher, tinyState } from './helpers.ts';

const BUCKET = 'acme-tfstate';
const URL = `gs://${BUCKET}/platform/network`;
const obj = (ws: string) => `gs://${BUCKET}/platform/network/${ws}.tfstate`;

let gcs: FakeGcs;
let savedHost: string | undefined;

beforeAll(async () => {
  gcs = await startFakeGcs();
  savedHost = process.env.STORAGE_EMULATOR_HOST;
  // @google-cloud/storage reads this when a Storage is built: requests go here, unauthenticated.
  process.env.STORAGE_EMULATOR_HOST = gcs.host;
  gcs.createBucket(BUCKET);
  gcs.put(BUCKET, 'platform/network/default.tfstate', fixtureText('v4-multicloud'));
  gcs.put(BUCKET, 'platform/network/dev.tfstate', fixtureText('v4-sensitive-paths'));
  gcs.put(BUCKET, 'platform/network/staging.tfstate', fixtureText('v4-aws-modules'));
  gcs.put(BUCKET, 'platform/network/staging.tflock', '{"ID":"c0ffee"}');
  gcs.put(BUCKET, 'platform/network/archive/old.tfstate', tinyState(1, 'vpc-archived')); // one level only
  gcs.put(BUCKET, 'platform/network-legacy/default.tfstate', tinyState(1, 'vpc-legacy'));
  gcs.put(BUCKET, 'apps/blue.tfstate', tinyState(9, 'vpc-blue'));
  gcs.put(BUCKET, 'default.tfstate', tinyState(2, 'vpc-root'));
  gcs.createBucket('locked-bucket');
  gcs.deny('locked-bucket', 403);
  gcs.createBucket('expired-creds');
  gcs.deny('expired-creds', 401);
});

afterAll(async () => {
  if (savedHost === undefined) delete process.env.STORAGE_EMULATOR_HOST;
  else process.env.STORAGE_EMULATOR_HOST = savedHost;
  await gcs?.close();
});

describe('GcsStateSource through STORAGE_EMULATOR_HOST', () => {
  it('reads <prefix>/default.tfstate and named workspaces <prefix>/<ws>.tfstate', async () => {
    const docs = await new GcsStateSource(URL, { hasher, workspaces: ['default', 'dev'] }).read();
    expect(docs.map((d) => d.source)).toEqual([obj('default'), obj('dev')]);
    expectGoldenDoc(docs[0], 'v4-multicloud', obj('default'));
    expectGoldenDoc(docs[1], 'v4-sensitive-paths', obj('dev'));
    expectNoSecrets(JSON.stringify(docs));
  });

  it("'*' lists one level of *.tfstate across pages (locks, sub-folders and sibling prefixes left out)", async () => {
    gcs.requests.length = 0;
    const docs = await new GcsStateSource(`${URL}/`, { hasher, workspaces: ['*'], listPageSize: 2 }).read();
    expect(docs.map((d) => d.source)).toEqual([obj('default'), obj('dev'), obj('staging')]);
    const lists = gcs.requests.filter((r) => /\/o\?/.test(r) && !r.includes('alt=media'));
    expect(lists.length).toBeGreaterThanOrEqual(3);
    expect(lists[0]).toContain('prefix=platform%2Fnetwork%2F');
    expect(lists[0]).toContain('delimiter=%2F');
    expect(lists[1]).toContain('pageToken=');
  });

  it('reads a bucket-root backend (empty prefix) and a prefix with workspaces only', async () => {
    const root = await new GcsStateSource(`gs://${BUCKET}`, { hasher }).read();
    expect(root.map((d) => [d.source, d.serial])).toEqual([[`gs://${BUCKET}/default.tfstate`, 2]]);
    const apps = await new GcsStateSource(`gs://${BUCKET}/apps`, { hasher, workspaces: ['*'] }).read();
    expect(apps.map((d) => [d.source, d.serial])).toEqual([[`gs://${BUCKET}/apps/blue.tfstate`, 9]]);
  });

  it('streams a body above the threshold to the same result', async () => {
    const [doc] = await new GcsStateSource(URL, {
      hasher,
      workspaces: ['dev'],
      streamThresholdBytes: 256,
    }).read();
    expectGoldenDoc(doc, 'v4-sensitive-paths', obj('dev'));
  });

  it('skips the download of an unchanged generation and re-reads a new one', async () => {
    const cache = new MemoryStateCache();
    const first = new GcsStateSource(URL, { hasher, workspaces: ['*'], cache });
    const docs1 = await first.read();
    expect(first.counters).toEqual({ downloads: 3, cacheHits: 0, parses: 3 });

    gcs.requests.length = 0;
    const second = new GcsStateSource(URL, { hasher, workspaces: ['*'], cache });
    expect(await second.read()).toEqual(docs1);
    expect(second.counters).toEqual({ downloads: 0, cacheHits: 3, parses: 0 });
    expect(gcs.requests.filter((r) => r.includes('alt=media'))).toEqual([]);

    const next = gcs.put(BUCKET, 'platform/network/dev.tfstate', tinyState(12, 'vpc-dev-2'));
    gcs.requests.length = 0;
    const third = new GcsStateSource(URL, { hasher, workspaces: ['*'], cache });
    const docs3 = await third.read();
    expect(third.counters).toEqual({ downloads: 1, cacheHits: 2, parses: 1 });
    expect(docs3[1]?.serial).toBe(12);
    // The download is pinned to the generation whose metadata was read.
    expect(gcs.requests.filter((r) => r.includes('alt=media'))).toEqual([
      `GET /b/${BUCKET}/o/platform%2Fnetwork%2Fdev.tfstate?alt=media&generation=${next.generation}`,
    ]);
    gcs.put(BUCKET, 'platform/network/dev.tfstate', fixtureText('v4-sensitive-paths'));
  });
});

describe('GcsStateSource errors', () => {
  it('names the URL and the Cloud Storage error in one line', async () => {
    const missing = await errorOf(() => new GcsStateSource(`gs://${BUCKET}/nothing`, { hasher }).read());
    expect(missing.message).toBe(`gs://${BUCKET}/nothing/default.tfstate: state not found (404 notFound)`);

    const ws = await errorOf(() => new GcsStateSource(URL, { hasher, workspaces: ['qa'] }).read());
    expect(ws.message).toBe(`${obj('qa')}: state not found (404 notFound)`);

    const none = await errorOf(() =>
      new GcsStateSource(`gs://${BUCKET}/nothing`, { hasher, workspaces: ['*'] }).read(),
    );
    expect(none.message).toBe(`gs://${BUCKET}/nothing: no state found (no default state and no workspaces)`);

    const bucket = await errorOf(() => new GcsStateSource('gs://no-such-bucket/env', { hasher }).read());
    expect(bucket.message).toBe('gs://no-such-bucket/env/default.tfstate: bucket not found (404 notFound)');

    const denied = await errorOf(() =>
      new GcsStateSource('gs://locked-bucket/env', { hasher, workspaces: ['*'] }).read(),
    );
    expect(denied.message).toBe('gs://locked-bucket/env: access denied (403 forbidden)');

    const creds = await errorOf(() => new GcsStateSource('gs://expired-creds/env', { hasher }).read());
    expect(creds.message).toBe(
      'gs://expired-creds/env/default.tfstate: credentials rejected (401 authError)',
    );
  });
});
