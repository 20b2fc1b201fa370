import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { KubeConfig } from '@kubernetes/client-node';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  clientNodePatcher,
  KubernetesPatchExecutor,
  objectRef,
  ScaleReplicasExecutor,
} from '../../../../lib/adapters/remediation/kubernetes/index.ts';
import { remediationFor } from '../../../../lib/core/remediation/index.ts';
import { config, deployment } from '../../core/remediation/fixtures.ts';

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  body: unknown;
}

// The API server's discovery document for apps/v1 (trimmed to the kinds used here), as kube-apiserver answers it.
const APPS_V1 = {
  kind: 'APIResourceList',
  apiVersion: 'v1',
  groupVersion: 'apps/v1',
  resources: [
    {
      name: 'deployments',
      singularName: 'deployment',
      namespaced: true,
      kind: 'Deployment',
      verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
      shortNames: ['deploy'],
      categories: ['all'],
    },
    {
      name: 'deployments/scale',
      singularName: '',
      namespaced: true,
      group: 'autoscaling',
      version: 'v1',
      kind: 'Scale',
      verbs: ['get', 'patch', 'update'],
    },
  ],
};

let server: Server;
let kc: KubeConfig;
const seen: Seen[] = [];

async function bodyOf(req: IncomingMessage): Promise<unknown> {
  let text = '';
  for await (const chunk of req) text += chunk;
  return text ? JSON.parse(text) : undefined;
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    seen.push({
      method: req.method ?? '',
      url: req.url ?? '',
      contentType: req.headers['content-type'],
      body,
    });
    res.setHeader('content-type', 'application/json');
    if (req.method === 'GET' && req.url === '/apis/apps/v1') return res.end(JSON.stringify(APPS_V1));
    if (req.method === 'PATCH' && req.url?.startsWith('/apis/apps/v1/namespaces/shop/deployments/web')) {
      const patched = body as { spec?: { replicas?: number } };
      return res.end(
        JSON.stringify({
          kind: 'Deployment',
          apiVersion: 'apps/v1',
          metadata: {
            name: 'web',
            namespace: 'shop',
            uid: '1f0e6c0a-2b1d-4c3e-8f4a-5b6c7d8e9f00',
            resourceVersion: '48213',
            generation: 7,
          },
          spec: { replicas: patched.spec?.replicas ?? 1 },
        }),
      );
    }
    res.statusCode = 404;
    res.end(
      JSON.stringify({
        kind: 'Status',
        apiVersion: 'v1',
        metadata: {},
        status: 'Failure',
        message: 'the server could not find the requested resource',
        reason: 'NotFound',
        details: {},
        code: 404,
      }),
    );
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  kc = new KubeConfig();
  kc.loadFromOptions({
    clusters: [{ name: 'local', server: `http://127.0.0.1:${port}`, skipTLSVerify: true }],
    users: [{ name: 'u', token: 'test-token' }],
    contexts: [{ name: 'prod', cluster: 'local', user: 'u' }],
    currentContext: 'prod',
  });
});
afterAll(() => new Promise<void>((ok) => server.close(() => ok())));
beforeEach(() => {
  seen.length = 0;
});

const patcherFor = () => clientNodePatcher(kc);

describe('Kubernetes executors (client-node against a local API server)', () => {
  it('scale-replicas sends a strategic merge patch of spec.replicas to the desired count', async () => {
    const r = deployment();
    const actions = await new ScaleReplicasExecutor(patcherFor).execute({
      record: r,
      remediation: remediationFor('rem-1', r, config()),
      dryRun: false,
    });
    expect(actions).toEqual([
      {
        action: 'scale',
        resource: 'Deployment shop/web',
        description: 'set spec.replicas to the desired count',
        applied: true,
      },
    ]);
    const patch = seen.find((s) => s.method === 'PATCH');
    expect(patch?.url).toBe('/apis/apps/v1/namespaces/shop/deployments/web?fieldManager=driftwatch');
    expect(patch?.contentType).toBe('application/strategic-merge-patch+json');
    expect(patch?.body).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', namespace: 'shop' },
      spec: { replicas: 3 },
    });
  });

  it('kubernetes-patch sends a JSON merge patch of the changed paths', async () => {
    const r = deployment({
      category: 'LabelChange',
      changes: [{ path: 'metadata.labels.tier', desired: 'web', actual: 'db' }],
    });
    await new KubernetesPatchExecutor(patcherFor).execute({
      record: r,
      remediation: remediationFor('rem-2', r, config()),
      dryRun: false,
    });
    const patch = seen.find((s) => s.method === 'PATCH');
    expect(patch?.contentType).toBe('application/merge-patch+json');
    expect(patch?.body).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { labels: { tier: 'web' }, name: 'web', namespace: 'shop' },
    });
  });

  it('dry run sends nothing', async () => {
    const r = deployment();
    const actions = await new ScaleReplicasExecutor(patcherFor).execute({
      record: r,
      remediation: remediationFor('rem-3', r, config()),
      dryRun: true,
    });
    expect(actions[0]?.applied).toBe(false);
    expect(seen).toEqual([]);
  });

  it('addresses Terraform kubernetes types and manifest types', () => {
    expect(objectRef(deployment({ type: 'kubernetes_deployment_v1', nativeType: undefined }))).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(objectRef(deployment({ type: 'v1/ConfigMap', resourceId: 'shop/settings' }))).toEqual({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace: 'shop',
      name: 'settings',
    });
  });
});
