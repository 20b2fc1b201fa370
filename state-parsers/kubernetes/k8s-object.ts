import { isPlainObject } from '../../lib/core/model/plain-object.ts';

/** A document that is a Kubernetes API object: apiVersion, kind and metadata.name are strings. */
export interface KubernetesObject extends Record<string, unknown> {
  apiVersion: string;
  kind: string;
  metadata: Record<string, unknown> & { name: string };
}

// apiVersion groups of local tool configuration that look like objects but never reach a cluster.
const TOOL_CONFIG =
  /^(kustomize\.config\.k8s\.io|config\.kubernetes\.io|kpt\.dev|fn\.kpt\.dev|skaffold|kind\.x-k8s\.io|kubeadm\.k8s\.io|kubelet\.config\.k8s\.io|kubeproxy\.config\.k8s\.io|apiserver\.config\.k8s\.io|audit\.k8s\.io|eksctl\.io|k3d\.io|ctlptl\.dev|builtin|clientcmd\.k8s\.io)(\/|$)/;

/** Why a document is not a Kubernetes object, or null when it is one. */
export function notAnObjectReason(doc: unknown): string | null {
  if (doc === null || doc === undefined) return 'empty document';
  if (!isPlainObject(doc)) return 'not a mapping';
  const { apiVersion, kind, metadata } = doc;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string' || apiVersion === '' || kind === '')
    return 'no apiVersion/kind: not a Kubernetes object';
  if (TOOL_CONFIG.test(apiVersion))
    return `${apiVersion} ${kind} is tool configuration, not a cluster object`;
  if (!isPlainObject(metadata)) return 'no metadata: not a Kubernetes object';
  if (typeof metadata.name !== 'string' || metadata.name === '') {
    return typeof metadata.generateName === 'string'
      ? 'metadata.generateName only: the object has no stable name'
      : 'no metadata.name: not a Kubernetes object';
  }
  const identity = [apiVersion, kind, metadata.name, metadata.namespace];
  if (identity.some((v) => typeof v === 'string' && v.includes('{{'))) {
    return 'template ({{ }}) in apiVersion/kind/name/namespace: not a plain manifest';
  }
  return null;
}

/** True for `kind: List` (and `*List`) documents that wrap their objects in `items`. */
export function isListDocument(doc: unknown): doc is { items: unknown[] } {
  return (
    isPlainObject(doc) &&
    typeof doc.kind === 'string' &&
    doc.kind.endsWith('List') &&
    Array.isArray(doc.items) &&
    !(isPlainObject(doc.metadata) && typeof doc.metadata.name === 'string')
  );
}

/** Flattens List documents (recursively) into their items. */
export function expandLists(doc: unknown): unknown[] {
  if (!isListDocument(doc)) return [doc];
  return doc.items.flatMap(expandLists);
}
