import { field, str } from './read.ts';
import type { ProviderOwnedRule } from './types.ts';

// Upstream's system namespaces, plus the ones GKE creates for its managed add-ons (Managed Prometheus, CIM …).
const SYSTEM_NAMESPACES = new Set([
  'kube-system',
  'kube-public',
  'kube-node-lease',
  'gmp-system',
  'gmp-public',
  'gke-gmp-system',
]);
const isSystemNamespace = (n: string | undefined) =>
  n !== undefined && (SYSTEM_NAMESPACES.has(n) || n.startsWith('gke-managed-'));
const RBAC_KINDS = new Set(['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding']);
const annotations = (l: { attributes: Record<string, unknown> | null }) =>
  field(l.attributes, 'metadata', 'annotations');
const kind = (l: { nativeType: string }) => l.nativeType.slice(l.nativeType.lastIndexOf('/') + 1);
const ns = (l: { attributes: Record<string, unknown> | null }) => str(l.attributes, 'metadata', 'namespace');
const name = (l: { attributes: Record<string, unknown> | null }) => str(l.attributes, 'metadata', 'name');

/** Cluster-owned objects: system namespaces, controller children, per-namespace defaults, events. */
export const kubernetesOwnedRules: readonly ProviderOwnedRule[] = [
  {
    name: 'k8s-system-namespace',
    provider: 'kubernetes',
    owns: (l) =>
      isSystemNamespace(ns(l)) ||
      (kind(l) === 'Namespace' && (isSystemNamespace(name(l)) || name(l) === 'default')),
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
        // kube-apiserver marks its APF FlowSchemas/PriorityLevelConfigurations with autoupdate-spec.
        str(annotations(l), 'apf.kubernetes.io/autoupdate-spec') !== undefined ||
        (name(l)?.startsWith('system:') ?? false) ||
        (kind(l) === 'PriorityClass' &&
          ['system-cluster-critical', 'system-node-critical'].includes(name(l) ?? '')) ||
        // EKS writes its own RBAC objects, all named `eks:…`.
        (RBAC_KINDS.has(kind(l)) && (name(l)?.startsWith('eks:') ?? false)) ||
        ['Node', 'ComponentStatus', 'CertificateSigningRequest'].includes(kind(l))
      );
    },
  },
  {
    // The StorageClass the cloud installs: EKS's in-tree gp2, AKS's addon classes (cluster-service label).
    name: 'k8s-cloud-default-storage-class',
    provider: 'kubernetes',
    owns: (l) =>
      kind(l) === 'StorageClass' &&
      ((name(l) === 'gp2' && str(l.attributes, 'provisioner') === 'kubernetes.io/aws-ebs') ||
        l.tags?.['kubernetes.io/cluster-service'] === 'true'),
  },
  {
    // GKE puts a `gke-resource-quotas` ResourceQuota into every namespace.
    name: 'k8s-cloud-default-resource-quota',
    provider: 'kubernetes',
    owns: (l) => kind(l) === 'ResourceQuota' && name(l) === 'gke-resource-quotas',
  },
];
