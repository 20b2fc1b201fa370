import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { computeInstanceMapping as m } from '../../../../lib/mappings/gcp/compute-instance.ts';
import { type Asset, diff, fixture, liveOf, stateOf } from './helpers.ts';

type Data = Record<string, unknown> & {
  metadata: { items: { key: string; value: string }[] };
  networkInterfaces: Record<string, unknown>[];
};
const state = () => stateOf('google_compute_instance', fixture('compute-instance.tfstate.json'));
const asset = () => fixture<Asset>('compute-instance.asset.json');
const data = (a: Asset) => a.resource.data as unknown as Data;

describe('google_compute_instance', () => {
  it('is clean: machine type URL vs name, zone URL, tags order, startup-script, goog-* labels', () => {
    expect(diff(m, state(), liveOf(asset()))).toEqual([]);
  });

  it('reports the machine type changed', () => {
    const a = asset();
    a.resource.data.machineType =
      'https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/machineTypes/e2-standard-4';
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'machine_type', desired: 'e2-medium', actual: 'e2-standard-4' },
    ]);
  });

  it('reports metadata added (ssh-keys), a label changed and deletion protection off', () => {
    const a = asset();
    data(a).metadata.items.push({ key: 'ssh-keys', value: 'mallory:ssh-ed25519 AAAAC3Nza mallory' });
    a.resource.data.labels = { ...(a.resource.data.labels as Record<string, string>), env: 'dev' };
    a.resource.data.deletionProtection = false;
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'labels.env', desired: 'prod', actual: 'dev' },
      { path: 'deletion_protection', desired: true, actual: false },
      { path: 'metadata.ssh-keys', desired: null, actual: 'mallory:ssh-ed25519 AAAAC3Nza mallory' },
    ]);
  });

  it('reports an external IP removed from nic0 but not a changed ephemeral address', () => {
    const a = asset();
    (data(a).networkInterfaces[0]!.accessConfigs as { natIP: string }[])[0]!.natIP = '35.187.1.1';
    expect(diff(m, state(), liveOf(a))).toEqual([]);
    delete data(a).networkInterfaces[0]!.accessConfigs;
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'network_interface.0.access_config', desired: [{ network_tier: 'PREMIUM' }], actual: null },
    ]);
  });

  it('reports a new service account scope', () => {
    const a = asset();
    (a.resource.data.serviceAccounts as { scopes: string[] }[])[0]!.scopes.push(
      'https://www.googleapis.com/auth/compute',
    );
    expect(diff(m, state(), liveOf(a))).toEqual([
      {
        path: 'service_account.0.scopes',
        desired: ['https://www.googleapis.com/auth/cloud-platform'],
        actual: ['https://www.googleapis.com/auth/cloud-platform', 'https://www.googleapis.com/auth/compute'],
      },
    ]);
  });

  it('matches by id/self_link and claims its boot disk', () => {
    const live = normalizeIdentity('gcp', asset().name);
    expect(m.identities(state()).map((i) => normalizeIdentity('gcp', i))).toContain(live);
    expect(m.children?.(state()).map((i) => normalizeIdentity('gcp', i))).toEqual([
      normalizeIdentity(
        'gcp',
        '//compute.googleapis.com/projects/acme-prod/zones/europe-west1-b/disks/web-1',
      ),
    ]);
  });
});
