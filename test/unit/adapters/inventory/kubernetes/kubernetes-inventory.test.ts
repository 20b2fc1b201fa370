import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { KubernetesInventory } from '../../../../../lib/adapters/inventory/kubernetes/index.ts';
import { kubernetesReader } from '../../../../../lib/adapters/shared/inventory-formats/index.ts';
import {
  expiredContinueRule,
  FakeKubernetesApiServer,
  fakeKubeconfig,
} from '../../../../fakes/kubernetes-api-server.ts';
import { clusterObjects, manyConfigMaps } from './cluster-fixture.ts';
import { instantRetry, inventoryOver } from './helpers.ts';

const ALL_KINDS = [
  'apps/v1/ControllerRevision',
  'apps/v1/DaemonSet',
  'apps/v1/Deployment',
  'apps/v1/ReplicaSet',
  'apps/v1/StatefulSet',
  'autoscaling/v2/HorizontalPodAutoscaler',
  'rbac.authorization.k8s.io/v1/ClusterRole',
  'rbac.authorization.k8s.io/v1/ClusterRoleBinding',
  'rbac.authorization.k8s.io/v1/Role',
  'rbac.authorization.k8s.io/v1/RoleBinding',
  'v1/ConfigMap',
  'v1/Namespace',
  'v1/Node',
  'v1/PersistentVolumeClaim',
  'v1/Pod',
  'v1/Secret',
  'v1/Service',
  'v1/ServiceAccount',
];

let fake: FakeKubernetesApiServer;
beforeEach(async () => {
  fake = await FakeKubernetesApiServer.start({ objects: clusterObjects(), token: 'test-token' });
});
afterEach(async () => {
  await fake.close();
});

const over = (opts: Parameters<typeof inventoryOver>[1] = {}) =>
  inventoryOver([{ context: 'prod', server: fake.url }], opts);

