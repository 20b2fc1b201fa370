import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bucketAsset,
  firewallAsset,
  type GcpApiServer,
  instanceAsset,
  projectAsset,
  startGcpApiServer,
} from '../../../../fakes/gcp-api-server.ts';
import { coverageRows, DATA, FOLDER, inventory, SHOP } from './harness.ts';

let fake: GcpApiServer;
const buckets = Array.from({ length: 2500 }, (_, i) => bucketAsset(SHOP, `shop-bucket-${i}`));

beforeAll(async () => {
  fake = await startGcpApiServer();
  fake.setAssets('projects/acme-shop-prod', [
    projectAsset(SHOP),
    ...buckets,
    instanceAsset(SHOP, 'web-1'),
    firewallAsset(SHOP, 'allow-https'),
  ]);
  fake.setAssets('projects/acme-data-prod', [projectAsset(DATA), bucketAsset(DATA, 'data-lake')]);
  fake.setAssets(`folders/${FOLDER}`, [
    projectAsset(SHOP),
    instanceAsset(SHOP, 'web-1'),
    projectAsset(DATA),
    bucketAsset(DATA, 'data-lake'),
    // A project with nothing in it still gets evidence: its resources in state are then missing.
    projectAsset({ id: 'acme-empty-prod', number: '412345678904', folder: FOLDER }),
  ]);
});
afterAll(() => fake.stop());

