import { describe, expect, it } from 'vitest';
import { normalizeIdentity } from '../../../../lib/core/model/identity.ts';
import { gcpIdentities, gcpScope } from '../../../../lib/mappings/defaults/gcp.ts';
import { stateResource } from './state-resource.ts';

describe('gcp defaults', () => {
  const vm = stateResource('google_compute_instance', {
    id: 'projects/acme-prod/zones/europe-west1-b/instances/vm-1',
    name: 'vm-1',
    project: 'acme-prod',
    zone: 'europe-west1-b',
    self_link: 'https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instances/vm-1',
  });

  it('identities: self_link, id, name; the self link meets the Cloud Asset name once normalized', () => {
    const ids = gcpIdentities(vm);
    expect(ids).toEqual([
      'https://www.googleapis.com/compute/v1/projects/acme-prod/zones/europe-west1-b/instances/vm-1',
      'projects/acme-prod/zones/europe-west1-b/instances/vm-1',
      'vm-1',
    ]);
    const assetName = '//compute.googleapis.com/projects/acme-prod/zones/europe-west1-b/instances/vm-1';
    expect(normalizeIdentity('gcp', ids[0]!)).toBe(normalizeIdentity('gcp', assetName));
  });

  it('scope from the project attribute', () => {
    expect(gcpScope(vm)).toBe('gcp:acme-prod');
  });

  it('scope parsed from projects/<p> in the id or self link when there is no project attribute', () => {
    const sub = stateResource('google_pubsub_subscription', {
      id: 'projects/acme-data/subscriptions/orders',
    });
    expect(gcpScope(sub)).toBe('gcp:acme-data');
    const project = stateResource('google_project', {
      id: 'projects/acme-sandbox',
      project_id: 'acme-sandbox',
    });
    expect(gcpScope(project)).toBe('gcp:acme-sandbox');
  });

  it('scope unknown for a bucket state without project', () => {
    const bucket = stateResource('google_storage_bucket', {
      id: 'acme-logs',
      name: 'acme-logs',
      self_link: 'https://www.googleapis.com/storage/v1/b/acme-logs',
    });
    expect(gcpScope(bucket)).toBe('gcp:*');
    expect(gcpIdentities(bucket)).toEqual(['https://www.googleapis.com/storage/v1/b/acme-logs', 'acme-logs']);
  });
});