describe('KubernetesInventory: discovery and listing', () => {
  it('discovers preferred versions, lists every listable kind once and evidences each', async () => {
    const { inventory } = over();
    const snap = await inventory.read();
    expect(snap.coverage).toEqual([
      {
        provider: 'kubernetes',
        scope: 'kubernetes:prod',
        nativeTypes: ALL_KINDS,
        complete: true,
        source: 'kubernetes-api:prod',
      },
    ]);
    expect(snap.resources).toHaveLength(29);
    const paths = fake.requests.map((r) => r.path);
    // Discovery: /api, /apis, /api/v1 and one APIResourceList per group's preferred version.
    expect(paths.filter((p) => !p.includes('?')).sort()).toEqual([
      '/api',
      '/api/v1',
      '/apis',
      '/apis/apps/v1',
      '/apis/authentication.k8s.io/v1',
      '/apis/autoscaling/v2',
      '/apis/coordination.k8s.io/v1',
      '/apis/discovery.k8s.io/v1',
      '/apis/events.k8s.io/v1',
      '/apis/rbac.authorization.k8s.io/v1',
    ]);
    // One list per kind; no subresources, no create-only kinds, no default-excluded Events/Leases.
    expect(paths.filter((p) => p.includes('?'))).toHaveLength(18);
    const lists = paths.filter((p) => p.includes('?'));
    expect(
      lists.filter((p) =>
        /\/(scale|status|log|bindings|tokenreviews|events|leases|endpoints|endpointslices)\?/.test(p),
      ),
    ).toEqual([]);
    expect(inventory.report[0]).toMatchObject({ calls: 28, retries: 0, relists: 0, failedKinds: [] });
  });

  it('reads list items exactly as the offline reader reads the same list (kind/apiVersion restored)', async () => {
    const { inventory } = over({ scopes: { contexts: ['prod'], kinds: ['Deployment'] } });
    const snap = await inventory.read();
    const api = snap.resources.find((r) => r.id === 'shop/api')!;
    const fixture = JSON.parse(
      readFileSync(
        join(import.meta.dirname, '../../../../fixtures/mappings/kubernetes/live-deployment-api.json'),
        'utf8',
      ),
    );
    const offline = kubernetesReader.read(
      { apiVersion: 'apps/v1', kind: 'DeploymentList', metadata: {}, items: [fixture] },
      { source: 'kubernetes-api:prod', cluster: 'prod' },
    ).resources[0];
    expect(api).toEqual(offline);
    expect(api).toMatchObject({
      nativeType: 'apps/v1/Deployment',
      ids: ['apps/Deployment/shop/api'],
      scope: 'kubernetes:prod',
      tags: { app: 'api', tier: 'backend' },
    });
    expect(
      (api.attributes as { metadata: { managedFields: unknown[] } }).metadata.managedFields,
    ).toHaveLength(2);
    expect(snap.resources.map((r) => r.id).sort()).toEqual(['kube-system/coredns', 'shop/api']);
  });

  it('pages with limit/continue until the list ends (13 pages of 100)', async () => {
    fake.add(...manyConfigMaps(1234));
    const { inventory } = over({ scopes: { contexts: ['prod'], kinds: ['ConfigMap'], pageSize: 100 } });
    const snap = await inventory.read();
    const pages = fake.requests.filter((r) => r.path.startsWith('/api/v1/configmaps?limit=100'));
    expect(pages).toHaveLength(13);
    expect(pages.filter((r) => r.path.includes('&continue='))).toHaveLength(12);
    expect(snap.resources).toHaveLength(1241);
    expect(new Set(snap.resources.map((r) => r.id)).size).toBe(1241);
    expect(snap.coverage[0]).toMatchObject({ nativeTypes: ['v1/ConfigMap'], complete: true });
  });

  it('relists a kind from scratch when its continue token expires (410), without duplicates', async () => {
    fake.add(...manyConfigMaps(1234));
    fake.inject(expiredContinueRule('/api/v1/configmaps'));
    const { inventory } = over({ scopes: { contexts: ['prod'], kinds: ['ConfigMap'], pageSize: 100 } });
    const snap = await inventory.read();
    // Page 1, the 410 on page 2, then 13 pages of the fresh listing.
    expect(fake.count('/api/v1/configmaps?')).toBe(15);
    expect(fake.requests.filter((r) => r.status === 410)).toHaveLength(1);
    expect(snap.resources).toHaveLength(1241);
    expect(new Set(snap.resources.map((r) => r.id)).size).toBe(1241);
    expect(snap.coverage[0]).toMatchObject({ nativeTypes: ['v1/ConfigMap'], complete: true });
    expect(inventory.report[0]!.relists).toBe(1);
  });

  it('gives up on a kind whose tokens keep expiring (bounded) and leaves it unevidenced', async () => {
    fake.add(...manyConfigMaps(250));
    fake.inject(expiredContinueRule('/api/v1/configmaps', Number.POSITIVE_INFINITY));
    const { inventory } = over({
      scopes: { contexts: ['prod'], kinds: ['ConfigMap', 'Namespace'], pageSize: 100 },
    });
    const snap = await inventory.read();
    expect(fake.count('/api/v1/configmaps?')).toBe(6);
    expect(snap.coverage[0]).toMatchObject({
      nativeTypes: ['v1/Namespace'],
      complete: true,
      reason: 'not listed: v1/ConfigMap (410 Expired)',
    });
    expect(snap.resources.filter((r) => r.nativeType === 'v1/ConfigMap')).toHaveLength(0);
  });
});

describe('KubernetesInventory: filters', () => {
  it('lists only the kinds asked for (`Kind` or `group/version/Kind`) minus excludeKinds', async () => {
    const { inventory } = over({
      scopes: {
        contexts: ['prod'],
        kinds: ['Deployment', 'v1/ConfigMap', 'Secret'],
        excludeKinds: ['v1/Secret'],
      },
    });
    const snap = await inventory.read();
    expect(snap.coverage[0]!.nativeTypes).toEqual(['apps/v1/Deployment', 'v1/ConfigMap']);
    expect(fake.requests.filter((r) => r.path.includes('?')).map((r) => r.path)).toEqual(
      expect.arrayContaining(['/apis/apps/v1/deployments?limit=500', '/api/v1/configmaps?limit=500']),
    );
    expect(fake.count('?')).toBe(2);
  });

  it('lists namespaced kinds per namespace when `namespaces` is set, and does not claim absence', async () => {
    const { inventory } = over({
      scopes: { contexts: ['prod'], namespaces: ['shop'], kinds: ['Deployment', 'Namespace'] },
    });
    const snap = await inventory.read();
    expect(fake.count('/apis/apps/v1/namespaces/shop/deployments?limit=500')).toBe(1);
    expect(fake.count('/apis/apps/v1/deployments')).toBe(0);
    expect(snap.resources.map((r) => `${r.nativeType} ${r.id}`).sort()).toEqual([
      'apps/v1/Deployment shop/api',
      'v1/Namespace default',
      'v1/Namespace kube-node-lease',
      'v1/Namespace kube-public',
      'v1/Namespace kube-system',
      'v1/Namespace shop',
    ]);
    // A Deployment declared in another namespace was never looked for: no evidence it is gone.
    expect(snap.coverage[0]).toMatchObject({
      nativeTypes: ['v1/Namespace'],
      complete: true,
      reason: 'not listed: 1 namespaced kind(s) under a namespace filter',
    });
    expect(inventory.report[0]!.partialKinds).toEqual(['apps/v1/Deployment']);
  });

  it('drops excluded namespaces from one cluster-wide list', async () => {
    const { inventory } = over({
      scopes: { contexts: ['prod'], excludeNamespaces: ['kube-system'], kinds: ['Deployment'] },
    });
    const snap = await inventory.read();
    expect(fake.count('/apis/apps/v1/deployments?limit=500')).toBe(1);
    expect(snap.resources.map((r) => r.id)).toEqual(['shop/api']);
    expect(snap.coverage[0]!.nativeTypes).toEqual([]);
  });
});