describe('GcpCloudAssetInventory listAssets', () => {
  it('pages through 3 pages of 1000 with the page token, over the REST transport, signed', async () => {
    fake.requests.length = 0;
    const { inv, trace } = inventory(fake, { projects: ['acme-shop-prod'] });
    const snap = await inv.read();
    expect(snap.resources).toHaveLength(2503);
    const reqs = fake.requests.filter((r) => r.api === 'listAssets');
    expect(reqs.map((r) => [r.path, r.query.get('pageSize'), r.query.get('pageToken') ?? ''])).toEqual([
      ['/v1/projects/acme-shop-prod/assets', '1000', ''],
      ['/v1/projects/acme-shop-prod/assets', '1000', expect.stringMatching(/^[\w-]{8,}$/)],
      ['/v1/projects/acme-shop-prod/assets', '1000', expect.stringMatching(/^[\w-]{8,}$/)],
    ]);
    // numericEnums: the REST transport sends the enum as its number, as google-gax always does.
    expect(reqs[0]!.query.get('contentType')).toBe('1');
    expect(reqs[0]!.authorization).toBe('Bearer ya29.fake-test-token');
    expect(trace.calls).toEqual(
      [0, 0, 0].map((attempt) => ({ api: 'listAssets', parent: 'projects/acme-shop-prod', attempt })),
    );
    expect(snap.coverage).toEqual([
      {
        provider: 'gcp',
        scope: 'gcp:acme-shop-prod',
        nativeTypes: '*',
        complete: true,
        source: 'gcp-cloud-asset:acme:projects/acme-shop-prod',
      },
    ]);
  });

  it('reads resource data, labels and times exactly as the REST JSON carries them', async () => {
    const { inv } = inventory(fake, { projects: ['acme-shop-prod'] });
    const snap = await inv.read();
    const vm = snap.resources.find((r) => r.nativeType === 'compute.googleapis.com/Instance')!;
    expect(vm).toMatchObject({
      provider: 'gcp',
      id: '//compute.googleapis.com/projects/acme-shop-prod/zones/europe-west1-b/instances/web-1',
      name: 'web-1',
      scope: 'gcp:acme-shop-prod',
      tags: { env: 'prod', role: 'web' },
      capturedAt: '2024-06-02T13:14:15.161Z',
    });
    expect(vm.ids).toContain('4567890123456789012');
    expect(vm.attributes).toEqual(instanceAsset(SHOP, 'web-1').resource.data);
    const fw = snap.resources.find((r) => r.nativeType === 'compute.googleapis.com/Firewall')!;
    expect(fw.attributes?.priority).toBe(1000);
    expect(fw.attributes?.allowed).toEqual([{ IPProtocol: 'tcp', ports: ['443'] }]);
    // A bucket name carries no project: the scope is the listed project, not its number.
    expect(snap.resources.find((r) => r.id === '//storage.googleapis.com/shop-bucket-7')?.scope).toBe(
      'gcp:acme-shop-prod',
    );
  });

  it('filters by asset type and states exactly those types as covered', async () => {
    fake.requests.length = 0;
    const types = ['compute.googleapis.com/Instance', 'compute.googleapis.com/Firewall'];
    const { inv } = inventory(fake, { projects: ['acme-shop-prod'], assetTypes: types });
    const snap = await inv.read();
    expect(snap.resources.map((r) => r.nativeType).sort()).toEqual([...types].sort());
    expect(fake.requests[0]!.query.getAll('assetTypes')).toEqual(types);
    expect(snap.coverage[0]!.nativeTypes).toEqual([...types].sort());
  });

  it('learns the projects of a folder from its Project assets, empty ones included', async () => {
    const { inv } = inventory(fake, { folders: [FOLDER] });
    const snap = await inv.read();
    expect(coverageRows(snap.coverage)).toEqual([
      ['gcp:acme-data-prod', 'true'],
      ['gcp:acme-empty-prod', 'true'],
      ['gcp:acme-shop-prod', 'true'],
    ]);
    expect(snap.resources.find((r) => r.id === '//storage.googleapis.com/data-lake')?.scope).toBe(
      'gcp:acme-data-prod',
    );
  });

  it('asks a folder for Project assets too when filtering, without reporting them', async () => {
    fake.requests.length = 0;
    const { inv } = inventory(fake, { folders: [FOLDER], assetTypes: ['storage.googleapis.com/Bucket'] });
    const snap = await inv.read();
    expect(fake.requests[0]!.query.getAll('assetTypes')).toEqual([
      'storage.googleapis.com/Bucket',
      'cloudresourcemanager.googleapis.com/Project',
    ]);
    expect(snap.resources.map((r) => r.id)).toEqual(['//storage.googleapis.com/data-lake']);
    expect(snap.coverage.map((c) => [c.scope, c.nativeTypes])).toEqual([
      ['gcp:acme-data-prod', ['storage.googleapis.com/Bucket']],
      ['gcp:acme-empty-prod', ['storage.googleapis.com/Bucket']],
      ['gcp:acme-shop-prod', ['storage.googleapis.com/Bucket']],
    ]);
  });

  it('reads one parent when given `only` (a scan shard) and keeps one copy of an asset seen twice', async () => {
    const scopes = { projects: ['acme-data-prod'], folders: [FOLDER] };
    const shard = await inventory(fake, scopes, { only: 'projects/acme-data-prod' }).inv.read();
    expect(shard.coverage.map((c) => c.scope)).toEqual(['gcp:acme-data-prod']);
    const all = await inventory(fake, scopes).inv.read();
    expect(all.resources.filter((r) => r.id === '//storage.googleapis.com/data-lake')).toHaveLength(1);
    expect(() => inventory(fake, scopes, { only: 'projects/X' })).toThrow(/projects\/X: a parent is/);
  });

  it('reads at most `concurrency` parents at once', async () => {
    const ids = ['acme-p1-prod', 'acme-p2-prod', 'acme-p3-prod', 'acme-p4-prod'];
    for (const id of ids) fake.setAssets(`projects/${id}`, [bucketAsset({ ...SHOP, id }, `${id}-b`)]);
    fake.latencyMs = 40;
    fake.peakInFlight = 0;
    const { inv } = inventory(fake, { projects: ids, concurrency: 2 });
    const snap = await inv.read();
    expect(snap.coverage.map((c) => c.scope).sort()).toEqual(ids.map((id) => `gcp:${id}`));
    fake.latencyMs = 0;
    expect(fake.peakInFlight).toBe(2);
  });
});
