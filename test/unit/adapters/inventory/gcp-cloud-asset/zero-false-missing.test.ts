import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScan } from '../../../../../lib/core/engine/index.ts';
import type { StateResource } from '../../../../../lib/core/model/state-resource.ts';
import { defaultClassifier, defaultRegistry } from '../../../../../lib/runtime/compose.ts';
import {
  bucketAsset,
  type GcpApiServer,
  instanceAsset,
  projectAsset,
  startGcpApiServer,
} from '../../../../fakes/gcp-api-server.ts';
import { stateRes, testHasher } from '../../../../helpers/builders.ts';
import { DATA, inventory, SHOP } from './harness.ts';

let fake: GcpApiServer;
beforeAll(async () => {
  fake = await startGcpApiServer();
  fake.setAssets('projects/acme-shop-prod', [
    projectAsset(SHOP),
    bucketAsset(SHOP, 'shop-assets', { env: 'prod' }),
    instanceAsset(SHOP, 'web-1'),
  ]);
  fake.setAssets('projects/acme-data-prod', [projectAsset(DATA), bucketAsset(DATA, 'data-lake')]);
  fake.always('listAssets', 'projects/acme-data-prod', { status: 403 });
});
afterAll(() => fake.stop());

const bucket = (name: string, project: string, labels: Record<string, string>): StateResource =>
  stateRes({
    type: 'google_storage_bucket',
    name: name.replace(/-/g, '_'),
    provider: 'provider["registry.terraform.io/hashicorp/google"]',
    cloud: 'gcp',
    id: name,
    attributes: {
      id: name,
      name,
      project,
      location: 'EU',
      storage_class: 'STANDARD',
      labels,
      effective_labels: labels,
      versioning: [{ enabled: true }],
      uniform_bucket_level_access: true,
      public_access_prevention: 'enforced',
      self_link: `https://www.googleapis.com/storage/v1/b/${name}`,
    },
  });

describe('GcpCloudAssetInventory through the real engine', () => {
  it('a project denied to us is not checked (never missing); the other project still drifts', async () => {
    const { inv } = inventory(fake, { projects: ['acme-shop-prod', 'acme-data-prod'] });
    const inventorySnapshot = await inv.read();
    const report = runScan({
      states: [
        bucket('shop-assets', 'acme-shop-prod', { env: 'staging' }),
        bucket('shop-gone', 'acme-shop-prod', { env: 'prod' }),
        bucket('data-lake', 'acme-data-prod', { env: 'prod' }),
      ],
      inventory: inventorySnapshot,
      registry: defaultRegistry(),
      hasher: testHasher,
      classify: defaultClassifier,
      now: () => new Date('2026-11-24T06:00:00Z'),
    });
    const byKind = (k: string) =>
      report.drifts
        .filter((d) => d.kind === k)
        .map((d) => d.address ?? d.id)
        .sort();
    expect(byKind('missing')).toEqual(['google_storage_bucket.shop_gone']);
    expect(report.notChecked).toEqual([
      {
        address: 'google_storage_bucket.data_lake',
        type: 'google_storage_bucket',
        id: 'data-lake',
        reason:
          'scope gcp:acme-data-prod incomplete: projects/acme-data-prod: PERMISSION_DENIED: Request denied by Cloud IAM.',
      },
    ]);
    const changed = report.drifts.find((d) => d.kind === 'changed');
    expect(changed?.address).toBe('google_storage_bucket.shop_assets');
    expect(changed?.changes).toContainEqual({ path: 'labels.env', desired: 'staging', actual: 'prod' });
    expect(byKind('unmanaged')).toContain(
      '//compute.googleapis.com/projects/acme-shop-prod/zones/europe-west1-b/instances/web-1',
    );
    expect(report.summary.complete).toBe(false);
    expect(report.summary.missing).toBe(1);
  });

  it('control: once the project answers (and the bucket is gone), the same bucket is missing', async () => {
    fake.always('listAssets', 'projects/acme-data-prod', 'ok');
    fake.setAssets('projects/acme-data-prod', [projectAsset(DATA)]);
    const { inv } = inventory(fake, { projects: ['acme-data-prod'] });
    const report = runScan({
      states: [bucket('data-lake', 'acme-data-prod', { env: 'prod' })],
      inventory: await inv.read(),
      registry: defaultRegistry(),
      hasher: testHasher,
      classify: defaultClassifier,
    });
    expect(report.drifts.filter((d) => d.kind === 'missing').map((d) => d.address)).toEqual([
      'google_storage_bucket.data_lake',
    ]);
    expect(report.notChecked).toEqual([]);
  });
});