describe('KubernetesInventory: kubeconfig and contexts', () => {
  const saved = process.env.KUBECONFIG;
  afterEach(() => {
    if (saved === undefined) delete process.env.KUBECONFIG;
    else process.env.KUBECONFIG = saved;
  });

  it('reads the kubeconfig file, uses its current context and the configured cluster name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-kube-'));
    const file = join(dir, 'config');
    writeFileSync(file, fakeKubeconfig([{ context: 'kind-prod', server: fake.url }]));
    const { retry } = instantRetry();
    const inventory = new KubernetesInventory({
      target: 'shop',
      scopes: { kubeconfig: file, clusterNames: { 'kind-prod': 'prod-eu' }, kinds: ['Namespace'] },
      retry,
    });
    const snap = await inventory.read();
    expect(inventory.name).toBe('kubernetes:shop');
    expect(snap.coverage).toEqual([
      {
        provider: 'kubernetes',
        scope: 'kubernetes:prod-eu',
        nativeTypes: ['v1/Namespace'],
        complete: true,
        source: 'kubernetes-api:kind-prod',
      },
    ]);
    expect(snap.resources.every((r) => r.scope === 'kubernetes:prod-eu')).toBe(true);
  });

  it('reads $KUBECONFIG when no file is configured, and scans only the `only` context (a shard)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dw-kube-'));
    const file = join(dir, 'config');
    writeFileSync(
      file,
      fakeKubeconfig([
        { context: 'a', server: fake.url },
        { context: 'b', server: 'http://127.0.0.1:1' },
      ]),
    );
    process.env.KUBECONFIG = file;
    const { retry } = instantRetry();
    const inventory = new KubernetesInventory({
      target: 'shop',
      scopes: { contexts: ['a', 'b'], kinds: ['Node'] },
      only: 'a',
      retry,
    });
    const snap = await inventory.read();
    expect(inventory.name).toBe('kubernetes:shop/a');
    expect(snap.coverage.map((c) => c.scope)).toEqual(['kubernetes:a']);
    expect(snap.resources.map((r) => r.id)).toEqual(['kind-control-plane']);
  });

  it('throws one-line config errors for an unreadable kubeconfig or an unknown shard context', async () => {
    const missing = new KubernetesInventory({
      target: 'shop',
      scopes: { kubeconfig: '/nonexistent/kubeconfig' },
    });
    await expect(missing.read()).rejects.toThrow('/nonexistent/kubeconfig: cannot read kubeconfig (ENOENT)');
    const { inventory } = over({ only: 'staging' });
    await expect(inventory.read()).rejects.toThrow(
      'context staging is not one of the configured contexts (prod)',
    );
    expect(() => new KubernetesInventory({ target: 'x', scopes: { pageSize: 0 } })).toThrow(
      /^scopes\.pageSize: /,
    );
  });

  it('reports a context missing from the kubeconfig, or in-cluster outside a pod, as an incomplete scope', async () => {
    const { inventory } = over({
      scopes: { contexts: ['prod', 'gone', 'in-cluster'], clusterNames: { 'in-cluster': 'self' } },
    });
    const saved = process.env.KUBERNETES_SERVICE_HOST;
    delete process.env.KUBERNETES_SERVICE_HOST;
    const snap = await inventory.read().finally(() => {
      if (saved !== undefined) process.env.KUBERNETES_SERVICE_HOST = saved;
    });
    expect(snap.coverage.map((c) => [c.scope, c.complete, c.reason])).toEqual([
      ['kubernetes:prod', true, undefined],
      ['kubernetes:gone', false, 'context gone is not in the kubeconfig'],
      ['kubernetes:self', false, 'not running in a cluster (KUBERNETES_SERVICE_HOST unset)'],
    ]);
  });
});
