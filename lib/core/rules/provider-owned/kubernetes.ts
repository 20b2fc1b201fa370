import { field, str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

const SYSTEM_NAMESPACES = new Set(['kube-system', 'kube-public', 'kube-node-lease']);
const kind = (l: { nativeType: string }) => l.nativeType.slice(l.nativeType.lastIndexOf('/') + 1);
const ns = (l: { attributes: Record<string, unknown> | null }) => str(l.attributes, 'metadata', 'namespace');
const name = (l: { attributes: Record<string, unknown> | null }) => str(l.attributes, 'metadata', 'name');

/** Cluster-owned objects: system namespaces, controller children, per-namespace defaults, events. */
export const kubernetesOwnedRules: readonly ProviderOwnedRule[] = [
  {
    name: 'k8s-system-namespace',
    provider: 'kubernetes',
    owns: (l) =>
      SYSTEM_NAMESPACES.has(ns(l) ?? '') ||
      (kind(l) === 'Namespace' && (SYSTEM_NAMESPACES.has(name(l) ?? '') || name(l) === 'default')),
  },
  {
    // Pods of ReplicaSets, ReplicaSets of Deployments, Jobs of CronJobs, ControllerRevisions ...
    name: 'k8s-owner-references',
    provider: 'kubernetes',
    owns: (l) => {
      const refs = field(l.attributes, 'metadata', 'ownerReferences');
      return Array.isArray(refs) && refs.length > 0;
    },
  },
  {
    name: 'k8s-endpoints',
    provider: 'kubernetes',
    owns: (l) => kind(l) === 'Endpoints' || kind(l) === 'EndpointSlice',
  },
  {
    name: 'k8s-namespace-defaults',
    provider: 'kubernetes',
    owns: (l) =>
      (kind(l) === 'ConfigMap' && name(l) === 'kube-root-ca.crt') ||
      (kind(l) === 'ServiceAccount' && name(l) === 'default') ||
      (kind(l) === 'Secret' && str(l.attributes, 'type') === 'kubernetes.io/service-account-token'),
  },
  {
    name: 'k8s-events-and-leases',
    provider: 'kubernetes',
    owns: (l) => kind(l) === 'Event' || kind(l) === 'Lease',
  },
  {
    name: 'k8s-default-kubernetes-service',
    provider: 'kubernetes',
    owns: (l) => kind(l) === 'Service' && ns(l) === 'default' && name(l) === 'kubernetes',
  },
  {
    // Bootstrap RBAC, API priority-and-fairness defaults, addon-manager objects, built-in API services.
    name: 'k8s-control-plane-defaults',
    provider: 'kubernetes',
    owns: (l) => {
      const labels = l.tags ?? {};
      return (
        labels['kubernetes.io/bootstrapping'] === 'rbac-defaults' ||
        'addonmanager.kubernetes.io/mode' in labels ||
        labels['kube-aggregator.kubernetes.io/automanaged'] !== undefined ||
        str(field(l.attributes, 'metadata', 'annotations'), 'apf.kubernetes.io/autoupdate') !== undefined ||
        (name(l)?.startsWith('system:') ?? false) ||
        ['Node', 'ComponentStatus', 'CertificateSigningRequest'].includes(kind(l))
      );
    },
  },
];
