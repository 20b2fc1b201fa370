import { describe, expect, it } from 'vitest';
import { parseInventoryText } from '../../../../../lib/adapters/inventory/snapshot-files/index.ts';
import { byType, loadFixture } from './fixtures.ts';

describe('Kubernetes kubectl get -o json', () => {
  const snap = loadFixture('kubernetes/kubectl-get-list/kubectl-get-all.json', { cluster: 'prod-eu' });

  it('names types apiVersion/kind and identities group/kind/namespace/name', () => {
    const dep = byType(snap, 'apps/v1/Deployment');
    expect(dep.id).toBe('shop/web');
    expect(dep.ids).toEqual(['apps/Deployment/shop/web']);
    expect(dep.scope).toBe('kubernetes:prod-eu');
    expect(dep.capturedAt).toBeNull();
    const ns = byType(snap, 'v1/Namespace');
    expect(ns.id).toBe('shop');
    expect(ns.ids).toEqual(['/Namespace//shop']);
  });

  it('keeps the whole object (ownerReferences included) and labels as tags', () => {
    const pod = byType(snap, 'v1/Pod');
    expect(pod.attributes?.metadata).toMatchObject({
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9c8f6d', controller: true }],
    });
    expect(pod.tags).toEqual({ app: 'web', 'pod-template-hash': '7d4b9c8f6d' });
    expect(snap.resources.find((r) => r.name === 'kube-root-ca.crt')?.tags).toEqual({});
  });
});

describe('Kubernetes typed lists and YAML', () => {
  it('derives apiVersion/kind for items of a DeploymentList', () => {
    const snap = loadFixture('kubernetes/deployment-list-api/apis-apps-v1-namespaces-shop-deployments.json');
    expect(snap.resources.map((r) => [r.nativeType, r.id])).toEqual([
      ['apps/v1/Deployment', 'shop/web'],
      ['apps/v1/Deployment', 'shop/worker'],
    ]);
    expect(snap.resources[1]?.attributes?.kind).toBe('Deployment');
  });

  it('reads multi-document YAML', () => {
    const snap = loadFixture('kubernetes/multi-document-yaml/shop-objects.yaml');
    expect(snap.resources.map((r) => r.nativeType)).toEqual([
      'v1/Namespace',
      'v1/ConfigMap',
      'v1/Secret',
      'v1/Service',
    ]);
    expect(byType(snap, 'v1/ConfigMap').attributes?.data).toEqual({
      CACHE_TTL_SECONDS: '300',
      FEATURE_FLAGS: 'checkout-v2,search-v3',
    });
  });

  it('reads a kubectl -o yaml List', () => {
    const snap = loadFixture('kubernetes/kubectl-get-yaml/kubectl-get-deploy-svc.yaml');
    expect(snap.resources.map((r) => r.id)).toEqual(['shop/web', 'shop/web']);
  });

  it('marks a chunked list (metadata.continue) incomplete', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'ConfigMapList',
      metadata: { continue: 'eyJ2IjoibWV0YS5rOHMuaW8vdjEifQ', remainingItemCount: 40 },
      items: [{ metadata: { name: 'a', namespace: 'n' }, data: {} }],
    });
    const snap = parseInventoryText(text, 'cm.json');
    expect(snap.resources[0]?.nativeType).toBe('v1/ConfigMap');
    expect(snap.coverage[0]?.complete).toBe(false);
  });

  it('rejects an object without metadata.name', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Pod', metadata: {} }],
    });
    expect(() => parseInventoryText(text, 'p.json')).toThrow('p.json: items[0] has no metadata.name');
  });
});
