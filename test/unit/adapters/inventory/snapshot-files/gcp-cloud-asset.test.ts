import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  parseInventoryText,
  SnapshotFileInventory,
} from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { byType, loadFixture } from './fixtures.ts';

const NUM = '412345678901';

describe('GCP gcloud asset list', () => {
  const snap = loadFixture('gcp/asset-list/gcloud-asset-list.json');

  it('scopes by project ID learned from the Project asset, not the number', () => {
    expect(new Set(snap.resources.map((r) => r.scope))).toEqual(new Set(['gcp:acme-shop-prod']));
    expect(byType(snap, 'storage.googleapis.com/Bucket').scope).toBe('gcp:acme-shop-prod');
  });

  it('offers self link, numeric id and email identities', () => {
    const inst = byType(snap, 'compute.googleapis.com/Instance');
    expect(inst.ids).toEqual([
      '//compute.googleapis.com/projects/acme-shop-prod/zones/europe-west1-b/instances/web-1',
      'https://www.googleapis.com/compute/v1/projects/acme-shop-prod/zones/europe-west1-b/instances/web-1',
      '4567890123456789012',
    ]);
    const sa = byType(snap, 'iam.googleapis.com/ServiceAccount');
    expect(sa.ids).toContain(
      'projects/acme-shop-prod/serviceAccounts/web-sa@acme-shop-prod.iam.gserviceaccount.com',
    );
    expect(sa.ids).toContain('web-sa@acme-shop-prod.iam.gserviceaccount.com');
    expect(byType(snap, 'cloudresourcemanager.googleapis.com/Project').ids).toContain(
      'projects/acme-shop-prod',
    );
  });

  it('reads labels as tags ({} when the data has none) and resource.data as attributes', () => {
    expect(byType(snap, 'compute.googleapis.com/Instance').tags).toEqual({ env: 'prod', role: 'web' });
    expect(byType(snap, 'compute.googleapis.com/Network').tags).toEqual({});
    expect(byType(snap, 'compute.googleapis.com/Firewall').attributes?.sourceRanges).toEqual(['0.0.0.0/0']);
    expect(byType(snap, 'pubsub.googleapis.com/Topic').capturedAt).toBe('2024-01-11T12:13:14.151Z');
  });
});

describe('GCP exportAssets NDJSON', () => {
  const snap = loadFixture('gcp/export-assets/export-assets.ndjson');

  it('reads snake_case lines and learns the project ID from asset names', () => {
    expect(byType(snap, 'storage.googleapis.com/Bucket').scope).toBe('gcp:acme-shop-prod');
    expect(byType(snap, 'compute.googleapis.com/Instance').capturedAt).toBe('2024-06-02T13:14:15.161Z');
  });

  it('adds the project-ID form of names spelled with the project number', () => {
    expect(byType(snap, 'serviceusage.googleapis.com/Service').ids).toContain(
      '//serviceusage.googleapis.com/projects/acme-shop-prod/services/compute.googleapis.com',
    );
  });

  it('falls back to the project number when nothing names the project', () => {
    const line = JSON.stringify({
      name: '//storage.googleapis.com/lonely',
      asset_type: 'storage.googleapis.com/Bucket',
      resource: { data: { name: 'lonely' }, parent: `//cloudresourcemanager.googleapis.com/projects/${NUM}` },
      ancestors: [`projects/${NUM}`],
    });
    expect(parseInventoryText(`${line}\n${line}\n`, 'x.ndjson').resources[0]?.scope).toBe(`gcp:${NUM}`);
  });

  it('reads gcloud asset search-all-resources results as existence-only resources', () => {
    const text = JSON.stringify([
      {
        name: '//compute.googleapis.com/projects/acme-shop-prod/zones/europe-west1-b/disks/web-1',
        assetType: 'compute.googleapis.com/Disk',
        project: `projects/${NUM}`,
        displayName: 'web-1',
        location: 'europe-west1-b',
        labels: { env: 'prod' },
        state: 'READY',
        parentFullResourceName: '//cloudresourcemanager.googleapis.com/projects/acme-shop-prod',
        parentAssetType: 'cloudresourcemanager.googleapis.com/Project',
      },
    ]);
    const [r] = parseInventoryText(text, 'search.json').resources;
    expect(r).toMatchObject({
      name: 'web-1',
      scope: 'gcp:acme-shop-prod',
      attributes: null,
      tags: { env: 'prod' },
    });
  });

  it('rescopes across files when another file holds the Project asset', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-gcp-'));
    const bucket = {
      name: '//storage.googleapis.com/lonely',
      assetType: 'storage.googleapis.com/Bucket',
      resource: { data: { name: 'lonely' }, parent: `//cloudresourcemanager.googleapis.com/projects/${NUM}` },
      ancestors: [`projects/${NUM}`],
    };
    const project = {
      name: `//cloudresourcemanager.googleapis.com/projects/${NUM}`,
      assetType: 'cloudresourcemanager.googleapis.com/Project',
      resource: { data: { projectId: 'acme-shop-prod', projectNumber: NUM } },
      ancestors: [`projects/${NUM}`],
    };
    writeFileSync(join(dir, 'a.json'), JSON.stringify([bucket]));
    writeFileSync(join(dir, 'b.json'), JSON.stringify([project]));
    const inv = new SnapshotFileInventory([join(dir, 'a.json'), join(dir, 'b.json')]);
    const snap = await inv.read();
    expect(snap.resources.map((r) => r.scope)).toEqual(['gcp:acme-shop-prod', 'gcp:acme-shop-prod']);
    expect(snap.coverage.map((c) => [c.scope, c.nativeTypes])).toEqual([
      ['gcp:acme-shop-prod', ['cloudresourcemanager.googleapis.com/Project']],
      ['gcp:acme-shop-prod', ['storage.googleapis.com/Bucket']],
    ]);
  });
});
