import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { storageBucketMapping as m } from '../../../../lib/mappings/gcp/storage-bucket.ts';
import { type Asset, diff, fixture, liveOf, stateOf } from './helpers.ts';

const state = (over: Record<string, unknown> = {}) =>
  stateOf('google_storage_bucket', { ...fixture('storage-bucket.tfstate.json'), ...over });
const asset = () => fixture<Asset>('storage-bucket.asset.json');

describe('google_storage_bucket', () => {
  it('is clean: effective_labels vs labels incl. an undeclared goog-* label, soft delete as string', () => {
    expect(diff(m, state(), liveOf(asset()))).toEqual([]);
  });

  it('compares location case-insensitively (us vs US)', () => {
    expect(diff(m, state({ location: 'us' }), liveOf(asset()))).toEqual([]);
  });

  it('reports versioning disabled (API omits or says false)', () => {
    const a = asset();
    a.resource.data.versioning = {};
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'versioning.0.enabled', desired: true, actual: false },
    ]);
  });

  it('reports a label changed, a label added and public access prevention relaxed', () => {
    const a = asset();
    a.resource.data.labels = {
      env: 'staging',
      team: 'data',
      'goog-terraform-provisioned': 'true',
      owner: 'bob',
    };
    (a.resource.data.iamConfiguration as Record<string, unknown>).publicAccessPrevention = 'inherited';
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'labels.env', desired: 'prod', actual: 'staging' },
      { path: 'labels.owner', desired: null, actual: 'bob' },
      { path: 'public_access_prevention', desired: 'enforced', actual: 'inherited' },
    ]);
  });

  it('falls back to v4 `labels` when the state has no effective_labels', () => {
    const s = state({
      effective_labels: undefined,
      terraform_labels: undefined,
      labels: { env: 'prod', team: 'data' },
    });
    const a = asset();
    a.resource.data.labels = { env: 'prod', team: 'data' };
    expect(diff(m, s, liveOf(a))).toEqual([]);
  });

  it('reports a retention policy added live', () => {
    const a = asset();
    a.resource.data.retentionPolicy = { retentionPeriod: '2592000', effectiveTime: '2024-06-01T00:00:00Z' };
    expect(diff(m, state(), liveOf(a))).toEqual([
      { path: 'retention_policy.0.retention_period', desired: null, actual: 2592000 },
    ]);
  });

  it('reports a lifecycle rule changed (provider zeros and with_state ANY are not drift)', () => {
    const a = asset();
    const rules = (a.resource.data.lifecycle as { rule: { condition: Record<string, unknown> }[] }).rule;
    rules[1]!.condition.age = 1;
    const [change, ...rest] = diff(m, state(), liveOf(a));
    expect(rest).toEqual([]);
    expect(change).toEqual({
      path: 'lifecycle_rule',
      desired: [
        { type: 'SetStorageClass', storage_class: 'NEARLINE', age: 30, matches_storage_class: ['STANDARD'] },
        { type: 'Delete', num_newer_versions: 3, is_live: false },
      ],
      actual: [
        { type: 'SetStorageClass', storage_class: 'NEARLINE', age: 1, matches_storage_class: ['STANDARD'] },
        { type: 'Delete', num_newer_versions: 3, is_live: false },
      ],
    });
  });

  it('identity is the bucket name, which the Cloud Asset name normalizes to', () => {
    expect(m.identities(state())).toEqual(['acme-prod-data-lake']);
    expect(normalizeIdentity('gcp', asset().name)).toBe('acme-prod-data-lake');
    expect(m.scope?.(state())).toBe('gcp:acme-prod');
  });
});
