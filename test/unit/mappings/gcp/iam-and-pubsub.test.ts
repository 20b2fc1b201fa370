import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { gcpMappings } from '../../../../lib/mappings/gcp/index.ts';
import { projectIamMapping } from '../../../../lib/mappings/gcp/project-iam.ts';
import { pubsubTopicMapping as topic } from '../../../../lib/mappings/gcp/pubsub-topic.ts';
import { serviceAccountMapping as sa } from '../../../../lib/mappings/gcp/service-account.ts';
import { type Asset, diff, fixture, liveOf, stateOf } from './helpers.ts';

describe('google_service_account', () => {
  const state = () => stateOf('google_service_account', fixture('service-account.tfstate.json'));
  const asset = () => fixture<Asset>('service-account.asset.json');

  it('is clean; the Cloud Asset name (unique id form) meets one of its identities', () => {
    expect(diff(sa, state(), liveOf(asset()))).toEqual([]);
    expect(sa.identities(state()).map((i) => normalizeIdentity('gcp', i))).toContain(
      normalizeIdentity('gcp', asset().name),
    );
  });

  it('reports the account disabled', () => {
    const a = asset();
    a.resource.data.disabled = true;
    expect(diff(sa, state(), liveOf(a))).toEqual([{ path: 'disabled', desired: false, actual: true }]);
  });
});

describe('google_pubsub_topic', () => {
  const state = () => stateOf('google_pubsub_topic', fixture('pubsub-topic.tfstate.json'));
  const asset = () => fixture<Asset>('pubsub-topic.asset.json');

  it('is clean (regions order, duration form)', () => {
    expect(diff(topic, state(), liveOf(asset()))).toEqual([]);
    const a = asset();
    a.resource.data.messageRetentionDuration = '86400.000s';
    expect(diff(topic, state(), liveOf(a))).toEqual([]);
  });

  it('reports the CMEK key removed and retention shortened', () => {
    const a = asset();
    delete a.resource.data.kmsKeyName;
    a.resource.data.messageRetentionDuration = '600s';
    expect(diff(topic, state(), liveOf(a))).toEqual([
      {
        path: 'kms_key_name',
        desired: 'projects/acme-prod/locations/europe-west1/keyRings/pubsub/cryptoKeys/orders',
        actual: null,
      },
      { path: 'message_retention_duration', desired: '86400s', actual: '600s' },
    ]);
  });
});

describe('google_project_iam_*', () => {
  it('are associations with no native item', () => {
    expect(projectIamMapping.role).toBe('association');
    expect(projectIamMapping.terraformTypes).toContain('google_project_iam_member');
  });

  it('gcpMappings lists every hand-written type once', () => {
    const types = gcpMappings.flatMap((m) => m.terraformTypes);
    expect(new Set(types).size).toBe(types.length);
    expect(types).toEqual(
      expect.arrayContaining([
        'google_storage_bucket',
        'google_compute_instance',
        'google_compute_network',
        'google_compute_subnetwork',
        'google_compute_firewall',
        'google_service_account',
        'google_pubsub_topic',
      ]),
    );
  });
});
