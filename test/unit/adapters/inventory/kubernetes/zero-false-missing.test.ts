import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runScan } from '../../../../../lib/core/engine/scan.ts';
import type { InventorySnapshot } from '../../../../../lib/core/model/coverage.ts';
import { defaultClassifier, defaultRegistry } from '../../../../../lib/runtime/compose.ts';
import { parseManifestsDetailed } from '../../../../../state-parsers/kubernetes/index.ts';
import { FakeKubernetesApiServer, forbiddenRule } from '../../../../fakes/kubernetes-api-server.ts';
import { testHasher } from '../../../../helpers/builders.ts';
import { clusterObjects } from './cluster-fixture.ts';
import { closedPort, inventoryOver } from './helpers.ts';

// The shop app as its Git repository declares it; feature-flags was never applied to the cluster.
const MANIFESTS = `
apiVersion: v1
kind: Namespace
metadata: { name: shop, labels: { team: storefront } }
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: api, namespace: shop, labels: { app: api, tier: backend } }
spec:
  replicas: 3
  selector: { matchLabels: { app: api } }
  template:
    metadata: { labels: { app: api, tier: backend } }
    spec:
      containers:
        - name: api
          image: ghcr.io/acme/shop-api:2.7.1
          ports: [{ containerPort: 8080, name: http }]
---
apiVersion: v1
kind: Service
metadata: { name: api, namespace: shop, labels: { app: api } }
spec:
  selector: { app: api }
  ports: [{ name: http, port: 80, targetPort: 8080 }]
---
apiVersion: v1
kind: ConfigMap
metadata: { name: api-config, namespace: shop }
data: { LOG_FORMAT: json }
---
apiVersion: v1
kind: Secret
metadata: { name: api-db, namespace: shop }
type: Opaque
data: { username: c2hvcA== }
---
apiVersion: v1
kind: ConfigMap
metadata: { name: feature-flags, namespace: shop }
data: { checkout-v2: "true" }
`;

const states = parseManifestsDetailed(MANIFESTS, { path: 'apps/shop.yaml', hasher: testHasher }).resources;
const scan = (inventory: InventorySnapshot) =>
  runScan({
    states,
    inventory,
    registry: defaultRegistry(),
    hasher: testHasher,
    classify: defaultClassifier,
    now: () => new Date('2026-01-01T00:00:00Z'),
  });
const summary = (r: ReturnType<typeof scan>) => ({
  drifts: r.drifts.map((d) => [d.kind, d.id, d.scope, d.changes.map((c) => [c.path, c.desired, c.actual])]),
  notChecked: r.notChecked.map((n) => [n.address, n.reason]),
});

let prod: FakeKubernetesApiServer;
beforeEach(async () => {
  prod = await FakeKubernetesApiServer.start({ objects: clusterObjects(), token: 'test-token' });
  // Someone ran `kubectl scale deployment/api --replicas=5` in prod.
  (prod.get('apps/v1', 'deployments', 'shop', 'api')!.spec as { replicas: number }).replicas = 5;
});
afterEach(async () => {
  await prod.close();
});

describe('live Kubernetes inventory through the real engine', () => {
  it('finds the hand-scaled Deployment and the never-applied ConfigMap; nothing else on a clean cluster', async () => {
    const { inventory } = inventoryOver([{ context: 'prod', server: prod.url }]);
    expect(summary(scan(await inventory.read()))).toEqual({
      drifts: [
        ['missing', 'shop/feature-flags', 'kubernetes:prod', []],
        ['changed', 'shop/api', 'kubernetes:prod', [['spec.replicas', 3, 5]]],
      ],
      notChecked: [],
    });
  });

  it('a kind the scanner may not list (403 on secrets) leaves its declared objects not checked, never missing', async () => {
    prod.inject(forbiddenRule('secrets'));
    const { inventory } = inventoryOver([{ context: 'prod', server: prod.url }]);
    const report = scan(await inventory.read());
    expect(summary(report)).toEqual({
      drifts: [
        ['missing', 'shop/feature-flags', 'kubernetes:prod', []],
        ['changed', 'shop/api', 'kubernetes:prod', [['spec.replicas', 3, 5]]],
      ],
      notChecked: [
        ['apps/shop.yaml#Secret/shop/api-db', 'inventory has no v1/Secret items in scope kubernetes:*'],
      ],
    });
  });

  it('an unreachable second cluster makes nothing missing, and the reachable one still reports its drift', async () => {
    const port = await closedPort();
    prod.inject(forbiddenRule('secrets'));
    const { inventory } = inventoryOver([
      { context: 'prod', server: prod.url },
      { context: 'staging', server: `http://127.0.0.1:${port}` },
    ]);
    const report = scan(await inventory.read());
    const why = `scope kubernetes:staging incomplete: discovery failed (GET /api: Unreachable (ECONNREFUSED): connect ECONNREFUSED 127.0.0.1:${port})`;
    expect(summary(report)).toEqual({
      drifts: [['changed', 'shop/api', 'kubernetes:prod', [['spec.replicas', 3, 5]]]],
      notChecked: [
        ['apps/shop.yaml#ConfigMap/shop/feature-flags', why],
        ['apps/shop.yaml#Secret/shop/api-db', why],
      ],
    });
    expect(report.drifts.filter((d) => d.kind === 'missing')).toEqual([]);
  });
});
