import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { KubernetesCall } from '../../../../../lib/adapters/inventory/kubernetes/index.ts';
import {
  BUILTIN_KINDS,
  FakeKubernetesApiServer,
  forbiddenRule,
} from '../../../../fakes/kubernetes-api-server.ts';
import { clusterObjects } from './cluster-fixture.ts';
import { closedPort, inventoryOver } from './helpers.ts';

let fake: FakeKubernetesApiServer;
beforeEach(async () => {
  fake = await FakeKubernetesApiServer.start({ objects: clusterObjects(), token: 'test-token' });
});
afterEach(async () => {
  await fake.close();
});

function scan(kinds: string[], opts: Parameters<typeof inventoryOver>[1] = {}) {
  const calls: KubernetesCall[] = [];
  const { inventory, slept } = inventoryOver([{ context: 'prod', server: fake.url }], {
    scopes: { contexts: ['prod'], kinds },
    onCall: (c) => calls.push(c),
    ...opts,
  });
  return { inventory, slept, calls };
}

describe('KubernetesInventory: retries', () => {
  it('rides out a 429 burst, waiting at least Retry-After, and counts the retries', async () => {
    fake.inject({
      match: '/apis/apps/v1/deployments?',
      times: 3,
      status: 429,
      reason: 'TooManyRequests',
      retryAfter: 1,
    });
    const { inventory, slept, calls } = scan(['Deployment']);
    const snap = await inventory.read();
    expect(snap.coverage[0]).toMatchObject({ nativeTypes: ['apps/v1/Deployment'], complete: true });
    expect(snap.resources.map((r) => r.id).sort()).toEqual(['kube-system/coredns', 'shop/api']);
    expect(
      calls.filter((c) => c.path.startsWith('/apis/apps/v1/deployments')).map((c) => [c.status, c.attempt]),
    ).toEqual([
      [429, 0],
      [429, 1],
      [429, 2],
      [200, 3],
    ]);
    // Jittered backoff would be 100, 200, 400 ms; the server's Retry-After: 1 is the floor.
    expect(slept).toEqual([1000, 1000, 1000]);
    expect(inventory.report[0]).toMatchObject({ calls: 14, retries: 3, retryDelaysMs: [1000, 1000, 1000] });
  });

  it('backs off exponentially with jitter on 5xx (discovery and lists alike)', async () => {
    fake.inject(
      { match: /^\/apis\/apps\/v1$/, times: 1, status: 500, reason: 'InternalError' },
      { match: '/api/v1/secrets?', times: 2, status: 503, reason: 'ServiceUnavailable' },
    );
    const { inventory, slept } = scan(['Deployment', 'Secret']);
    const snap = await inventory.read();
    expect(snap.coverage[0]).toMatchObject({
      nativeTypes: ['apps/v1/Deployment', 'v1/Secret'],
      complete: true,
    });
    expect(slept.sort((a, b) => a - b)).toEqual([100, 100, 200]);
    expect(inventory.report[0]!.retries).toBe(3);
  });

  it('retries a request that times out and a dropped connection', async () => {
    fake.inject(
      { match: '/api/v1/configmaps?', times: 1, hangMs: 1000 },
      { match: '/api/v1/namespaces?', times: 1, reset: true },
    );
    const { inventory, calls } = scan(['ConfigMap', 'Namespace'], { timeoutMs: 150 });
    const snap = await inventory.read();
    expect(snap.coverage[0]).toMatchObject({ nativeTypes: ['v1/ConfigMap', 'v1/Namespace'], complete: true });
    expect(snap.resources.filter((r) => r.nativeType === 'v1/ConfigMap')).toHaveLength(7);
    expect(
      calls
        .filter((c) => c.status === 0)
        .map((c) => c.path.split('?')[0])
        .sort(),
    ).toEqual(['/api/v1/configmaps', '/api/v1/namespaces']);
    expect(inventory.report[0]!.retries).toBe(2);
  });

  it('stops after the attempt budget and leaves only that kind unevidenced', async () => {
    fake.inject({
      match: '/apis/apps/v1/daemonsets?',
      times: Number.POSITIVE_INFINITY,
      status: 503,
      reason: 'ServiceUnavailable',
    });
    const { inventory } = scan(['DaemonSet', 'Deployment'], {
      retry: { attempts: 3, sleep: async () => {} },
    });
    const snap = await inventory.read();
    expect(fake.count('/apis/apps/v1/daemonsets?')).toBe(3);
    expect(snap.coverage[0]).toMatchObject({
      nativeTypes: ['apps/v1/Deployment'],
      complete: true,
      reason: 'not listed: apps/v1/DaemonSet (503 ServiceUnavailable)',
    });
  });

  it('keeps at most `concurrency` requests in flight per cluster', async () => {
    fake.inject({ match: '?limit=', times: Number.POSITIVE_INFINITY, hangMs: 30 });
    const { inventory } = scan([], { concurrency: 2 });
    await inventory.read();
    expect(fake.maxInFlight).toBe(2);
  });
});

