import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/mappings/kubernetes');
const fixture = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(FIXTURES, name), 'utf8')) as Record<string, unknown>;

const CA =
  '-----BEGIN CERTIFICATE-----\nMIIDBTCCAe2gAwIBAgIIQm9vdHN0cmFwMA0GCSqGSIb3DQEBCwUAMBUxEzARBgNV\n-----END CERTIFICATE-----\n';
const created = '2025-03-01T09:00:00Z';

/** Per-namespace objects Kubernetes creates itself in every namespace. */
function namespaceDefaults(ns: string): object[] {
  return [
    {
      apiVersion: 'v1',
      kind: 'ServiceAccount',
      metadata: { name: 'default', namespace: ns, creationTimestamp: created },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: 'kube-root-ca.crt',
        namespace: ns,
        creationTimestamp: created,
        annotations: {
          'kubernetes.io/description':
            'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.',
        },
        managedFields: [
          {
            apiVersion: 'v1',
            fieldsType: 'FieldsV1',
            fieldsV1: { 'f:data': { '.': {}, 'f:ca.crt': {} } },
            manager: 'kube-controller-manager',
            operation: 'Update',
            time: created,
          },
        ],
      },
      data: { 'ca.crt': CA },
    },
  ];
}

function namespace(name: string, labels: Record<string, string> = {}): object {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name,
      creationTimestamp: created,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    },
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  };
}

const ownedBy = (kind: string, name: string, uid: string) => [
  { apiVersion: 'apps/v1', kind, name, uid, controller: true, blockOwnerDeletion: true },
];

/**
 * A small kind-like cluster: system namespaces with their defaults, CoreDNS and kube-proxy in
 * kube-system, and the `shop` app (Deployment with managedFields/status, its ReplicaSet and Pods,
 * Service, ConfigMap, Secret) as the Terraform provider leaves it.
 */
export function clusterObjects(): object[] {
  const api = fixture('live-deployment-api.json');
  const rsUid = '3f6a1c2e-7b48-4d09-9e5a-1c2b3d4e5f60';
  const pods = [0, 1, 2].map((i) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name: `api-6d9c7f8b5d-${['x7k2p', 'm4q9z', 'c8w3n'][i]}`,
      namespace: 'shop',
      generateName: 'api-6d9c7f8b5d-',
      labels: { app: 'api', tier: 'backend', 'pod-template-hash': '6d9c7f8b5d' },
      ownerReferences: ownedBy('ReplicaSet', 'api-6d9c7f8b5d', rsUid),
      creationTimestamp: '2025-03-09T08:41:40Z',
    },
    spec: {
      nodeName: 'kind-control-plane',
      containers: [{ name: 'api', image: 'ghcr.io/acme/shop-api:2.7.1' }],
    },
    status: { phase: 'Running', podIP: `10.244.0.${12 + i}` },
  }));
  return [
    ...['default', 'kube-system', 'kube-public', 'kube-node-lease'].map((n) => namespace(n)),
    fixture('live-namespace-shop.json'),
    ...['default', 'kube-system', 'kube-public', 'kube-node-lease', 'shop'].flatMap(namespaceDefaults),
    {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        clusterIP: '10.96.0.1',
        ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
        type: 'ClusterIP',
      },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: {
        name: 'coredns',
        namespace: 'kube-system',
        labels: { 'k8s-app': 'kube-dns' },
        generation: 1,
      },
      spec: { replicas: 2, selector: { matchLabels: { 'k8s-app': 'kube-dns' } } },
      status: { replicas: 2, readyReplicas: 2, availableReplicas: 2 },
    },
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      metadata: { name: 'kube-proxy', namespace: 'kube-system', labels: { 'k8s-app': 'kube-proxy' } },
      spec: { selector: { matchLabels: { 'k8s-app': 'kube-proxy' } } },
    },
    {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: 'coredns', namespace: 'kube-system' },
      data: { Corefile: '.:53 {\n    errors\n    health\n}\n' },
    },
    {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRole',
      metadata: {
        name: 'system:aggregate-to-admin',
        labels: { 'kubernetes.io/bootstrapping': 'rbac-defaults' },
      },
      rules: [
        { apiGroups: ['authorization.k8s.io'], resources: ['localsubjectaccessreviews'], verbs: ['create'] },
      ],
    },
    {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'kind-control-plane', labels: { 'kubernetes.io/hostname': 'kind-control-plane' } },
    },
    api,
    {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: 'api-6d9c7f8b5d',
        namespace: 'shop',
        uid: rsUid,
        ownerReferences: ownedBy('Deployment', 'api', '9c1f2b4e-0c61-4d8a-9f5e-2b7c3e1d6a10'),
      },
      spec: { replicas: 3 },
    },
    ...pods,
    fixture('live-service-api.json'),
    fixture('live-configmap-api.json'),
    fixture('live-secret-api-db.json'),
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: { name: 'api.17f3a2b4c5d6e7f8', namespace: 'shop' },
      involvedObject: { kind: 'Deployment', name: 'api', namespace: 'shop' },
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set api-6d9c7f8b5d to 3',
      type: 'Normal',
    },
  ];
}

/** `count` ConfigMaps in the namespace, for paging tests and the benchmark. */
export function manyConfigMaps(count: number, namespace = 'load'): object[] {
  return Array.from({ length: count }, (_, i) => ({
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: `cm-${String(i).padStart(6, '0')}`, namespace, labels: { app: 'load' } },
    data: { index: String(i) },
  }));
}
