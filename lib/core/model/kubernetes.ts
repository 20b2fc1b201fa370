// Facts about Kubernetes objects that both the manifest parser (state-parsers, which may import only
// lib/core/model) and the kubernetes mappings need, so they live here once.

// Built-in and common add-on kinds that are cluster-scoped: they have no namespace, so their
// identity and address carry none. Anything named Cluster* (ClusterIssuer, ClusterSecretStore,
// ClusterPolicy ...) is cluster-scoped by convention.
const CLUSTER_SCOPED = new Set([
  'Namespace',
  'Node',
  'PersistentVolume',
  'StorageClass',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'IngressClass',
  'MutatingWebhookConfiguration',
  'ValidatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'APIService',
  'RuntimeClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
  'ComponentStatus',
  'PodSecurityPolicy',
  'IPAddress',
  'ServiceCIDR',
  'GatewayClass',
]);

/** True when objects of this kind have no namespace. */
export function isClusterScopedKind(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind) || /^Cluster[A-Z]/.test(kind);
}

/** Namespace of an object as the API server sees it: as written, 'default' when omitted, null when cluster-scoped. */
export function effectiveNamespace(kind: string, namespace: unknown): string | null {
  if (isClusterScopedKind(kind)) return null;
  return typeof namespace === 'string' && namespace !== '' ? namespace : 'default';
}

/**
 * Decodes one base64 Secret value to text (UTF-8, invalid bytes replaced as Go's JSON encoder
 * does), the form the kubernetes provider keeps in state. Null when the string is not base64.
 */
export function decodeBase64Text(value: string): string | null {
  const compact = value.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 === 1) return null;
  try {
    const binary = atob(compact);
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  } catch {
    return null;
  }
}