describe('KubernetesInventory: failures never become missing', () => {
  it('leaves a forbidden kind (403) out of the evidence without retrying it', async () => {
    fake.inject(forbiddenRule('secrets'));
    const { inventory } = scan(['Secret', 'ConfigMap']);
    const snap = await inventory.read();
    expect(fake.count('/api/v1/secrets?')).toBe(1);
    expect(snap.coverage[0]).toEqual({
      provider: 'kubernetes',
      scope: 'kubernetes:prod',
      nativeTypes: ['v1/ConfigMap'],
      complete: true,
      reason: 'not listed: v1/Secret (403 Forbidden)',
      source: 'kubernetes-api:prod',
    });
    expect(inventory.report[0]!.failedKinds).toEqual([
      {
        nativeType: 'v1/Secret',
        summary: '403 Forbidden',
        error:
          'GET /api/v1/secrets?limit=500: 403 Forbidden: secrets is forbidden: User "system:serviceaccount:driftwatch:scanner" cannot list resource "secrets" in API group "" at the cluster scope',
      },
    ]);
  });

  it('skips an API group whose discovery fails (aggregated API down) and keeps the cluster complete', async () => {
    await fake.close();
    fake = await FakeKubernetesApiServer.start({
      objects: clusterObjects(),
      token: 'test-token',
      kinds: [
        ...BUILTIN_KINDS,
        { group: 'metrics.k8s.io', version: 'v1beta1', kind: 'PodMetrics', plural: 'pods', namespaced: true },
      ],
    });
    fake.inject({
      match: '/apis/metrics.k8s.io/v1beta1',
      times: Number.POSITIVE_INFINITY,
      status: 503,
      reason: 'ServiceUnavailable',
    });
    const { inventory } = scan(['Namespace', 'PodMetrics'], {
      retry: { attempts: 2, sleep: async () => {} },
    });
    const snap = await inventory.read();
    expect(snap.coverage[0]).toMatchObject({
      nativeTypes: ['v1/Namespace'],
      complete: true,
      reason: 'not listed: metrics.k8s.io/v1beta1/* (503 ServiceUnavailable)',
    });
  });

  it('reports a cluster that rejects the credentials (401) as incomplete, after one call', async () => {
    const { inventory } = inventoryOver([{ context: 'prod', server: fake.url, token: 'expired-token' }]);
    const snap = await inventory.read();
    expect(snap).toEqual({
      resources: [],
      coverage: [
        {
          provider: 'kubernetes',
          scope: 'kubernetes:prod',
          nativeTypes: [],
          complete: false,
          reason: 'discovery failed (GET /api: 401 Unauthorized: Unauthorized)',
          source: 'kubernetes-api:prod',
        },
      ],
    });
    expect(inventory.report[0]!.calls).toBe(1);
  });

  it('reports an unreachable cluster as incomplete while the other cluster is read in full', async () => {
    const port = await closedPort();
    const { inventory, slept } = inventoryOver([
      { context: 'prod', server: fake.url },
      { context: 'staging', server: `http://127.0.0.1:${port}` },
    ]);
    const snap = await inventory.read();
    expect(snap.coverage.map((c) => [c.scope, c.complete, c.nativeTypes.length])).toEqual([
      ['kubernetes:prod', true, 18],
      ['kubernetes:staging', false, 0],
    ]);
    expect(snap.coverage[1]!.reason).toBe(
      `discovery failed (GET /api: Unreachable (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:${port})`,
    );
    expect(inventory.report[1]).toMatchObject({ cluster: 'staging', calls: 5, retries: 4 });
    expect(slept).toHaveLength(4);
    expect(snap.resources.every((r) => r.scope === 'kubernetes:prod')).toBe(true);
  });
});
