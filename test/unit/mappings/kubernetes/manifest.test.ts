import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRegistry } from '../../../../lib/core/mapping/registry.ts';
import type { StateResource } from '../../../../lib/core/model/state-resource.ts';
import {
  kubernetesManifest,
  kubernetesMappings,
  manifestObjectMapping,
} from '../../../../lib/mappings/kubernetes/index.ts';
import { parseManifests } from '../../../../state-parsers/kubernetes/index.ts';
import { changes, fixture, hasher, liveOf, setPath, stateOf } from './helpers.ts';

const tfState = () => stateOf(fixture('state-manifest-worker.json'));

function tfDrift(mutate: (obj: Record<string, unknown>) => void = () => {}) {
  const obj = fixture('live-deployment-worker.json');
  mutate(obj);
  return changes(kubernetesManifest, tfState(), liveOf(obj));
}

const REPO = join(import.meta.dirname, '../../../fixtures/manifests/repo');

/** Desired objects of the fixture repo's apps/web, parsed as --manifests does. */
function repoResources(): StateResource[] {
  return ['apps/web/web.yaml', 'apps/web/secret.yaml'].flatMap((path) =>
    parseManifests(readFileSync(join(REPO, path), 'utf8'), { path, hasher }),
  );
}

/** The live object (from the kubectl List fixture) of a kind/name, mutated. */
function liveItem(kind: string, name: string, mutate: (obj: Record<string, unknown>) => void = () => {}) {
  const list = fixture<{ items: Record<string, unknown>[] }>('live-manifests-repo.json');
  const obj = list.items.find((i) => i.kind === kind && (i.metadata as { name: string }).name === name)!;
  mutate(obj);
  return liveOf(obj);
}

function repoDrift(kind: string, name: string, mutate?: (obj: Record<string, unknown>) => void) {
  const res = repoResources().find((r) => r.address.includes(`#${kind}/`) && r.name === name)!;
  return changes(manifestObjectMapping, res, liveItem(kind, name, mutate));
}

describe('kubernetes_manifest (Terraform)', () => {
  it('is registered for any kind', () => {
    const registry = createRegistry(kubernetesMappings);
    expect(registry.get('kubernetes_manifest')).toBe(kubernetesManifest);
    expect(registry.get('kubernetes_secret_v1')?.nativeTypes).toEqual(['v1/Secret']);
    expect(kubernetesManifest.nativeTypes).toEqual(['*']);
  });

  it('identifies the object from the { value, type } manifest in state', () => {
    expect(kubernetesManifest.identities(tfState())).toEqual(['apps/Deployment/jobs/worker']);
  });

  it('falls back to the applied object for identity when the manifest was sealed whole', () => {
    const res = tfState();
    res.attributes.manifest = { $sensitive: 'h' };
    expect(kubernetesManifest.identities(res)).toEqual(['apps/Deployment/jobs/worker']);
    expect(changes(kubernetesManifest, res, liveOf(fixture('live-deployment-worker.json')))).toEqual([]);
  });

  it('finds nothing on a clean pair (defaults, status, 0.5 = 500m, 1024Mi = 1Gi)', () => {
    expect(tfDrift()).toEqual([]);
  });

  it('reports a scaled object at the manifest path', () => {
    expect(tfDrift((o) => setPath(o, 'spec.replicas', 4))).toEqual([
      { path: 'spec.replicas', desired: 2, actual: 4 },
    ]);
  });

  it('reports a changed argument list', () => {
    expect(tfDrift((o) => setPath(o, 'spec.template.spec.containers.0.args.1', 'refunds'))).toEqual([
      { path: 'spec.template.spec.containers.0.args.1', desired: 'orders', actual: 'refunds' },
    ]);
  });
});

describe('kubernetes_manifest Secret (Terraform keeps base64 data and stringData)', () => {
  const b64 = (v: string) => Buffer.from(v).toString('base64');
  const secretState = () =>
    stateOf({
      type: 'kubernetes_manifest',
      name: 'db',
      provider: 'provider["registry.terraform.io/hashicorp/kubernetes"]',
      instances: [
        {
          attributes: {
            manifest: {
              value: {
                apiVersion: 'v1',
                kind: 'Secret',
                metadata: { name: 'db', namespace: 'shop' },
                data: { username: b64('shop') },
                stringData: { password: 's3cr3t-Pa55' },
              },
              type: ['object', {}],
            },
          },
        },
      ],
    });
  const liveSecret = (password: string) =>
    liveOf({
      apiVersion: 'v1',
      kind: 'Secret',
      metadata: { name: 'db', namespace: 'shop', uid: 'u', resourceVersion: '9' },
      type: 'Opaque',
      data: { username: b64('shop'), password: b64(password) },
    });

  it('finds nothing when the live data matches', () => {
    expect(changes(kubernetesManifest, secretState(), liveSecret('s3cr3t-Pa55'))).toEqual([]);
  });

  it('reports a changed value without printing it', () => {
    const out = changes(kubernetesManifest, secretState(), liveSecret('hunter2-rotated'));
    expect(out).toEqual([
      {
        path: 'data.password',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/s3cr3t|hunter2|czNjcjN0|aHVudGVy/);
  });
});

describe('objects from --manifests', () => {
  it.each([
    ['Deployment', 'web'],
    ['Service', 'web'],
    ['ConfigMap', 'web-config'],
    ['Secret', 'web-db'],
  ])('finds nothing on a clean %s %s applied with kubectl', (kind, name) => {
    expect(repoDrift(kind, name)).toEqual([]);
  });

  it('identifies namespaced objects with their namespace', () => {
    const res = repoResources().find((r) => r.address === 'apps/web/web.yaml#Deployment/shop/web')!;
    expect(manifestObjectMapping.identities(res)).toEqual(['apps/Deployment/shop/web']);
  });

  it('reports a changed image and a scaled deployment', () => {
    expect(
      repoDrift('Deployment', 'web', (o) => {
        setPath(o, 'spec.replicas', 4);
        setPath(o, 'spec.template.spec.containers.0.image', 'ghcr.io/acme/shop-web:1.5.0');
      }),
    ).toEqual([
      { path: 'spec.replicas', desired: 2, actual: 4 },
      {
        path: 'spec.template.spec.containers.0.image',
        desired: 'ghcr.io/acme/shop-web:1.4.2',
        actual: 'ghcr.io/acme/shop-web:1.5.0',
      },
    ]);
  });

  it('reports changed ConfigMap data', () => {
    expect(repoDrift('ConfigMap', 'web-config', (o) => setPath(o, 'data.FEATURE_CHECKOUT', 'false'))).toEqual(
      [{ path: 'data.FEATURE_CHECKOUT', desired: true, actual: false }],
    );
  });

  it('reports a changed Secret value (from stringData) as sensitive only', () => {
    const rotated = Buffer.from('hunter2-rotated').toString('base64');
    const out = repoDrift('Secret', 'web-db', (o) => setPath(o, 'data.password', rotated));
    expect(out).toEqual([
      {
        path: 'data.password',
        desired: '(sensitive)',
        actual: '(sensitive)',
        sensitive: true,
        digest: expect.any(String),
      },
    ]);
    expect(JSON.stringify(out)).not.toMatch(/s3cr3t|hunter2|aHVudGVy/);
  });

  it('reports a changed service port', () => {
    expect(repoDrift('Service', 'web', (o) => setPath(o, 'spec.ports.0.port', 8080))).toEqual([
      { path: 'spec.ports.0.port', desired: 80, actual: 8080 },
    ]);
  });
});
