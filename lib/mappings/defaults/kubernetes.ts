import { firstBlock } from '../../core/mapping/accessors.ts';
import { scopeKey } from '../../core/model/coverage.ts';
import { k8sKey } from '../../core/model/identity.ts';
import type { StateResource } from '../../core/model/state-resource.ts';
import { attrString } from './shared.ts';

/** `apps/v1/Deployment` → apiVersion `apps/v1`, kind `Deployment`; null for `*` or a malformed type. */
export function splitK8sNativeType(nativeType: string): { apiVersion: string; kind: string } | null {
  const slash = nativeType.lastIndexOf('/');
  if (slash <= 0 || slash === nativeType.length - 1) return null;
  return { apiVersion: nativeType.slice(0, slash), kind: nativeType.slice(slash + 1) };
}

/** Name and namespace from the `metadata` block (`metadata.0.name` in state, or an object). */
function metadataOf(res: StateResource): { name?: string; namespace?: string } {
  const meta = firstBlock(res.attributes.metadata) ?? {};
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : undefined);
  return { name: str(meta.name), namespace: str(meta.namespace) };
}

/**
 * Default Kubernetes identities: one k8sKey per native type of the mapping, from the metadata
 * block. Resources that patch an arbitrary object (kubernetes_env, kubernetes_labels) name its
 * kind in `api_version`/`kind` attributes; those win over the native types.
 */
export function kubernetesIdentities(nativeTypes: readonly string[]): (res: StateResource) => string[] {
  return (res) => {
    const { name, namespace } = metadataOf(res);
    if (name === undefined) return [];
    const apiVersion = attrString(res, 'api_version');
    const kind = attrString(res, 'kind');
    const targets =
      apiVersion && kind
        ? [{ apiVersion, kind }]
        : nativeTypes.map(splitK8sNativeType).filter((t) => t !== null);
    // k8sKey leaves the version out, so v1 and v1beta1 rows of one kind give one identity.
    return [...new Set(targets.map((t) => k8sKey(t.apiVersion, t.kind, namespace, name)))];
  };
}

/** Default Kubernetes scope: the cluster is not recorded in the resource, so any cluster. */
export function kubernetesScope(_res: StateResource): string {
  return scopeKey.kubernetes('*');
}
